/**
 * What a plan's target counts, by the exercise's measure: reps (no unit), seconds for a hold, metres
 * for a carry or a run. Its own module (no zod), as the logger's page shows targets too.
 */
import type { ExerciseMeasure } from "@/lib/training/types";

export const TARGET_UNITS: Record<ExerciseMeasure, string> = {
  reps: "",
  reps_load: "",
  time: " s",
  distance: " m",
  distance_time: " m",
};
