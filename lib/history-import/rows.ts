/**
 * One CSV record (header → cell) of a known format, read into one imported set, or a reason the row
 * cannot be read. Numbers are read as the file writes them (in its units); nothing is converted here.
 */
import type { DetectedFormat } from "./formats";
import { type MonthReader, monthReader, parseDayMonthWallClock, parseDurationText, parseIsoWallClock } from "./local-time";
import { type WallClock, isTimeZone, wallClockToInstant } from "@/lib/time-zone";

export const IMPORTED_SET_TYPES = ["normal", "warmup", "drop", "failure"] as const;
export type ImportedSetType = (typeof IMPORTED_SET_TYPES)[number];
export type WeightUnitInFile = "kg" | "lb";
export type DistanceUnitInFile = "km" | "mi" | "m";

export interface ImportedSet {
  line: number;
  workoutName: string;
  startedAt: Date;
  durationSeconds: number | null;
  workoutNotes: string | null;
  exerciseName: string;
  exerciseNotes: string | null;
  /** The set's place within its exercise, as the file numbers it. */
  setIndex: number;
  setType: ImportedSetType;
  supersetId: string | null;
  weight: number | null;
  /** null where the file does not say (Strong's current layout): the athlete is asked. */
  weightUnit: WeightUnitInFile | null;
  reps: number | null;
  distance: number | null;
  distanceUnit: DistanceUnitInFile | null;
  seconds: number | null;
  rpe: number | null;
  notes: string | null;
  /** A failed attempt: marked failed in the file, with no reps, time or distance. */
  missed: boolean;
}

export type RowResult = { ok: true; set: ImportedSet } | { ok: false; line: number; reason: string };

export interface RowContext {
  detected: DetectedFormat;
  /** Times without a zone are read in this one (the athlete's, or the file's own for Ironlog's). */
  timeZone: string;
  /** One per file, so every date of a file is read in the same language; a new one where left out. */
  months?: MonthReader;
}

class RowError extends Error {}

const text = (value: string | undefined) => (value ?? "").trim();
const optionalText = (value: string | undefined) => text(value) || null;

function number(
  value: string | undefined,
  column: string,
  { min = 0, max = 100_000 }: { min?: number; max?: number } = {},
): number | null {
  const raw = text(value);
  if (!raw) return null;
  // Some locales write a decimal comma ("82,5"); the delimiter never reaches here.
  const parsed = Number(raw.replace(",", "."));
  if (!Number.isFinite(parsed)) throw new RowError(`${column} “${raw.slice(0, 20)}” is not a number.`);
  if (parsed < min || parsed > max) throw new RowError(`${column} ${raw} is outside ${min}–${max}.`);
  return parsed;
}

function wholeNumber(value: string | undefined, column: string, max: number): number | null {
  const parsed = number(value, column, { max });
  if (parsed !== null && !Number.isInteger(parsed)) throw new RowError(`${column} ${parsed} is not a whole number.`);
  return parsed;
}

// Every set of a workout repeats its date: the last one read is reused.
let lastInstant: { raw: string; timeZone: string; read: unknown; at: Date } | null = null;

function instant(value: string | undefined, read: (text: string) => WallClock | null, example: string, timeZone: string): Date {
  const raw = text(value);
  if (lastInstant && lastInstant.raw === raw && lastInstant.timeZone === timeZone && lastInstant.read === read)
    return new Date(lastInstant.at);
  const at = readInstant(raw, read, example, timeZone);
  lastInstant = { raw, timeZone, read, at };
  return new Date(at);
}

function readInstant(raw: string, read: (text: string) => WallClock | null, example: string, timeZone: string): Date {
  const wallClock = raw ? read(raw) : null;
  if (!wallClock)
    throw new RowError(raw ? `The date “${raw.slice(0, 30)}” is not in the form ${example}.` : "The date is missing.");
  return wallClockToInstant(wallClock, timeZone);
}

function required(value: string | undefined, column: string): string {
  const raw = text(value);
  if (!raw) throw new RowError(`${column} is missing.`);
  return raw.slice(0, 200);
}

/** Strong numbers sets 1, 2, 3… and marks special ones with a letter in the same column. */
function strongSetOrder(value: string | undefined): { setIndex: number; setType: ImportedSetType } {
  const raw = text(value).toUpperCase();
  // Letters until 2024, words from 2025 on.
  const letters: Record<string, ImportedSetType> = {
    W: "warmup",
    D: "drop",
    F: "failure",
    WARM_UP: "warmup",
    DROP_SET: "drop",
    FAILURE: "failure",
  };
  if (letters[raw]) return { setIndex: 0, setType: letters[raw] };
  const index = wholeNumber(raw, "Set Order", 1000);
  if (index === null) throw new RowError("Set Order is missing.");
  return { setIndex: index, setType: "normal" };
}

