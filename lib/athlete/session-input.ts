/**
 * What the logger sends when it saves a session, validated on the server (and in the browser before
 * sending, with the same schema). Weights arrive in the unit the athlete typed and are stored in
 * kilograms; the unit travels with the draft, so changing the preference mid-session cannot rescale
 * weights already typed.
 */
import { z } from "zod";
import { toStoredKg, WEIGHT_UNITS } from "@/lib/training/units";
import { jsonId } from "@/lib/ids";

/** The heaviest weight the database column holds (numeric(7,2)) is far above any real lift. */
export const MAX_WEIGHT_KG = 1500;
export const MAX_SETS_PER_SESSION = 300;
export const MAX_SESSION_MINUTES = 24 * 60;

export const loggedSetSchema = z
  .object({
    exerciseId: jsonId("Choose an exercise."),
    weight: z.number({ error: "Enter the weight (0 for bodyweight)." }).min(0, "The weight cannot be negative."),
    reps: z.number({ error: "Enter the reps." }).int("Reps are whole numbers.").min(0, "Reps cannot be negative.").max(1000, "Enter at most 1000 reps."),
    rpe: z
      .number()
      .min(1, "RPE runs from 1 to 10.")
      .max(10, "RPE runs from 1 to 10.")
      .multipleOf(0.5, "Use whole or half RPE steps, like 8 or 8.5.")
      .nullable()
      .optional(),
  })
  .strict();

export const sessionSaveSchema = z
  .object({
    name: z.string().trim().min(1, "Give the session a name.").max(100, "Use at most 100 characters."),
    unit: z.enum(WEIGHT_UNITS),
    notes: z.string().trim().max(2000, "Keep notes under 2000 characters.").nullish(),
    durationMinutes: z
      .number({ error: "Enter the duration in minutes." })
      .int("Enter whole minutes.")
      .min(0, "The duration cannot be negative.")
      .max(MAX_SESSION_MINUTES, "A session lasts at most 24 hours.")
      .nullish(),
    finished: z.boolean(),
    sets: z.array(loggedSetSchema).max(MAX_SETS_PER_SESSION, `A session holds at most ${MAX_SETS_PER_SESSION} sets.`),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.sets.forEach((set, index) => {
      if (toStoredKg(set.weight, value.unit) > MAX_WEIGHT_KG) {
        ctx.addIssue({ code: "custom", path: ["sets", index, "weight"], message: "That weight is beyond any lift on record." });
      }
    });
  });

export type SessionSaveInput = z.input<typeof sessionSaveSchema>;
export type SessionSave = z.output<typeof sessionSaveSchema>;

/** The rows to store: kilograms rounded to 0.01, positions in the order the athlete logged them. */
export function setsToStore(input: SessionSave): { exerciseId: number; position: number; reps: number; weightKg: number; rpe: number | null }[] {
  return input.sets.map((set, position) => ({
    exerciseId: set.exerciseId,
    position,
    reps: set.reps,
    weightKg: toStoredKg(set.weight, input.unit),
    rpe: set.rpe ?? null,
  }));
}

/** Zod issues keyed by their dotted path ("sets.2.reps", "name"), the shape the logger shows them in. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
