/**
 * What a legacy import plans to write, and what it says about every record it does not write.
 * Rows refer to each other by legacy key (the old primary key as text) until the writer gives them ids.
 */
import type { LegacyPk } from "./django-dump";
import type { LegacyMuscle } from "./legacy-values";
import type { Role } from "@/lib/auth/roles";
import type { ExerciseType } from "@/lib/training/types";

/** What the database already holds, keyed as the planner compares them. */
export interface ExistingData {
  /** By lower-case e-mail. */
  userIdsByEmail: Map<string, number>;
  /** By exerciseNameKey(name). */
  exerciseIdsByName: Map<string, number>;
  /** By muscleNameKey(name). */
  muscleIdsByName: Map<string, number>;
}

/** A reference to a row that either exists already or is inserted by this import. */
export type RowRef = { existingId: number } | { planned: string };

export interface PlannedUser {
  key: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt?: Date;
  /** The Django hash, kept for sign-in (server/auth/django-hashers.ts); null when unusable or unverifiable. A secret. */
  passwordHash: string | null;
}
export interface PlannedMuscle extends LegacyMuscle {
  key: string;
}
export interface PlannedExercise {
  key: string;
  name: string;
  type: ExerciseType;
  difficulty: 1 | 2 | 3 | null;
  equipmentRequired: unknown;
  notes: string | null;
  createdBy: RowRef | null;
  createdAt?: Date;
}
export interface PlannedExerciseMuscle {
  exercise: string;
  muscle: RowRef;
  activationRating: number;
}
export interface PlannedSplit {
  key: string;
  user: string;
  name: string;
  position: number;
  createdAt?: Date;
}
export interface PlannedSplitDay {
  key: string;
  split: string;
  name: string;
  position: number;
}
export interface PlannedSplitDayExercise {
  splitDay: string;
  exercise: RowRef;
  position: number;
}
export interface PlannedAssessment {
  user: string;
  sport: string | null;
  age: number | null;
  experienceLevel: "beginner" | "intermediate" | "advanced" | null;
  equipment: unknown;
  equipmentItems: unknown;
  createdAt?: Date;
}

export type LegacyOutcomeKind = "mapped" | "skipped" | "rejected";

export interface LegacyOutcome {
  model: string;
  pk: LegacyPk | null;
  outcome: LegacyOutcomeKind;
  reason: string;
}

export interface LegacyModelCounts {
  mapped: number;
  skipped: number;
  rejected: number;
}

export interface LegacyPlan {
  users: PlannedUser[];
  /** New users who can sign in with their old password, and those who need a password reset. */
  passwords: { usable: number; needReset: number };
  muscles: PlannedMuscle[];
  exercises: PlannedExercise[];
  exerciseMuscles: PlannedExerciseMuscle[];
  splits: PlannedSplit[];
  splitDays: PlannedSplitDay[];
  splitDayExercises: PlannedSplitDayExercise[];
  assessments: PlannedAssessment[];
  /** Counts per legacy model, including models Ironlog does not use (all skipped). */
  models: Record<string, LegacyModelCounts>;
  /** Every skip and rejection, plus mapped records that carry a note; not the plain mapped ones. */
  outcomes: LegacyOutcome[];
}
