/**
 * The session-save contract between the logger and the server (PUT /api/sessions/:id): the server's
 * zod schemas, held to the plain rules the logger checks with (lib/training/set.ts for a set,
 * ./session-fields.ts for the session's own fields). A device never sends "the session": it sends what
 * it changed, by identity (sets and exercise slots carry UUIDs made on the device), with the time
 * each field was changed there and the session revision it last saw. lib/athlete/session-merge.ts
 * applies such a save to the stored session.
 */
import { z } from "@/lib/zod";
import { jsonId } from "@/lib/ids";
import { isRecord } from "@/lib/is-record";
import { isWeightUnit, toStoredKg, WEIGHT_UNITS } from "@/lib/training/units";
import { type ExerciseMeasure, SET_TYPES } from "@/lib/training/types";
import {
  hasAtMostTwoDecimals,
  isHalfStep,
  MAX_REPS,
  MAX_SET_METRES,
  MAX_SET_SECONDS,
  MAX_WEIGHT_KG,
  recordsSomething,
  SET_MESSAGES,
  type SetField,
  withCurrentSetNames,
  type SetValues,
} from "@/lib/training/set";
import { MAX_SESSION_MINUTES, MAX_SESSION_NAME, MAX_SESSION_NOTES, SESSION_FIELD_MESSAGES as S } from "./session-fields";

export const MAX_SETS_PER_SESSION = 300;
export const MAX_EXERCISES_PER_SESSION = 60;

/** What a tombstone names. The database enum is built from this list. */
export const SESSION_ITEM_KINDS = ["set", "exercise"] as const;
export type SessionItemKind = (typeof SESSION_ITEM_KINDS)[number];

/** When each field was last changed on a device, ms since the epoch, keyed by the field's name. */
export type FieldTimes = Record<string, number>;

const M = SET_MESSAGES;

/**
 * A logged set's values (lib/training/set: kilograms, seconds, metres), held to setValueErrors by a
 * property test: for any input both accept or refuse alike, with the same message for each field.
 * Left out (a device from before they existed), the set type is normal and there is no time or distance.
 */
export const setValuesSchema = z
  .object({
    weightKg: z
      .number({ error: M.weight })
      .min(0, M.weightNegative)
      .max(MAX_WEIGHT_KG, M.weightLimit)
      .refine(hasAtMostTwoDecimals, M.weightDecimals),
    reps: z.number({ error: M.reps }).int(M.repsWhole).min(0, M.repsNegative).max(MAX_REPS, M.repsLimit),
    rpe: z.number({ error: M.rpe }).min(1, M.rpe).max(10, M.rpe).refine(isHalfStep, M.rpeStep).nullable(),
    missed: z.boolean({ error: M.missed }),
    setType: z.enum(SET_TYPES, { error: M.setType }).default("normal"),
    seconds: z
      .number({ error: M.seconds })
      .int(M.secondsWhole)
      .min(1, M.seconds)
      .max(MAX_SET_SECONDS, M.secondsLimit)
      .nullable()
      .default(null),
    distanceM: z
      .number({ error: M.distance })
      .positive(M.distance)
      .max(MAX_SET_METRES, M.distanceLimit)
      .refine(hasAtMostTwoDecimals, M.distanceDecimals)
      .nullable()
      .default(null),
  })
  .strict()
  // Judged once every value is valid, as setValueErrors does.
  .refine(recordsSomething, {
    path: ["reps"],
    message: M.nothing,
    when: (payload) => payload.issues.length === 0,
  }) satisfies z.ZodType<SetValues, unknown>;

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
        weightKg: timeSchema,
        reps: timeSchema,
        rpe: timeSchema,
        missed: timeSchema,
        position: timeSchema,
        setType: timeSchema.optional(),
        seconds: timeSchema.optional(),
        distanceM: timeSchema.optional(),
      } satisfies Record<SetField | "position", unknown>)
      .strict(),
  })
  .strict();

/**
 * A set change as devices sent it before the set had one naming: `weight` in the athlete's unit (the
 * save's `unit`), `distance` in metres, and field times by those names. A device may hold such a
 * change in its offline queue across a deploy; it is read as the change it meant, so nothing queued
 * is lost. Anything else is passed on as it is, for the schema to judge.
 */