function weightUnitOf(value: string | undefined): WeightUnitInFile | null {
  const raw = text(value).toLowerCase();
  if (!raw) return null;
  if (raw === "kg" || raw === "kgs") return "kg";
  if (raw === "lb" || raw === "lbs") return "lb";
  throw new RowError(`Weight Unit “${raw}” is neither kg nor lbs.`);
}

function distanceUnitOf(value: string | undefined): DistanceUnitInFile | null {
  // Strong writes miles as "mi." in its semicolon layout.
  const raw = text(value).toLowerCase().replace(/\.$/, "");
  if (!raw) return null;
  const units: Record<string, DistanceUnitInFile> = { km: "km", mi: "mi", miles: "mi", m: "m", meters: "m", metres: "m" };
  if (units[raw]) return units[raw];
  throw new RowError(`Distance Unit “${raw}” is not km, miles or metres.`);
}

function setTypeOf(value: string | undefined): ImportedSetType {
  const raw = text(value).toLowerCase();
  const types: Record<string, ImportedSetType> = {
    "": "normal",
    normal: "normal",
    warmup: "warmup",
    "warm-up": "warmup",
    dropset: "drop",
    drop: "drop",
    failure: "failure",
  };
  if (raw in types) return types[raw];
  throw new RowError(`Set type “${raw}” is not normal, warmup, dropset or failure.`);
}

function readStrong(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const order = strongSetOrder(record["Set Order"]);
  const units = context.detected.units ?? {};
  const duration = text(record["Duration"]);
  return {
    line,
    workoutName: required(record["Workout Name"], "Workout Name"),
    startedAt: instant(record["Date"], parseIsoWallClock, "2024-03-05 18:02:11", context.timeZone),
    durationSeconds: context.detected.durationInSeconds
      ? wholeNumber(duration, "Duration (sec)", 10_000_000)
      : parseDurationText(duration),
    workoutNotes: optionalText(record["Workout Notes"]),
    exerciseName: required(record["Exercise Name"], "Exercise Name"),
    // Strong's notes belong to the exercise (it has no set notes); it writes them on the exercise's first row.
    exerciseNotes: optionalText(record["Notes"]),
    ...order,
    supersetId: null,
    weight: number(record["Weight"], "Weight", { max: 2000 }),
    weightUnit: "Weight Unit" in record ? weightUnitOf(record["Weight Unit"]) : (units.weight ?? null),
    reps: wholeNumber(record["Reps"], "Reps", 1000),
    distance: number(record["Distance"], "Distance", { max: 1_000_000 }),
    distanceUnit: "Distance Unit" in record ? distanceUnitOf(record["Distance Unit"]) : (units.distance ?? null),
    seconds: number(record["Seconds"], "Seconds", { max: 86_400 }),
    rpe: number(record["RPE"], "RPE", { min: 1, max: 10 }),
    notes: null,
    missed: false,
  };
}

/** One date reader per file's month names, so repeated dates are read once (see `instant`). */
const hevyReaders = new WeakMap<MonthReader, (raw: string) => WallClock | null>();

function readHevy(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const units = context.detected.hevyUnits ?? { weight: "kg", distance: "km" };
  const weightColumn = units.weight === "kg" ? "weight_kg" : "weight_lbs";
  const distanceColumn = units.distance === "km" ? "distance_km" : "distance_miles";
  const months = context.months ?? monthReader();
  const read = hevyReaders.get(months) ?? ((raw: string) => parseDayMonthWallClock(raw, months));
  hevyReaders.set(months, read);
  const startedAt = instant(record["start_time"], read, "5 Mar 2024, 18:02", context.timeZone);
  const endRaw = text(record["end_time"]);
  const endedAt = endRaw ? instant(endRaw, read, "5 Mar 2024, 18:02", context.timeZone) : null;
  const index = wholeNumber(record["set_index"], "set_index", 1000);
  if (index === null) throw new RowError("set_index is missing.");
  const durationSeconds = endedAt && endedAt > startedAt ? Math.round((endedAt.getTime() - startedAt.getTime()) / 1000) : null;
  return {
    line,
    workoutName: required(record["title"], "title"),
    startedAt,
    durationSeconds,
    workoutNotes: optionalText(record["description"]),
    exerciseName: required(record["exercise_title"], "exercise_title"),
    exerciseNotes: optionalText(record["exercise_notes"]),
    // Hevy counts from 0.
    setIndex: index + 1,
    setType: setTypeOf(record["set_type"]),
    supersetId: optionalText(record["superset_id"]),
    weight: number(record[weightColumn], weightColumn, { max: 2000 }),
    weightUnit: units.weight,
    reps: wholeNumber(record["reps"], "reps", 1000),
    distance: number(record[distanceColumn], distanceColumn, { max: 1_000_000 }),
    distanceUnit: units.distance,
    seconds: number(record["duration_seconds"], "duration_seconds", { max: 86_400 }),
    rpe: number(record["rpe"], "rpe", { min: 1, max: 10 }),
    notes: null,
    missed: false,
  };
}

