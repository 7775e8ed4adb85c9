/**
 * A history file, read as a stream: the header picks the format (formats.ts), then csv-parse (a
 * maintained streaming parser: quoted separators and newlines, a BOM, CRLF) yields one record at a
 * time, each read into a set (rows.ts) or a problem with its line number. Only the sets are kept,
 * compact; the file itself never sits in memory whole.
 */
import { CsvError, parse } from "csv-parse";
import { hasUnsafeCharacters } from "@/lib/text";
import {
  detectFormat,
  type DetectedFormat,
  FITNOTES_HEADER,
  FORMAT_NAMES,
  HEVY_HEADER_KG,
  IRONLOG_HEADER,
  STRONG_HEADER,
  STRONG_LEGACY_HEADER,
} from "./formats";
import { dateQuestionOf } from "./date-question";
import { dateReadings, monthReader } from "./local-time";
import { type ImportedSet, readRow, type WeightUnitInFile } from "./rows";
import { isRestTimerRow } from "./strong";
import { measureFromSets, unstorableReason } from "./set-mapping";
import { type PreviewSummary, type RowProblem, type StoredWorkout, storedWorkout } from "./stored";
import { weightUnitHint } from "./unit-hint";
import { setWorthALook, type WorthALook, workoutWorthALook } from "./worth-a-look";
import { groupWorkouts, summarise } from "./workouts";

/** Each format's documented column names, by their lower-case form. */
const COLUMNS: Record<DetectedFormat["format"], Map<string, string>> = Object.fromEntries(
  (
    [
      ["strong", STRONG_HEADER],
      ["strong_legacy", STRONG_LEGACY_HEADER],
      ["hevy", [...HEVY_HEADER_KG, "weight_lbs", "distance_miles"]],
      ["ironlog", IRONLOG_HEADER],
      ["fitnotes", [...FITNOTES_HEADER, "Comment"]],
    ] as const
  ).map(([format, names]) => [format, new Map(names.map((name) => [name.toLowerCase(), name]))]),
) as Record<DetectedFormat["format"], Map<string, string>>;

/** How many problems the preview lists; the rest are counted. */
export const LISTED_PROBLEMS = 200;
/** The header must fit in the first 64 kB. */
const HEADER_SEARCH_BYTES = 64 * 1024;

export type ParsedHistoryFile = { ok: true; summary: PreviewSummary; workouts: StoredWorkout[] } | { ok: false; error: string };

const CSV_ERROR_TEXT: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is never closed (a note with a stray quote mark?)",
  CSV_INVALID_CLOSING_QUOTE: "a quote mark inside a cell is not doubled",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "there is text after a closing quote mark",
};

/** The parser's own words never reach the athlete: a code it names is said in ours, any other plainly. */
function csvErrorMessage(error: CsvError, detected: DetectedFormat): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const what = CSV_ERROR_TEXT[error.code] ?? "its quote marks or separators do not line up";
  return `This ${FORMAT_NAMES[detected.format]} export cannot be read as CSV${line ? ` at line ${line}` : ""}: ${what}. Nothing was saved; export the file again from the app it came from.`;
}

/** The bytes up to the first line holding something and its line break (or the first 64 kB), and an iterator for the rest. */
async function splitHead(chunks: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; rest: AsyncIterator<Uint8Array> }> {
  const rest = chunks[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < HEADER_SEARCH_BYTES) {
    const { value, done } = await rest.next();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
    if (value.includes(0x0a) && firstLineOf(concat(parts, size)) !== null) break;
  }
  return { head: concat(parts, size), rest };
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

async function* rejoin(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head;
  for (;;) {
    const { value, done } = await rest.next();
    if (done) return;
    yield value;
  }
}

/** The first line that holds something (a JEFIT backup starts with a blank one), or null before its line break. */
function firstLineOf(head: Uint8Array, whole = false): string | null {
  const lines = new TextDecoder("utf-8")
    .decode(head)
    .replace(/^\uFEFF/, "")
    .split("\n");
  const complete = whole ? lines : lines.slice(0, -1);
  return complete.find((line) => line.trim() !== "") ?? null;
}

function drainedOrClosed(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off("drain", done);
      parser.off("close", done);
      resolve();
    };
    parser.on("drain", done);
    parser.on("close", done);
  });
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Read a whole history file from its chunks. Throws only what the chunks throw (a size limit passed
 * upstream); everything wrong with the file itself is a value.
 */
