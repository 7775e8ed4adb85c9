/**
 * The preview's "Import" form, one schema for the browser and the server: the preview, the unit for
 * weights the file does not label, and for each distinct exercise name (by its index in the preview's
 * list) either a library exercise, named, or "create as my own exercise".
 */
import { z } from "@/lib/zod";
import { WEIGHT_UNITS } from "@/lib/training/units";

export type ExerciseChoice = { index: number; kind: "library"; name: string } | { index: number; kind: "own" };

const CHOICE_KEY = /^choice\.(\d{1,4})$/;

export const importFormSchema = z
  .object({
    previewId: z.uuid({ error: "This preview cannot be found. Upload the file again." }),
    weightUnit: z.enum(WEIGHT_UNITS, { error: "Choose kilograms or pounds." }),
  })
  .catchall(z.string().max(300, "Use at most 300 characters."))
  .transform((value, ctx) => {
    const record = value as Record<string, string>;
    const choices: ExerciseChoice[] = [];
    for (const [key, kind] of Object.entries(record)) {
      const match = CHOICE_KEY.exec(key);
      if (!match) continue;
      const index = Number(match[1]);
      if (kind === "own") {
        choices.push({ index, kind: "own" });
        continue;
      }
      const name = (record[`exercise.${index}`] ?? "").trim();
      if (kind !== "library" || !name) {
        ctx.addIssue({
          code: "custom",
          path: [`exercise.${index}`],
          message: "Choose an exercise from the list, or create it as your own.",
        });
        continue;
      }
      choices.push({ index, kind: "library", name });
    }
    return { previewId: value.previewId, weightUnit: value.weightUnit, choices: choices.sort((a, b) => a.index - b.index) };
  });

export type ImportFormInput = z.output<typeof importFormSchema>;

/** The preview's date question answered: the language its month names are read in. */
export const dateReadingFormSchema = z.object({
  previewId: z.uuid({ error: "This preview cannot be found. Upload the file again." }),
  locale: z.string({ error: "Choose a language." }).trim().min(2, "Choose a language.").max(20, "Choose a language."),
});
