/**
 * One CSV record (header → cell) of a known format, read into one imported set, or a reason the row
 * cannot be read. Numbers are read as the file writes them (in its units); nothing is converted here.
 * Each app's reader has its file: strong.ts, hevy.ts, fitnotes.ts, ironlog.ts (cells.ts: what they share).
 */
import type { DetectedFormat } from "./formats";
import type { MonthReader } from "./local-time";
import { RowError } from "./cells";
import { readFitnotes } from "./fitnotes";
import { readHevy } from "./hevy";
import { readIronlog } from "./ironlog";
import { readStrong } from "./strong";

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
