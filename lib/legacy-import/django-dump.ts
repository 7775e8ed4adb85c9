/**
 * The old system's `manage.py dumpdata` JSON: a list of `{ "model": "app.model", "pk": ..., "fields": {...} }`.
 * zod schemas for the models Ironlog imports; each field is checked and mapped (legacy-values.ts),
 * and a record failing any field is rejected with the field's reason. Fields not listed (Django's
 * groups, last_login, ...) are ignored. `password` is kept: it is a secret, never put in a reason.
 */
import { z } from "@/lib/zod";
import {
  type Mapped,
  keepLegacyEquipment,
  keepLegacyEquipmentRequired,
  mapLegacyAge,
  mapLegacyDateTime,
  mapLegacyDifficulty,
  mapLegacyEmail,
  mapLegacyExerciseType,
  mapLegacyExperience,
} from "./legacy-values";

export type LegacyPk = number | string;

export const djangoRecordSchema = z.object({
  model: z.string().min(1),
  pk: z.union([z.number().int(), z.string().min(1)]),
  fields: z.record(z.string(), z.unknown()),
});
export type DjangoRecord = z.infer<typeof djangoRecordSchema>;

/** A field whose value goes through a legacy mapping; its reason becomes the zod issue. */
function mapped<T>(map: (value: unknown) => Mapped<T>) {
  // optional() so that a field the record leaves out is mapped (as undefined) instead of refused.
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T => {
      const result = map(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.reason });
        return z.NEVER;
      }
      return result.value;
    });
}

const pk = z.union([z.number().int(), z.string().min(1)]);
const optionalText = z
  .string()
  .nullish()
  .transform((s) => (s && s.trim() !== "" ? s.trim() : null));
const requiredText = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .min(1, `${what} is empty`);
const flag = z
  .boolean()
  .nullish()
  .transform((b) => b ?? false);

export const legacyUserFields = z.object({
  email: mapped(mapLegacyEmail),
  username: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  is_staff: flag,
  is_superuser: flag,
  date_joined: mapped(mapLegacyDateTime),
  // Never echoed back: a zod message would otherwise carry the hash into the report.
  password: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === "string" ? v : "")),
});

export const legacyWorkoutFields = z.object({
  workout_name: requiredText("workout_name").pipe(z.string().max(200, "workout_name is longer than 200 characters")),
  type: mapped(mapLegacyExerciseType),
  notes: optionalText,
  user: pk.nullish(),
  created_at: mapped(mapLegacyDateTime),
  difficulty_level: mapped(mapLegacyDifficulty),
  equipment_required: mapped(keepLegacyEquipmentRequired),
});

export const legacyWorkoutMuscleFields = z.object({
  workout: pk,
  muscle: z.unknown(),
  activation_rating: z.coerce
    .number({ error: "activation_rating is not a number" })
    .int("activation_rating is not a whole number")
    .min(0, "activation_rating is below 0")
    .max(100, "activation_rating is above 100"),
});

export const legacySplitFields = z.object({
  split_name: requiredText("split_name"),
  user: pk,
  created_at: mapped(mapLegacyDateTime),
});

/** The old split day: a name, its place in the week, and its workouts (a many-to-many list). */
export const legacySplitDayFields = z
  .object({
    split: pk,
    day_name: z.string().nullish(),
    name: z.string().nullish(),
    day_order: z.number().int().nullish(),
    order: z.number().int().nullish(),
    workouts: z
      .array(pk)
      .nullish()
      .transform((list) => list ?? []),
  })
  .transform((f, ctx) => {
    const name = (f.day_name ?? f.name ?? "").trim();
    if (name === "") {
      ctx.addIssue({ code: "custom", path: ["day_name"], message: "day_name is missing" });
      return z.NEVER;
    }
    return { split: f.split, name, order: f.day_order ?? f.order ?? null, workouts: f.workouts };
  });

export const legacyAssessmentFields = z.object({
  user: pk,
  sport: optionalText,
  age: mapped(mapLegacyAge),
  experience: mapped(mapLegacyExperience),
  equipment: mapped(keepLegacyEquipment),
  equipment_items: mapped(keepLegacyEquipment),
  created_at: mapped(mapLegacyDateTime),
});

/** The models Ironlog imports, in the order they are mapped (each after what it refers to). */
export const LEGACY_MODELS = [
  "auth.user",
  "workouts.workout",
  "workouts.workoutmuscle",
  "workouts.split",
  "workouts.splitday",
  "assessments.assessment",
] as const;
export type LegacyModel = (typeof LEGACY_MODELS)[number];

/** Issues as "field: message" reasons. */
export function issueReasons(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.join(".");
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}
