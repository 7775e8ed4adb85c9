/**
 * Imported sets gathered into workouts, the way the athlete trained them: one workout per start time
 * and name, its exercises in the order the file first names them, each exercise's sets in file order
 * (warm-ups first where the file puts them there).
 */
import type { ImportedSet } from "./rows";

export interface ImportedExercise {
  name: string;
  notes: string | null;
  supersetId: string | null;
  sets: ImportedSet[];
}

export interface ImportedWorkout {
  /** Start time and name: what makes two rows the same workout, and a workout a duplicate. */
  key: string;
  name: string;
  startedAt: Date;
  durationSeconds: number | null;
  notes: string | null;
  exercises: ImportedExercise[];
}

export function workoutKey(startedAt: Date, name: string): string {
  return `${startedAt.toISOString()}|${name.trim().toLowerCase()}`;
}

export function groupWorkouts(sets: readonly ImportedSet[]): ImportedWorkout[] {
  const workouts = new Map<string, ImportedWorkout>();
  for (const set of sets) {
    const key = workoutKey(set.startedAt, set.workoutName);
    let workout = workouts.get(key);
    if (!workout) {
      workout = {
        key,
        name: set.workoutName,
        startedAt: set.startedAt,
        durationSeconds: set.durationSeconds,
        notes: set.workoutNotes,
        exercises: [],
      };
      workouts.set(key, workout);
    }
    workout.durationSeconds ??= set.durationSeconds;
    workout.notes ??= set.workoutNotes;
    // An exercise done twice in one workout (apart, not in a row) stays two entries, as it was trained.
    const lastExercise = workout.exercises.at(-1);
    const exercise =
      lastExercise && lastExercise.name === set.exerciseName
        ? lastExercise
        : workout.exercises.find((e) => e.name === set.exerciseName && e.supersetId !== null && e.supersetId === set.supersetId);
    if (exercise) {
      exercise.sets.push(set);
      exercise.notes ??= set.exerciseNotes;
    } else {
      workout.exercises.push({ name: set.exerciseName, notes: set.exerciseNotes, supersetId: set.supersetId, sets: [set] });
    }
  }
  return [...workouts.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

export interface ImportSummary {
  workouts: number;
  sets: number;
  exercises: string[];
  from: Date | null;
  to: Date | null;
}

export function summarise(workouts: readonly ImportedWorkout[]): ImportSummary {
  const names = new Set<string>();
  let sets = 0;
  for (const workout of workouts) {
    for (const exercise of workout.exercises) {
      names.add(exercise.name);
      sets += exercise.sets.length;
    }
  }
  return {
    workouts: workouts.length,
    sets,
    exercises: [...names].sort((a, b) => a.localeCompare(b)),
    from: workouts[0]?.startedAt ?? null,
    to: workouts.at(-1)?.startedAt ?? null,
  };
}