export async function parseHistoryFile(
  chunks: AsyncIterable<Uint8Array>,
  { timeZone }: { timeZone: string },
): Promise<ParsedHistoryFile> {
  const { head, rest } = await splitHead(chunks);
  if (head.byteLength === 0) return { ok: false, error: "The file is empty. Choose the CSV file your app exported." };
  const detection = detectFormat(firstLineOf(head, true) ?? "");
  if (!detection.ok) {
    await rest.return?.();
    return detection;
  }
  const detected: DetectedFormat = detection.detected;
  const parser = parse({
    delimiter: detected.delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // Files saved again by other tools mix CRLF with bare LF; either ends a record.
    record_delimiter: ["\r\n", "\n"],
    info: true,
  });
  const sets: ImportedSet[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const problem = (line: number, reason: string) => {
    problemCount++;
    if (problems.length < LISTED_PROBLEMS) problems.push({ line, reason });
  };
  const units = new Set<WeightUnitInFile>();
  let unitUnsaid = false;
  /** How many sets hold each weight the file gives no unit for: the unit hint reads them. */
  const unsaidWeights = new Map<number, number>();
  let restTimers = 0;
  // A file with no header row is read by its format's own column names.
  let header: readonly string[] | null = detected.hasHeader === false ? detected.columns! : null;
  const months = monthReader();

  const source = rejoin(head, rest);
  const feeding = (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) break;
        if (!parser.write(chunk)) await drainedOrClosed(parser);
      }
      if (parser.destroyed) await source.return(undefined);
      else parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  try {
    // csv-parse counts a quoted CRLF as two lines, so lines are counted here: blank lines skipped, plus
    // the line breaks inside quoted cells.
    let lastEnd = 0;
    let lastEmpty = 0;
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      const line = lastEnd + 1 + (info.empty_lines - lastEmpty);
      lastEnd = line + countNewlines(record);
      lastEmpty = info.empty_lines;
      if (!header) {
        // The format matched ignoring case; rows.ts reads the columns by their documented names.
        header = detected.columns ?? record.map((cell) => COLUMNS[detected.format].get(cell.trim().toLowerCase()) ?? cell.trim());
        continue;
      }
      if (record.length !== header.length) {
        problem(
          line,
          `The row has ${record.length} cells where the header has ${header.length}: a separator inside a note that is not in quotes?`,
        );
        continue;
      }
      if (record.some(hasUnsafeCharacters)) {
        problem(line, "The row holds invisible control characters that cannot be saved.");
        continue;
      }
      const cells: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) cells[header[i]] = record[i];
      if (isRestTimerRow(cells, { detected })) {
        restTimers++;
        continue;
      }
      const result = readRow(cells, line, { detected, timeZone, months });
      if (!result.ok) {
        problem(result.line, result.reason);
        continue;
      }
      const unstorable = unstorableReason(result.set);
      if (unstorable) {
        problem(line, unstorable);
        continue;
      }
      // A set without a weight (a run, a plank) needs no unit: only weighed sets say whether to ask.
      if (result.set.weightUnit) units.add(result.set.weightUnit);
      else if (result.set.weight) {
        unitUnsaid = true;
        unsaidWeights.set(result.set.weight, (unsaidWeights.get(result.set.weight) ?? 0) + 1);
      }
      sets.push(result.set);
    }
  } catch (error) {
    await feeding;
    if (error instanceof CsvError) return { ok: false, error: csvErrorMessage(error, detected) };
    throw error;
  }
  await feeding;

  const workouts = groupWorkouts(sets);
  const summary = summarise(workouts);
  const setsByName = new Map<string, number>();
  const recorded = new Map<string, { reps: boolean; weight: boolean; seconds: boolean; distance: boolean }>();
  const stored = workouts.map(storedWorkout);
  const worthALook: WorthALook[] = [];
  let worthALookCount = 0;
  const look = (item: WorthALook | null) => {
    if (!item) return;
    worthALookCount++;
    if (worthALook.length < LISTED_PROBLEMS) worthALook.push(item);
  };
  for (const workout of stored) {
    look(workoutWorthALook(workout));
    for (const set of workout.exercises.flatMap((e) => e.sets)) look(setWorthALook(set, null));
  }
  for (const w of workouts) {
    for (const e of w.exercises) {
      setsByName.set(e.name, (setsByName.get(e.name) ?? 0) + e.sets.length);
      const flags = recorded.get(e.name) ?? { reps: false, weight: false, seconds: false, distance: false };
      for (const set of e.sets) {
        flags.reps ||= (set.reps ?? 0) > 0;
        flags.weight ||= (set.weight ?? 0) > 0;
        flags.seconds ||= (set.seconds ?? 0) > 0;
        flags.distance ||= (set.distance ?? 0) > 0;
      }
      recorded.set(e.name, flags);
    }
  }
  if (workouts.length === 0) {
    const first = problems[0];
    return {
      ok: false,
      error: first
        ? `No set in this file could be read (${problemCount} ${problemCount === 1 ? "row" : "rows"} refused). The first, line ${first.line}: ${first.reason}`
        : "This file holds a header but no sets.",
    };
  }
  return {
    ok: true,
    workouts: stored,
    summary: {
      format: detected.format,
      timeZone,
      weightUnitInFile: unitUnsaid ? null : units.size > 1 ? "mixed" : ([...units][0] ?? null),
      ...(unitUnsaid ? { unitHint: weightUnitHint(unsaidWeights) } : {}),
      ...(months.seen.size ? { dateQuestion: dateQuestionOf(dateReadings(months), months) } : {}),
      workouts: summary.workouts,
      sets: summary.sets,
      from: summary.from?.toISOString() ?? null,
      to: summary.to?.toISOString() ?? null,
      exercises: summary.exercises.map((name) => ({
        name,
        sets: setsByName.get(name) ?? 0,
        measure: measureFromSets(recorded.get(name)!),
      })),
      problems,
      problemCount,
      restTimers,
      worthALook: worthALook.sort((a, b) => a.line - b.line),
      worthALookCount,
    },
  };
}
