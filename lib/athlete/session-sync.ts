/**
 * The session-save contract between the logger and the server (PUT /api/sessions/:id), and the one
 * definition of a valid set that both sides check. A device never sends "the session": it sends what
 * it changed, by identity (sets and exercise slots carry UUIDs made on the device), with the time
 * each field was changed there and the session revision it last saw. lib/athlete/session-merge.ts
 * applies such a save to the stored session.
 */
import { z } from "@/lib/zod";
import { jsonId } from "@/lib/ids";
import { fromStoredKg, WEIGHT_UNITS, type WeightUnit } from "@/lib/training/units";
import { type ExerciseMeasure, SET_TYPES, type SetType } from "@/lib/training/types";

/** The heaviest weight the database column holds (numeric(7,2)) is far above any real lift. */
export const MAX_WEIGHT_KG = 1500;
export const MAX_SETS_PER_SESSION = 300;
export const MAX_EXERCISES_PER_SESSION = 60;
export const MAX_SESSION_MINUTES = 24 * 60;
export const MAX_REPS = 1000;
export const MAX_SET_SECONDS = 86_400;
export const MAX_SET_METRES = 1_000_000;

/** What a tombstone names. The database enum is built from this list. */
export const SESSION_ITEM_KINDS = ["set", "exercise"] as const;
export type SessionItemKind = (typeof SESSION_ITEM_KINDS)[number];

/** When each field was last changed on a device, ms since the epoch. */
export type FieldTimes = Record<string, number>;

export const SET_FIELDS = ["weight", "reps", "rpe", "missed", "setType", "seconds", "distance", "position"] as const;
export type SetField = (typeof SET_FIELDS)[number];
/** Fields a device from before set types and measures does not send; absent, the merge leaves them alone. */
export const LATER_SET_FIELDS = ["setType", "seconds", "distance"] as const;

/**
 * A logged set's values, as typed (weight in the athlete's unit, distance in metres). A set records
 * reps, a time or a distance; zero of all of them only for an attempt marked missed; an empty field
 * never becomes 0. Left out (a device from before they existed), the set type is normal and there is
 * no time or distance.
 */
export const setValuesSchema = z
  .object({
    weight: z
      .number({ error: "Enter the weight (0 for bodyweight)." })
      .finite("Enter the weight (0 for bodyweight).")
      .min(0, "The weight cannot be negative."),
    reps: z
      .number({ error: "Enter the reps." })
      .int("Reps are whole numbers.")
      .min(0, "Reps cannot be negative.")
      .max(MAX_REPS, `Enter at most ${MAX_REPS} reps.`),
    rpe: z
      .number({ error: "RPE runs from 1 to 10." })
      .min(1, "RPE runs from 1 to 10.")
      .max(10, "RPE runs from 1 to 10.")
      .multipleOf(0.5, "Use whole or half RPE steps, like 8 or 8.5.")
      .nullable(),
    missed: z.boolean(),
    setType: z.enum(SET_TYPES, { error: "Choose normal, warm-up, drop or failure." }).default("normal"),
    seconds: z
      .number({ error: "Enter the time in seconds." })
      .int("Enter whole seconds.")
      .min(1, "Enter the time in seconds.")
      .max(MAX_SET_SECONDS, "A set lasts at most 24 hours.")
      .nullable()
      .default(null),
    distance: z
      .number({ error: "Enter the distance in metres." })
      .finite("Enter the distance in metres.")
      .positive("Enter the distance in metres.")
      .max(MAX_SET_METRES, "Enter at most 1000 km.")
      .multipleOf(0.01, "Use at most two decimals.")
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((set, ctx) => {
    if (set.reps === 0 && !set.missed && set.seconds === null && set.distance === null) {
      ctx.addIssue({ code: "custom", path: ["reps"], message: "Enter the reps, or mark the attempt as missed." });
    }
  });
export type SetValues = z.output<typeof setValuesSchema>;

/** The field a set of each measure must fill, and what it says when it is blank. */
export const MEASURE_FIELDS: Record<ExerciseMeasure, { reps: boolean; weight: boolean; seconds: boolean; distance: boolean }> = {
  reps: { reps: true, weight: false, seconds: false, distance: false },
  reps_load: { reps: true, weight: true, seconds: false, distance: false },
  time: { reps: false, weight: false, seconds: true, distance: false },
  distance: { reps: false, weight: true, seconds: false, distance: true },
  distance_time: { reps: false, weight: false, seconds: true, distance: true },
};

/** The weight limit in the unit the athlete typed in: refused on both sides with the same words. */
export function weightLimitMessage(weight: number, unit: WeightUnit): string | null {
  return weight > fromStoredKg(MAX_WEIGHT_KG, unit) + 1e-9 ? "That weight is beyond any lift on record." : null;
}

export type SetFieldErrors = Partial<Record<"weight" | "reps" | "rpe" | "missed" | "setType" | "seconds" | "distance", string>>;

/**
 * The shared check of one set: the field errors the logger shows, or none. Given the exercise's
 * measure, the field it is logged by must be filled (a plank needs its seconds) unless missed.
 */
export function setValueErrors(values: unknown, unit: WeightUnit, measure?: ExerciseMeasure): SetFieldErrors {
  const parsed = setValuesSchema.safeParse(values);
  const errors: SetFieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "reps") as keyof SetFieldErrors;
      errors[field] ??= issue.message;
    }
  } else {
    const limit = weightLimitMessage(parsed.data.weight, unit);
    if (limit) errors.weight = limit;
  }
  if (measure && !(values as { missed?: boolean }).missed) {
    const v = values as { seconds?: unknown; distance?: unknown; reps?: unknown };
    const fields = MEASURE_FIELDS[measure];
    if (fields.seconds && (v.seconds === null || v.seconds === undefined)) errors.seconds ??= "Enter the time in seconds.";
    if (fields.distance && (v.distance === null || v.distance === undefined)) errors.distance ??= "Enter the distance in metres.";
    if (fields.reps && (v.reps === null || v.reps === undefined)) errors.reps ??= "Enter the reps.";
    if (!fields.reps && (fields.seconds || fields.distance)) delete errors.reps;
  }
  return errors;
}

