/**
 * Labels and limits of the assessment form, apart from its zod schema (./assessment) so that the
 * form's client bundle does not carry zod.
 */
import type { ExperienceLevel, TrainingGoal } from "@/lib/training/types";

export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  beginner: "Beginner (less than a year of regular training)",
  intermediate: "Intermediate (1–3 years)",
  advanced: "Advanced (3+ years)",
};

export const GOAL_LABELS: Record<TrainingGoal, string> = {
  strength: "Get stronger",
  hypertrophy: "Build muscle",
  endurance: "Muscular endurance",
  general_fitness: "General fitness",
};

/** The program templates cover 2 to 6 training days (full body, upper/lower, push/pull/legs). */
export const MIN_DAYS_PER_WEEK = 2;
export const MAX_DAYS_PER_WEEK = 6;

export const ITEMS_REQUIRED_MESSAGE = "Tick at least one item you own, or choose “No equipment”.";
