/**
 * Shapes shared by the training rules. The database enums in db/schema are built from these lists,
 * which live here so that the rules stay plain functions with no database import, usable from server
 * code and client components alike.
 */
export const EXERCISE_TYPES = ["barbell", "dumbbell", "bodyweight"] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

export const EXPERIENCE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

/** Where a split came from: built by the athlete, or generated from their assessment. */
export const SPLIT_SOURCES = ["custom", "generated"] as const;
export type SplitSource = (typeof SPLIT_SOURCES)[number];

export const TRAINING_GOALS = ["strength", "hypertrophy", "endurance", "general_fitness"] as const;
export type TrainingGoal = (typeof TRAINING_GOALS)[number];

/** 1 = learnable in a session, 2 = needs practice or a base of strength, 3 = advanced technique or strength. */
export type Difficulty = 1 | 2 | 3;

/** How strongly an exercise works a muscle, 0-100 (an EMG-style rating relative to the muscle's maximum). */
export type MuscleActivation = { muscle: string; activation: number };

/** One logged set as the training rules see it. Weight is always kilograms (0 = bodyweight only). */
export type LoggedSet = { weightKg: number; reps: number; rpe?: number | null };
