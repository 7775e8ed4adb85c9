/**
 * What a preview keeps in the database between the upload and "Import": the workouts found (compact,
 * as the file wrote them, in its units) and a summary the preview page shows without reading them.
 */
import type { ExerciseMeasure } from "@/lib/training/types";
import type { ImportFormat } from "./formats";
import type { DistanceUnitInFile, ImportedSet, ImportedSetType, WeightUnitInFile } from "./rows";
import type { DateQuestion } from "./date-question";
import type { UnitHint } from "./unit-hint";
import type { WorthALook } from "./worth-a-look";
import type { ImportedWorkout } from "./workouts";

/** A set as the file wrote it. Empty values are left out (not null): a ten-year preview is half the jsonb. */
export interface StoredSet {
  line: number;
  setIndex: number;
  setType: ImportedSetType;
  weight?: number | null;
  weightUnit?: WeightUnitInFile | null;
  reps?: number | null;
  distance?: number | null;
  distanceUnit?: DistanceUnitInFile | null;
  seconds?: number | null;
  rpe?: number | null;
  notes?: string | null;
  /** A failed attempt; left out when not (and in previews stored before failed attempts were kept). */
  missed?: true;
}

export interface StoredExercise {
  name: string;
  notes: string | null;
  supersetId: string | null;
  sets: StoredSet[];
}

export interface StoredWorkout {
  name: string;
  /** ISO instant. */
  startedAt: string;
  durationSeconds: number | null;
  notes: string | null;
  exercises: StoredExercise[];
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface PreviewSummary {
  format: ImportFormat;
  /** The zone times without one were read in (Ironlog's own export names its zone per row). */
  timeZone: string;
  /** "mixed" when the file names both units row by row (each set is converted by its own); null when it names none: the athlete is asked. */
  weightUnitInFile: WeightUnitInFile | "mixed" | null;
  /** Where the file names no unit: the one its weights look like, preselected for the athlete (null: no hint). */
  unitHint?: UnitHint | null;
  /** Where the file's month names read two ways (Polish or Croatian "lis"): the question the preview asks. */
  dateQuestion?: DateQuestion | null;
  workouts: number;
  sets: number;
  from: string | null;
  to: string | null;
  /** Each distinct exercise name with its number of sets and what they record, in name order. */
  exercises: { name: string; sets: number; measure?: ExerciseMeasure }[];
  /** The first problems (line and reason); `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
  /**
   * Values past what Ironlog stores (a workout over 24 hours, 3310 reps), the first of them with what
   * the import does with each; `worthALookCount` counts them all. Left out in previews stored before they were listed.
   */
  worthALook?: WorthALook[];
  worthALookCount?: number;
  /** Strong's rest-timer rows, set aside (not sets, not problems); left out in previews stored before they were counted. */
  restTimers?: number;
}

export function storedSet(set: ImportedSet): StoredSet {
  const stored: StoredSet = { line: set.line, setIndex: set.setIndex, setType: set.setType };
  if (set.weight !== null) stored.weight = set.weight;
  if (set.weightUnit !== null) stored.weightUnit = set.weightUnit;
  if (set.reps !== null) stored.reps = set.reps;
  if (set.distance !== null) stored.distance = set.distance;
  if (set.distanceUnit !== null) stored.distanceUnit = set.distanceUnit;
  if (set.seconds !== null) stored.seconds = set.seconds;
  if (set.rpe !== null) stored.rpe = set.rpe;
  if (set.notes !== null) stored.notes = set.notes;
  if (set.missed) stored.missed = true;
  return stored;
}

export function storedWorkout(workout: ImportedWorkout): StoredWorkout {
  return {
    name: workout.name,
    startedAt: workout.startedAt.toISOString(),
    durationSeconds: workout.durationSeconds,
    notes: workout.notes,
    exercises: workout.exercises.map((e) => ({
      name: e.name,
      notes: e.notes,
      supersetId: e.supersetId,
      sets: e.sets.map(storedSet),
    })),
  };
}

/** The distinct exercise names of a workout, in the order it first names them. */
export function exerciseNamesOf(workout: StoredWorkout): string[] {
  return [...new Set(workout.exercises.map((e) => e.name))];
}
