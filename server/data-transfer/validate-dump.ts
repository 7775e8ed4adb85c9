/**
 * The import's first pass: read the whole dump and check every line without touching a database.
 * Besides each row's own rules (row-schemas.ts) it checks what only the file as a whole can show:
 * table order, duplicate primary keys and unique values, maintenance windows at the same time,
 * references to rows the dump does not hold, and a trailer whose counts match (a cut-short file has none).
 *
 * Memory grows with the number of keys (a Set of ids per table, for duplicates and references),
 * not with the rows themselves.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "@/lib/zod";
import { DUMP_FORMAT_VERSION, type DumpHeader, dumpHeaderSchema, dumpRecordSchema, dumpTrailerSchema } from "./dump-format";
import type { DumpSource } from "./dump-source";
import { InProgressSessions, upgradeRecord } from "./format-upgrade";
import { rowSchemaFor } from "./row-schemas";
import { DUMP_TABLE_ORDER, type DumpTableName, dumpTables, emptyTableCounts, isDumpTableName } from "./tables";

export interface Rejection {
  /** 1-based line number in the dump file. */
  line: number;
  table: string | null;
  /** Column name (or header field); null when the whole line is at fault. */
  field: string | null;
  message: string;
}

export interface DumpValidation {
  header?: DumpHeader;
  /** Records per table, as read. */
  counts: Record<DumpTableName, number>;
  /** The first `maxListed` rejections, in file order. */
  rejections: Rejection[];
  rejectedCount: number;
  /** SHA-256 of the lines read; the write pass checks the file did not change in between. */
  digest: string;
  /** Workouts an older format left in progress beside a later one of the same athlete: finished on load. */
  sessionsToFinish: ReadonlySet<number>;
}

export interface ValidateOptions {
  /** Schema migration tags this app ships; a dump taken at another one is refused. */
  knownSchemaMigrations: readonly string[];
  maxListed?: number;
}

export const DEFAULT_MAX_LISTED_REJECTIONS = 200;

type Key = string | number;

export async function validateDump(source: DumpSource, options: ValidateOptions): Promise<DumpValidation> {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED_REJECTIONS;
  const result: DumpValidation = {
    counts: emptyTableCounts(),
    rejections: [],
    rejectedCount: 0,
    digest: "",
    sessionsToFinish: new Set(),
  };
  const inProgress = new InProgressSessions();
  const reject = (line: number, table: string | null, field: string | null, message: string) => {
    result.rejectedCount += 1;
    if (result.rejections.length < maxListed) result.rejections.push({ line, table, field, message });
  };

  const tables = new Map(dumpTables().map((t) => [t.name, t]));
  const keys = new Map<string, Set<Key>>(dumpTables().map((t) => [t.name, new Set<Key>()]));
  const uniqueValues = new Map<string, Set<unknown>>();
  const maintenanceWindows = new OpenMaintenanceWindows();
  const hash = createHash("sha256");
  let lineNumber = 0;
  let tablePosition = 0;
  let sawTrailer = false;
  let stopped = false;

  for await (const line of source.lines()) {
    lineNumber += 1;
    hash.update(line).update("\n");
    if (stopped || line.trim() === "") continue;

    if (sawTrailer) {
      reject(lineNumber, null, null, "content after the trailer line");
      continue;
    }

    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      reject(lineNumber, null, null, `not valid JSON (${(error as Error).message})`);
      if (!result.header) stopped = true;
      continue;
    }

    if (!result.header) {
      const problem = headerProblem(value, options.knownSchemaMigrations);
      if (problem) {
        reject(lineNumber, null, problem.field, problem.message);
        // Without a header we cannot tell how to read the rest.
        stopped = true;
      } else {
        result.header = value as DumpHeader;
      }
      continue;
    }

    if (typeof value === "object" && value !== null && "end" in value) {
      sawTrailer = true;
      checkTrailer(dumpTrailerSchema.safeParse(value), lineNumber, result.counts, reject);
      continue;
    }

    const record = dumpRecordSchema.safeParse(value);
    if (!record.success) {
      reject(lineNumber, null, null, `not a record: expected {"table": ..., "row": {...}} (${record.error.issues[0].message})`);
      continue;
    }
    const tableName = record.data.table;
    if (!isDumpTableName(tableName)) {
      reject(lineNumber, tableName, null, `unknown table "${tableName}"`);
      continue;
    }
    const position = DUMP_TABLE_ORDER.indexOf(tableName);
    result.counts[tableName] += 1;
    if (position < tablePosition) {
      reject(
        lineNumber,
        tableName,
        null,
        `${tableName} record after ${DUMP_TABLE_ORDER[tablePosition]} records: tables must come in the order ${DUMP_TABLE_ORDER.join(", ")}`,
      );
      continue;
    }
    tablePosition = position;

    const upgraded = upgradeRecord(result.header.format_version, tableName, record.data.row);
    const row = upgraded.row;
    if (upgraded.impliedSlot) keys.get("session_exercises")!.add(upgraded.impliedSlot.id);
    if (tableName === "workout_sessions") inProgress.noteSession(result.header.format_version, row);
    const table = tables.get(tableName)!;
    const key = rowKey(table.primaryKey, row);
    const seen = keys.get(tableName)!;
    const parsed = rowSchemaFor(tableName).safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        reject(lineNumber, tableName, fieldOf(issue), issue.message);
      }
      // Still a row the dump holds: rows referring to it should not be reported as dangling too.
      seen.add(key);
      continue;
    }
    if (seen.has(key)) {
      reject(lineNumber, tableName, table.primaryKey.join(","), `duplicate primary key ${String(key)}`);
      continue;
    }
    seen.add(key);

    for (const column of table.uniqueColumns) {
      const columnValue = row[column];
      if (columnValue === null || columnValue === undefined) continue;
      const setKey = `${tableName}.${column}`;
      const values = uniqueValues.get(setKey) ?? uniqueValues.set(setKey, new Set()).get(setKey)!;
      if (values.has(columnValue)) {
        reject(lineNumber, tableName, column, `duplicate value ${JSON.stringify(columnValue)} (must be unique)`);
      }
      values.add(columnValue);
    }

    if (tableName === "maintenance_notices") {
      const clash = maintenanceWindows.add(row, lineNumber);
      if (clash) {
        reject(
          lineNumber,
          tableName,
          "starts_at",
          `overlaps maintenance_notices id ${String(clash.id)} (line ${clash.line}), and neither has ended: the database refuses two windows at once`,
        );
      }
    }

    for (const fk of table.foreignKeys) {
      const referenced = row[fk.column];
      if (referenced === null || referenced === undefined) continue;
      if (!keys.get(fk.table)?.has(referenced as Key)) {
        reject(
          lineNumber,
          tableName,
          fk.column,
          `refers to ${fk.table} ${fk.foreignColumn} ${String(referenced)}, which the dump does not hold`,
        );
      }
    }
  }

  if (lineNumber === 0) reject(0, null, null, "the dump is empty");
  else if (result.header && !sawTrailer && !stopped) {
    reject(lineNumber, null, null, `no trailer line: the dump was cut short after line ${lineNumber}`);
  }
  result.digest = hash.digest("hex");
  result.sessionsToFinish = inProgress.toFinish();
  return result;
}