function readIronlog(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const zone = text(record["Time Zone"]) || context.timeZone;
  const set = readStrong(record, line, { ...context, timeZone: isTimeZone(zone) ? zone : context.timeZone });
  return {
    ...set,
    // Ironlog writes each set's own note in Strong's Notes column, the exercise's in a column of its own.
    exerciseNotes: optionalText(record["Exercise Notes"]),
    notes: set.exerciseNotes,
    missed: text(record["Missed"]).toLowerCase() === "yes",
    setIndex: wholeNumber(record["Set Order"], "Set Order", 1000) ?? set.setIndex,
    setType: setTypeOf(record["Set Type"]),
    supersetId: optionalText(record["Superset"]),
    weightUnit: weightUnitOf(record["Weight Unit"]),
    distanceUnit: distanceUnitOf(record["Distance Unit"]),
  };
}

/** A FitNotes date is a day: its sets are one workout, placed at noon (the file says no time). */
function readFitnotes(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const units = context.detected.units ?? {};
  const day = text(record["Date"]);
  return {
    line,
    workoutName: FITNOTES_WORKOUT_NAME,
    startedAt: instant(day && `${day} 12:00`, parseIsoWallClock, "2024-03-05", context.timeZone),
    durationSeconds: null,
    workoutNotes: null,
    exerciseName: required(record["Exercise"], "Exercise"),
    exerciseNotes: null,
    // FitNotes does not number its sets: their order in the file is theirs.
    setIndex: 0,
    setType: "normal",
    supersetId: null,
    weight: number(record["Weight"], "Weight", { max: 2000 }),
    weightUnit: "Weight Unit" in record ? weightUnitOf(record["Weight Unit"]) : (units.weight ?? null),
    reps: wholeNumber(record["Reps"], "Reps", 1000),
    distance: number(record["Distance"], "Distance", { max: 1_000_000 }),
    distanceUnit: distanceUnitOf(record["Distance Unit"]),
    seconds: clockSeconds(record["Time"]),
    rpe: null,
    notes: optionalText(record["Comment"]),
    missed: false,
  };
}

/** The name of the workout a FitNotes day becomes. */
export const FITNOTES_WORKOUT_NAME = "FitNotes workout";

/** FitNotes' `0:09:21` (hours, minutes, seconds). */
function clockSeconds(value: string | undefined): number | null {
  const raw = text(value);
  if (!raw) return null;
  const m = /^(\d+):(\d{2}):(\d{2})$/.exec(raw);
  if (!m) return number(raw, "Time", { max: 86_400 });
  const seconds = +m[1] * 3600 + +m[2] * 60 + +m[3];
  if (seconds > 86_400) throw new RowError(`Time ${raw} is longer than a day.`);
  return seconds;
}

/** The names Strong gives its rest-timer rows in the Set Order column (English, German). */
const REST_TIMER_NAMES = new Set(["rest timer", "ruhezeit"]);

/**
 * Strong (since 2025) writes each rest timer as a row of its own: not a set, set aside and counted.
 */
export function isRestTimerRow(record: Record<string, string>, context: Pick<RowContext, "detected">): boolean {
  const format = context.detected.format;
  if (format !== "strong" && format !== "strong_legacy") return false;
  return REST_TIMER_NAMES.has(text(record["Set Order"]).toLowerCase());
}

const nothing = (value: number | null) => value === null || value === 0;

/** Read one record (keys are the header's cells) found on `line` of the file. */
export function readRow(record: Record<string, string>, line: number, context: RowContext): RowResult {
  try {
    const format = context.detected.format;
    const set =
      format === "hevy"
        ? readHevy(record, line, context)
        : format === "ironlog"
          ? readIronlog(record, line, context)
          : format === "fitnotes"
            ? readFitnotes(record, line, context)
            : readStrong(record, line, context);
    // A failed attempt is kept as one, with the weight it was tried at.
    set.missed ||= set.setType === "failure" && nothing(set.reps) && nothing(set.seconds) && nothing(set.distance);
    return { ok: true, set };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, line, reason: error.message };
    throw error;
  }
}
