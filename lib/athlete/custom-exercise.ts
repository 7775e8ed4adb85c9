/**
 * The form an athlete fills to add a private exercise. Muscles come as up to three rows of
 * (muscle, activation %), named muscle1/activation1 … so that the form needs no client code; empty
 * rows are ignored and at least one muscle is required, because volume tracking counts by muscle.
 */
import { z } from "@/lib/zod";
import { CUSTOM_EXERCISE_EQUIPMENT, CUSTOM_EXERCISE_MUSCLE_ROWS } from "./custom-exercise-options";
import { EXERCISE_MEASURES, EXERCISE_TYPES } from "@/lib/training/types";
import { idSchema } from "@/lib/ids";

const checkboxList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(CUSTOM_EXERCISE_EQUIPMENT, { error: "Choose equipment from the list." })),
);

const optionalId = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idSchema.optional());
const optionalActivation = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce
    .number({ error: "Enter a rating from 1 to 100." })
    .int("Enter a whole number.")
    .min(1, "Enter a rating from 1 to 100.")
    .max(100, "Enter a rating from 1 to 100.")
    .optional(),
);

const muscleRowFields = Object.fromEntries(
  Array.from({ length: CUSTOM_EXERCISE_MUSCLE_ROWS }, (_, i) => [
    [`muscle${i + 1}`, optionalId],
    [`activation${i + 1}`, optionalActivation],
  ]).flat(),
) as Record<`muscle${number}` | `activation${number}`, typeof optionalId>;

export const customExerciseSchema = z
  .object({
    name: z.string().trim().min(2, "Name the exercise (at least 2 characters).").max(200, "Use at most 200 characters."),
    type: z.enum(EXERCISE_TYPES, { error: "Choose a type from the list." }),
    // How its sets are logged; a form without the choice logs weight × reps.
    measure: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.enum(EXERCISE_MEASURES, { error: "Choose how its sets are logged." }).default("reps_load"),
    ),
    difficulty: z.coerce
      .number({ error: "Choose a difficulty." })
      .int()
      .min(1, "Choose a difficulty.")
      .max(3, "Choose a difficulty."),
    equipment: checkboxList,
    notes: z
      .string()
      .trim()
      .max(500, "Keep notes under 500 characters.")
      .optional()
      .transform((v) => v || null),
    ...muscleRowFields,
  })
  .transform((value, ctx) => {
    const record = value as unknown as Record<string, number | undefined>;
    const muscles: { muscleId: number; activation: number }[] = [];
    let rowErrors = 0;
    for (let i = 1; i <= CUSTOM_EXERCISE_MUSCLE_ROWS; i++) {
      const muscleId = record[`muscle${i}`];
      const activation = record[`activation${i}`];
      if (muscleId === undefined && activation === undefined) continue;
      if (muscleId === undefined) {
        rowErrors++;
        ctx.addIssue({ code: "custom", path: [`muscle${i}`], message: "Choose the muscle this rating is for." });
      } else if (activation === undefined) {
        rowErrors++;
        ctx.addIssue({ code: "custom", path: [`activation${i}`], message: "Rate how strongly it works this muscle." });
      } else if (muscles.some((m) => m.muscleId === muscleId)) {
        rowErrors++;
        ctx.addIssue({ code: "custom", path: [`muscle${i}`], message: "This muscle is already listed." });
      } else {
        muscles.push({ muscleId, activation });
      }
    }
    if (muscles.length === 0 && rowErrors === 0) {
      ctx.addIssue({ code: "custom", path: ["muscle1"], message: "Choose at least one muscle it trains." });
    }
    return {
      name: value.name,
      type: value.type,
      measure: value.measure,
      difficulty: value.difficulty as 1 | 2 | 3,
      equipment: [...new Set(value.equipment)].sort(),
      notes: value.notes,
      muscles,
    };
  });

export type CustomExerciseInput = z.output<typeof customExerciseSchema>;
