/**
 * The split editor's forms. Limits mirror the CHECK constraints on split_day_exercises (sets 1-20,
 * reps 1-100, max ≥ min) so the athlete gets a message by the field instead of a database error.
 */
import { z } from "@/lib/zod";
import { formId, idSchema } from "@/lib/ids";
import type { ExerciseMeasure } from "@/lib/training/types";
import { TARGET_UNITS } from "./targets";

/** The exercise picker's value: empty until the athlete picks one, which is what the error says. */
const chosenExerciseId = z.preprocess((v) => (v === "" || v === null ? undefined : v), formId("Choose an exercise to add."));

export const splitNameSchema = z.object({
  name: z.string().trim().min(1, "Give it a name.").max(60, "Use at most 60 characters."),
});

export const targetsFields = {
  targetSets: z.coerce
    .number({ error: "Enter the number of sets." })
    .int("Sets are whole numbers.")
    .min(1, "At least 1 set.")
    .max(20, "At most 20 sets."),
  targetRepsMin: z.coerce
    .number({ error: "Enter the reps." })
    .int("Reps are whole numbers.")
    .min(1, "At least 1 rep.")
    .max(100, "At most 100 reps."),
  targetRepsMax: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce
      .number({ error: "Enter the reps." })
      .int("Reps are whole numbers.")
      .min(1, "At least 1 rep.")
      .max(100, "At most 100 reps.")
      .optional(),
  ),
  note: z
    .string()
    .trim()
    .max(200, "Keep the note under 200 characters.")
    .optional()
    .transform((v) => v || null),
  // Exercises of a day with the same number are a superset; blank is none.
  supersetGroup: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce
      .number({ error: "Enter a superset number (1 to 100), or leave it blank." })
      .int("Superset numbers are whole numbers.")
      .min(1, "Superset numbers run from 1 to 100.")
      .max(100, "Superset numbers run from 1 to 100.")
      .nullable(),
  ),
};

/** A single rep count ("5") is a range of one: max defaults to min. */
function completeRange<T extends { targetRepsMin: number; targetRepsMax?: number }>(value: T, ctx: z.RefinementCtx) {
  const max = value.targetRepsMax ?? value.targetRepsMin;
  if (max < value.targetRepsMin) {
    ctx.addIssue({ code: "custom", path: ["targetRepsMax"], message: "The top of the range must be at least the bottom." });
    return z.NEVER;
  }
  return { ...value, targetRepsMax: max };
}

export const targetsSchema = z.object(targetsFields).transform(completeRange);
export const addDayExerciseSchema = z
  .object({ dayId: idSchema, exerciseId: chosenExerciseId, ...targetsFields })
  .transform(completeRange);
export const updateDayExerciseSchema = z.object({ itemId: idSchema, ...targetsFields }).transform(completeRange);

/** A day exercise's targets; a caller that leaves the superset out leaves it as it is. */
export type Targets = Omit<z.output<typeof targetsSchema>, "supersetGroup"> & { supersetGroup?: number | null };

/** "3 × 8–12", "5 × 5", "3 × 40–42 s". */
export function formatTargets(t: {
  targetSets: number;
  targetRepsMin: number;
  targetRepsMax: number;
  measure?: ExerciseMeasure;
}): string {
  const reps = t.targetRepsMin === t.targetRepsMax ? `${t.targetRepsMin}` : `${t.targetRepsMin}–${t.targetRepsMax}`;
  return `${t.targetSets} × ${reps}${TARGET_UNITS[t.measure ?? "reps"]}`;
}