function headerProblem(
  value: unknown,
  knownSchemaMigrations: readonly string[],
): { field: string | null; message: string } | null {
  const parsed = dumpHeaderSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { field: fieldOf(issue), message: `not an Ironlog dump header: ${issue.message}` };
  }
  const header = parsed.data;
  if (header.format_version > DUMP_FORMAT_VERSION) {
    return {
      field: "format_version",
      message: `written by a newer Ironlog (dump format ${header.format_version}); this one reads format ${DUMP_FORMAT_VERSION}`,
    };
  }
  if (header.schema_migration !== null && !knownSchemaMigrations.includes(header.schema_migration)) {
    return {
      field: "schema_migration",
      message: `taken at schema migration ${header.schema_migration}, which this app does not ship (newest: ${knownSchemaMigrations.at(-1) ?? "none"}); upgrade the app first`,
    };
  }
  return null;
}

function checkTrailer(
  parsed: ReturnType<typeof dumpTrailerSchema.safeParse>,
  line: number,
  counts: Record<DumpTableName, number>,
  reject: (line: number, table: string | null, field: string | null, message: string) => void,
) {
  if (!parsed.success) {
    reject(line, null, fieldOf(parsed.error.issues[0]), `not a trailer: ${parsed.error.issues[0].message}`);
    return;
  }
  const declared = parsed.data.counts;
  for (const table of DUMP_TABLE_ORDER) {
    const expected = declared[table] ?? 0;
    if (expected !== counts[table]) {
      reject(line, table, null, `trailer says ${expected} record(s) but the dump holds ${counts[table]}`);
    }
  }
  for (const table of Object.keys(declared)) {
    if (!isDumpTableName(table)) reject(line, table, null, `trailer counts an unknown table "${table}"`);
  }
}

/**
 * The maintenance windows read so far that have not ended, as the database's exclusion constraint
 * sees them (starts_at inclusive, ends_at exclusive). A deployment has a handful, so a list will do.
 */
class OpenMaintenanceWindows {
  private readonly windows: { id: unknown; line: number; startsAt: number; endsAt: number }[] = [];

  /** Adds a window that has not ended; returns the one it overlaps, if any (then it is not added). */
  add(row: Record<string, unknown>, line: number): { id: unknown; line: number } | null {
    if (row.ended_at !== null && row.ended_at !== undefined) return null;
    const startsAt = Date.parse(String(row.starts_at));
    const endsAt = Date.parse(String(row.ends_at));
    const clash = this.windows.find((w) => w.startsAt < endsAt && startsAt < w.endsAt);
    if (clash) return clash;
    this.windows.push({ id: row.id, line, startsAt, endsAt });
    return null;
  }
}

function rowKey(primaryKey: string[], row: Record<string, unknown>): Key {
  if (primaryKey.length === 1) return row[primaryKey[0]] as Key;
  return primaryKey.map((column) => String(row[column])).join(":");
}

function fieldOf(issue: z.core.$ZodIssue): string | null {
  if (issue.code === "unrecognized_keys") return issue.keys.join(",");
  return issue.path.length > 0 ? issue.path.join(".") : null;
}
