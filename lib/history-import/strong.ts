/** Strong's export (every layout since 2015, in its languages), one row into one set. */
import { parseDurationText, parseIsoWallClock } from "./local-time";
import {
  distanceUnitOf,
  instant,
  number,
  optionalText,
  required,
  RowError,
  text,
  UNBOUNDED,
  weightUnitOf,
  wholeNumber,
} from "./cells";
import type { ImportedSet, ImportedSetType, RowContext } from "./rows";

/** Strong numbers sets 1, 2, 3… and marks special ones with a letter in the same column. */
export function strongSetOrder(value: string | undefined): { setIndex: number; setType: ImportedSetType } {
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

export function readStrong(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const order = strongSetOrder(record["Set Order"]);
  const units = context.detected.units ?? {};
  const duration = text(record["Duration"]);
  return {
    line,
    workoutName: required(record["Workout Name"], "Workout Name"),
    startedAt: instant(record["Date"], parseIsoWallClock, "2024-03-05 18:02:11", context.timeZone),
    durationSeconds: context.detected.durationInSeconds
      ? wholeNumber(duration, "Duration (sec)", Infinity)
      : parseDurationText(duration),
    workoutNotes: optionalText(record["Workout Notes"]),
    exerciseName: required(record["Exercise Name"], "Exercise Name"),
    // Strong's notes belong to the exercise (it has no set notes); it writes them on the exercise's first row.
    exerciseNotes: optionalText(record["Notes"]),
    ...order,
    supersetId: null,
    weight: number(record["Weight"], "Weight", UNBOUNDED),
    weightUnit: "Weight Unit" in record ? weightUnitOf(record["Weight Unit"]) : (units.weight ?? null),
    reps: wholeNumber(record["Reps"], "Reps", Infinity),
    distance: number(record["Distance"], "Distance", UNBOUNDED),
    distanceUnit: "Distance Unit" in record ? distanceUnitOf(record["Distance Unit"]) : (units.distance ?? null),
    seconds: number(record["Seconds"], "Seconds", UNBOUNDED),
    rpe: number(record["RPE"], "RPE", { min: 1, max: 10 }),
    notes: null,
    missed: false,
  };
}

/** The names Strong gives its rest-timer rows in the Set Order column (English, German). */
export const REST_TIMER_NAMES = new Set(["rest timer", "ruhezeit"]);

/**
 * Strong (since 2025) writes each rest timer as a row of its own: not a set, set aside and counted.
 */
export function isRestTimerRow(record: Record<string, string>, context: Pick<RowContext, "detected">): boolean {
  const format = context.detected.format;
  if (format !== "strong" && format !== "strong_legacy") return false;
  return REST_TIMER_NAMES.has(text(record["Set Order"]).toLowerCase());
}
