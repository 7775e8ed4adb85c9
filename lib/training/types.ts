/**
 * Shapes shared by the training rules. They mirror the database enums in db/schema (the seed-data
 * test checks they agree) but live here so that these rules stay plain functions with no database
 * import, usable from server code and client components alike.
 */
export const EXERCISE_TYPES = ["barbell", "dumbbell", "bodyweight"] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

export const EXPERIENCE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const TRAINING_GOALS = ["strength", "hypertrophy", "endurance", "general_fitness"] as const;
export type TrainingGoal = (typeof TRAINING_GOALS)[number];

/** 1 = learnable in a session, 2 = needs practice or a base of strength, 3 = advanced technique or strength. */
export type Difficulty = 1 | 2 | 3;

/** How strongly an exercise works a muscle, 0-100 (an EMG-style rating relative to the muscle's maximum). */
export type MuscleActivation = { muscle: string; activation: number };

/** One logged set as the training rules see it. Weight is always kilograms (0 = bodyweight only). */
export type LoggedSet = { weightKg: number; reps: number; rpe?: number | null };
