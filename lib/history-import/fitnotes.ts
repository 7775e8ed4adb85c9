/** FitNotes' export, one row into one set. */
import { distanceUnitOf, instant, number, optionalText, required, text, UNBOUNDED, weightUnitOf, wholeNumber } from "./cells";
import { parseIsoWallClock } from "./local-time";
import type { ImportedSet, RowContext } from "./rows";

/** A FitNotes date is a day: its sets are one workout, placed at noon (the file says no time). */
export function readFitnotes(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
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
    weight: number(record["Weight"], "Weight", UNBOUNDED),
    weightUnit: "Weight Unit" in record ? weightUnitOf(record["Weight Unit"]) : (units.weight ?? null),
    reps: wholeNumber(record["Reps"], "Reps", Infinity),
    distance: number(record["Distance"], "Distance", UNBOUNDED),
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
export function clockSeconds(value: string | undefined): number | null {
  const raw = text(value);
  if (!raw) return null;
  const m = /^(\d+):(\d{2}):(\d{2})$/.exec(raw);
  if (!m) return number(raw, "Time", UNBOUNDED);
  return +m[1] * 3600 + +m[2] * 60 + +m[3];
}