// Any UUID shape: slots of sessions logged before identities existed have ids derived by md5.
const uuidSchema = z.guid("Not a valid identity.");
/** A device's clock reading; the server clamps it to the time it receives the save. */
const timeSchema = z.number().int().nonnegative().max(8.64e15);

export const setChangeSchema = z
  .object({
    id: uuidSchema,
    slotId: uuidSchema,
    position: z.number().int().min(0).max(100_000),
    values: setValuesSchema,
    times: z
      .object({
        weight: timeSchema,
        reps: timeSchema,
        rpe: timeSchema,
        missed: timeSchema,
        position: timeSchema,
        setType: timeSchema.optional(),
        seconds: timeSchema.optional(),
        distance: timeSchema.optional(),
      })
      .strict(),
  })
  .strict();

export const targetSchema = z
  .object({
    sets: z.number().int().min(1).max(20),
    repsMin: z.number().int().min(1).max(100),
    repsMax: z.number().int().min(1).max(100),
    note: z.string().max(2000).nullable(),
  })
  .strict();
export type SlotTarget = z.output<typeof targetSchema>;

export const slotChangeSchema = z
  .object({
    id: uuidSchema,
    exerciseId: jsonId("Choose an exercise."),
    position: z.number().int().min(0).max(100_000),
    positionAt: timeSchema,
    // Grouping into a superset on a device: the later change wins, as for the position.
    supersetGroup: z.number().int().min(1).max(100).nullable().optional(),
    supersetAt: timeSchema.optional(),
  })
  .strict();

const deletionSchema = z.object({ id: uuidSchema, seenRevision: z.number().int().nonnegative() }).strict();

export const sessionSaveSchema = z
  .object({
    baseRevision: z.number().int().nonnegative(),
    unit: z.enum(WEIGHT_UNITS),
    name: z
      .object({
        value: z.string().trim().min(1, "Give the session a name.").max(100, "Use at most 100 characters."),
        at: timeSchema,
      })
      .strict()
      .optional(),
    notes: z
      .object({ value: z.string().trim().max(2000, "Keep notes under 2000 characters."), at: timeSchema })
      .strict()
      .optional(),
    durationMinutes: z
      .object({
        value: z
          .number({ error: "Enter the duration in whole minutes." })
          .int("Enter the duration in whole minutes.")
          .min(1, "The duration is at least 1 minute.")
          .max(MAX_SESSION_MINUTES, "A session lasts at most 24 hours.")
          .nullable(),
        at: timeSchema,
      })
      .strict()
      .optional(),
    finish: z.boolean().default(false),
    exercises: z
      .array(slotChangeSchema)
      .max(MAX_EXERCISES_PER_SESSION, `A session holds at most ${MAX_EXERCISES_PER_SESSION} exercises.`)
      .default([]),
    sets: z.array(setChangeSchema).max(MAX_SETS_PER_SESSION, `A session holds at most ${MAX_SETS_PER_SESSION} sets.`).default([]),
    deletedSets: z.array(deletionSchema).max(MAX_SETS_PER_SESSION).default([]),
    deletedExercises: z.array(deletionSchema).max(MAX_EXERCISES_PER_SESSION).default([]),
  })
  .strict()
  .superRefine((save, ctx) => {
    save.sets.forEach((set, index) => {
      const message = weightLimitMessage(set.values.weight, save.unit);
      if (message) ctx.addIssue({ code: "custom", path: ["sets", index, "values", "weight"], message });
    });
  });
export type SessionSaveInput = z.input<typeof sessionSaveSchema>;
export type SessionSave = z.output<typeof sessionSaveSchema>;

/** Zod issues keyed by their dotted path ("sets.2.values.reps", "name.value"). */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** One stored set as the devices see it (weight in kilograms, distance in metres). */
export type SnapshotSet = {
  id: string;
  slotId: string;
  position: number;
  weightKg: number;
  reps: number;
  rpe: number | null;
  missed: boolean;
  setType: SetType;
  durationSeconds: number | null;
  distanceM: number | null;
  revision: number;
  times: FieldTimes;
};

export type SnapshotSlot = {
  id: string;
  exerciseId: number;
  exerciseName: string;
  bodyweight: boolean;
  measure: ExerciseMeasure;
  /** Slots sharing a number are a superset (lib/athlete/supersets). */
  supersetGroup: number | null;
  position: number;
  target: SlotTarget | null;
  revision: number;
  times: FieldTimes;
};

/** The merged session a save answers with (and GET /api/sessions/:id returns). */
export type SessionSnapshot = {
  id: number;
  revision: number;
  name: string;
  notes: string;
  durationSeconds: number | null;
  finishedAt: string | null;
  times: FieldTimes;
  exercises: SnapshotSlot[];
  sets: SnapshotSet[];
};

/**
 * What happened to a change that did not land as sent:
 * - changed_elsewhere: another device changed these fields later; its values were kept.
 * - deleted_elsewhere: the set or exercise was removed on another device; the change was dropped.
 * - kept: a deletion refused, because the set was changed after the deleting device last saw it.
 */
export type SaveConflict = {
  kind: SessionItemKind | "session";
  id: string;
  reason: "changed_elsewhere" | "deleted_elsewhere" | "kept";
  fields?: string[];
};

export type SaveResult = { snapshot: SessionSnapshot; conflicts: SaveConflict[] };