function upgradeLegacySetChange(change: unknown, unit: unknown): unknown {
  if (!isRecord(change) || !isRecord(change.values) || !("weight" in change.values)) return change;
  const { weight, ...values } = change.values;
  return {
    ...change,
    values: {
      ...withCurrentSetNames(values),
      weightKg: typeof weight === "number" && isWeightUnit(unit) ? toStoredKg(weight, unit) : weight,
    },
    times: withCurrentSetNames(isRecord(change.times) ? change.times : {}),
  };
}

function upgradeLegacySave(input: unknown): unknown {
  if (!isRecord(input) || !Array.isArray(input.sets)) return input;
  return { ...input, sets: input.sets.map((change) => upgradeLegacySetChange(change, input.unit)) };
}

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

/**
 * A session started on a device (with no signal, say): its first save carries how it was started,
 * and creates it under the device's identity. `slots` are the exercises the device laid out from the
 * plan it had, under the ids it gave them; the server takes their targets from the plan it holds.
 */
export const sessionStartSchema = z
  .object({
    splitDayId: jsonId("That day was not found.").nullable(),
    name: z.string().trim().min(1, S.name).max(MAX_SESSION_NAME, S.nameLength),
    startedAt: timeSchema,
    slots: z
      .array(
        z
          .object({
            id: uuidSchema,
            exerciseId: jsonId("Choose an exercise."),
            position: z.number().int().min(0).max(100_000),
            supersetGroup: z.number().int().min(1).max(100).nullable(),
          })
          .strict(),
      )
      .max(MAX_EXERCISES_PER_SESSION, `A session holds at most ${MAX_EXERCISES_PER_SESSION} exercises.`),
  })
  .strict();
export type SessionStart = z.output<typeof sessionStartSchema>;

const saveSchema = z
  .object({
    baseRevision: z.number().int().nonnegative(),
    start: sessionStartSchema.optional(),
    unit: z.enum(WEIGHT_UNITS),
    name: z
      .object({
        value: z.string().trim().min(1, S.name).max(MAX_SESSION_NAME, S.nameLength),
        at: timeSchema,
      })
      .strict()
      .optional(),
    notes: z
      .object({ value: z.string().trim().max(MAX_SESSION_NOTES, S.notesLength), at: timeSchema })
      .strict()
      .optional(),
    durationMinutes: z
      .object({
        value: z
          .number({ error: S.duration })
          .int(S.duration)
          .min(1, S.durationMin)
          .max(MAX_SESSION_MINUTES, S.durationMax)
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
  .strict();

/**
 * PUT /api/sessions/:id's body. `unit` is the athlete's unit on the device; set weights are kilograms
 * (a change in the earlier naming, weight in `unit`, is upgraded first).
 */
export const sessionSaveSchema = z.preprocess(upgradeLegacySave, saveSchema);
export type SessionSaveInput = z.input<typeof saveSchema>;
export type SessionSave = z.output<typeof saveSchema>;

/** Zod issues keyed by their dotted path ("sets.2.values.reps", "name.value"). */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * One stored set as the devices see it, and as the merge holds it: its values with its identity, its
 * slot, its order in the slot, the revision it last changed at and when each field was edited.
 */
export type SnapshotSet = SetValues & {
  id: string;
  slotId: string;
  position: number;
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
  /** The server's key; 0 while a session started on this device has not reached the server. */
  id: number;
  uid: string;
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
 * - also_logged: another device had logged a set at this new set's place (`position`, as sent): both
 *   were kept, this one after the slot's last set.
 * - started_elsewhere: this session was started on this device while another was already in progress
 *   on the server (two devices each started one with no signal): it was kept, as a finished workout,
 *   since an athlete has one workout in progress at a time.
 * - merged: this session was started on this device for the plan day another device's workout in
 *   progress was already following: it was merged into that one (lib/athlete/merged-workouts).
 */
export type SaveConflict = {
  kind: SessionItemKind | "session";
  id: string;
  reason: "changed_elsewhere" | "deleted_elsewhere" | "kept" | "also_logged" | "started_elsewhere" | "merged";
  fields?: string[];
  position?: number;
};

/**
 * `mergedSlots`: when the session holds a workout merged from another device, the ids that device gave
 * its exercises, each with the slot of this session it became; the device moves what it holds under them.
 */
export type SaveResult = { snapshot: SessionSnapshot; conflicts: SaveConflict[]; mergedSlots?: Record<string, string> };
