/**
 * Ironlog's history export, row by row: Strong's columns (so other apps and spreadsheets read it)
 * followed by what Strong has no column for, one row per set. Weights in the athlete's unit with
 * enough decimals that importing the file again gives back the stored kilograms exactly.
 */
import { IRONLOG_HEADER } from "@/lib/history-import/formats";
import type { SetValues } from "@/lib/training/set";
import { formatWallClock, wallClockAt } from "@/lib/time-zone";
import { kgToLb, type WeightUnit } from "@/lib/training/units";

export type ExportedSet = SetValues & { notes: string | null };

export interface ExportedExercise {
  name: string;
  note: string | null;
  supersetGroup: number | null;
  sets: ExportedSet[];
}

export interface ExportedSession {
  name: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationSeconds: number | null;
  notes: string | null;
  exercises: ExportedExercise[];
}

export const EXPORT_CSV_HEADER: readonly string[] = IRONLOG_HEADER;

/** `2024-03-05 18:02:11`: the instant's wall-clock time in `timeZone` (Strong's date layout). */
export function wallClockIn(instant: Date, timeZone: string): string {
  return formatWallClock(wallClockAt(instant, timeZone));
}

/** Strong's `1h 5m` (seconds kept when there are any, so the duration comes back exact). */
export function durationText(seconds: number | null): string {
  if (seconds === null) return "";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : "", m ? `${m}m` : "", s || (!h && !m) ? `${s}s` : ""].filter(Boolean).join(" ");
}

/** A stored weight in the athlete's unit: three decimals of a pound bring the 0.01 kg back on import. */
export function exportedWeight(kg: number, unit: WeightUnit): string {
  const value = unit === "lb" ? Math.round(kgToLb(kg) * 1000) / 1000 : kg;
  return String(value);
}

export function sessionCsvRows(session: ExportedSession, unit: WeightUnit, timeZone: string): string[][] {
  const rows: string[][] = [];
  for (const exercise of session.exercises) {
    exercise.sets.forEach((set, i) => {
      rows.push([
        wallClockIn(session.startedAt, timeZone),
        session.name,
        durationText(session.durationSeconds),
        exercise.name,
        String(i + 1),
        exportedWeight(set.weightKg, unit),
        String(set.reps),
        set.distanceM === null ? "" : String(set.distanceM),
        set.seconds === null ? "" : String(set.seconds),
        set.notes ?? "",
        session.notes ?? "",
        set.rpe === null ? "" : String(set.rpe),
        unit === "lb" ? "lbs" : "kg",
        // Metres, as stored: the distance comes back exact.
        set.distanceM === null ? "" : "m",
        set.setType,
        exercise.supersetGroup === null ? "" : String(exercise.supersetGroup),
        timeZone,
        // The exercise's note once, on its first set, as Strong writes it.
        i === 0 ? (exercise.note ?? "") : "",
        set.missed ? "yes" : "",
      ]);
    });
  }
  return rows;
}
