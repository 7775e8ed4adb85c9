/** Hevy's export, one row into one set. */
import { type MonthReader, monthReader, parseDayMonthWallClock } from "./local-time";
import type { WallClock } from "@/lib/time-zone";
import { instant, number, optionalText, required, RowError, setTypeOf, text, UNBOUNDED, wholeNumber } from "./cells";
import type { ImportedSet, RowContext } from "./rows";

/** One date reader per file's month names, so repeated dates are read once (see `instant`). */
export const hevyReaders = new WeakMap<MonthReader, (raw: string) => WallClock | null>();

export function readHevy(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const units = context.detected.hevyUnits ?? { weight: "kg", distance: "km" };
  const weightColumn = units.weight === "kg" ? "weight_kg" : "weight_lbs";
  const distanceColumn = units.distance === "km" ? "distance_km" : "distance_miles";
  const months = context.months ?? monthReader();
  const read = hevyReaders.get(months) ?? ((raw: string) => parseDayMonthWallClock(raw, months));
  hevyReaders.set(months, read);
  months.line = line;
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
    weight: number(record[weightColumn], weightColumn, UNBOUNDED),
    weightUnit: units.weight,
    reps: wholeNumber(record["reps"], "reps", Infinity),
    distance: number(record[distanceColumn], distanceColumn, UNBOUNDED),
    distanceUnit: units.distance,
    seconds: number(record["duration_seconds"], "duration_seconds", UNBOUNDED),
    rpe: number(record["rpe"], "rpe", { min: 1, max: 10 }),
    notes: null,
    missed: false,
  };
}
