/**
 * Shapes shared by the training rules. The database enums in db/schema are built from these lists,
 * which live here so that the rules stay plain functions with no database import, usable from server
 * code and client components alike.
 */
export const EXERCISE_TYPES = ["barbell", "dumbbell", "bodyweight", "kettlebell", "band", "cable", "machine"] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

export const EXERCISE_TYPE_LABELS: Record<ExerciseType, string> = {
  barbell: "Barbell",
  dumbbell: "Dumbbell",
  bodyweight: "Bodyweight",
  kettlebell: "Kettlebell",
  band: "Band",
  cable: "Cable",
  machine: "Machine",
};

/**
 * What a set of the exercise records: reps (bodyweight or a band, no load), reps with a load (the
 * default: every set logged before measures existed is weight × reps), a time (a plank), a distance
 * (a carry, a sled push), or a distance and a time (a row, a run).
 */
export const EXERCISE_MEASURES = ["reps", "reps_load", "time", "distance", "distance_time"] as const;
export type ExerciseMeasure = (typeof EXERCISE_MEASURES)[number];

export const EXERCISE_MEASURE_LABELS: Record<ExerciseMeasure, string> = {
  reps_load: "Weight and reps",
  reps: "Reps only",
  time: "Time (a hold)",
  distance: "Distance (a carry)",
  distance_time: "Distance and time (a row, a run)",
};

export { SET_TYPES, type SetType } from "./set-types";

export const EXPERIENCE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

/** Where a split came from: built by the athlete, or generated from their assessment. */
export const SPLIT_SOURCES = ["custom", "generated"] as const;

export const TRAINING_GOALS = ["strength", "hypertrophy", "endurance", "general_fitness"] as const;
export type TrainingGoal = (typeof TRAINING_GOALS)[number];

/** 1 = learnable in a session, 2 = needs practice or a base of strength, 3 = advanced technique or strength. */
export type Difficulty = 1 | 2 | 3;

/** How strongly an exercise works a muscle, 0-100 (an EMG-style rating relative to the muscle's maximum). */
export type MuscleActivation = { muscle: string; activation: number };
