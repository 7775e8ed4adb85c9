/**
 * The workout as /api/v1 shows and takes it: one module for the resource, so the API's routes, its
 * OpenAPI document and anything else that speaks it (a webhook's payload, say) share one shape.
 * A set's values are the app's own (`setValuesSchema`, lib/athlete/session-sync: kilograms, seconds,
 * metres), checked by the same rules as the logger's saves.
 */
import { z } from "@/lib/zod";
import { jsonId } from "@/lib/ids";
import { SET_TYPES, EXERCISE_MEASURES } from "@/lib/training/types";
import { MAX_EXERCISES_PER_SESSION, MAX_SETS_PER_SESSION, setValuesSchema } from "@/lib/athlete/session-sync";
import {
  MAX_SESSION_MINUTES,
  MAX_SESSION_NAME,
  MAX_SESSION_NOTES,
  SESSION_FIELD_MESSAGES as S,
} from "@/lib/athlete/session-fields";

const uuid = z.guid("Not a valid identity.");
const dateTime = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date and time, such as 2026-03-01T18:30:00Z." });
const position = z.number().int().min(0).max(100_000);
const supersetGroup = z.number().int().min(1).max(100).nullable();

const name = z.string().trim().min(1, S.name).max(MAX_SESSION_NAME, S.nameLength);
const notes = z.string().trim().max(MAX_SESSION_NOTES, S.notesLength);
const durationMinutes = z
  .number({ error: S.duration })
  .int(S.duration)
  .min(1, S.durationMin)
  .max(MAX_SESSION_MINUTES, S.durationMax)
  .nullable();

/** One logged set, as answered. */
export const apiSetSchema = z.object({
  id: z.guid(),
  position: z.number().int(),
  weightKg: z.number(),
  reps: z.number().int(),
  rpe: z.number().nullable(),
  missed: z.boolean(),
  setType: z.enum(SET_TYPES),
  seconds: z.number().int().nullable(),
  distanceM: z.number().nullable(),
});

/** One exercise of a workout (a "slot": the same exercise may appear twice), with its sets in order. */
export const apiWorkoutExerciseSchema = z.object({
  id: z.guid(),
  exerciseId: z.number().int(),
  exerciseName: z.string(),
  measure: z.enum(EXERCISE_MEASURES),
  position: z.number().int(),
  supersetGroup: z.number().int().nullable(),
  sets: z.array(apiSetSchema),
});

/** A workout as answered. `revision` goes up with every change that lands. */
export const apiWorkoutSchema = z.object({
  id: z.number().int(),
  uid: z.guid(),
  name: z.string(),
  notes: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  durationSeconds: z.number().int().nullable(),
  revision: z.number().int(),
  exercises: z.array(apiWorkoutExerciseSchema),
});
export type ApiWorkout = z.output<typeof apiWorkoutSchema>;

/**
 * POST /api/v1/workouts: a finished workout, its exercises in order and each one's sets in order. The
 * server gives every exercise and set its identity (answered with the workout).
 */
export const workoutCreateSchema = z
  .object({
    name,
    notes: notes.default(""),
    startedAt: dateTime,
    durationMinutes: durationMinutes.default(null),
    exercises: z
      .array(
        z
          .object({
            exerciseId: jsonId("Choose an exercise from GET /api/v1/exercises."),
            supersetGroup: supersetGroup.default(null),
            sets: z.array(setValuesSchema).max(MAX_SETS_PER_SESSION),
          })
          .strict(),
      )
      .max(MAX_EXERCISES_PER_SESSION, `A workout holds at most ${MAX_EXERCISES_PER_SESSION} exercises.`)
      .default([]),
  })
  .strict()
  .refine((w) => w.exercises.reduce((n, e) => n + e.sets.length, 0) <= MAX_SETS_PER_SESSION, {
    path: ["exercises"],
    message: `A workout holds at most ${MAX_SETS_PER_SESSION} sets.`,
  });
export type WorkoutCreate = z.output<typeof workoutCreateSchema>;

/** A set's values, each one optional: a PATCH names only what it changes. */
const setValuesPatch = z.object(setValuesSchema.shape).partial();

/**
 * PATCH /api/v1/workouts/{id}: only what changes, by identity. A field left out is left as stored; an
 * exercise or set whose `id` the workout does not hold is added (an exercise needs `exerciseId`, a set
 * its exercise's `exerciseSlotId`). It is merged like a save from the app's logger: a field changed on
 * a phone meanwhile keeps the later of the two edits, and a set changed there since this client read
 * the workout is not deleted (the answer's `conflicts` say so).
 */
export const workoutPatchSchema = z
  .object({
    name: name.optional(),
    notes: notes.optional(),
    durationMinutes: durationMinutes.optional(),
    exercises: z
      .array(
        z
          .object({
            id: uuid,
            exerciseId: jsonId("Choose an exercise from GET /api/v1/exercises.").optional(),
            position: position.optional(),
            supersetGroup: supersetGroup.optional(),
          })
          .strict(),
      )
      .max(MAX_EXERCISES_PER_SESSION)
      .default([]),
    sets: z
      .array(setValuesPatch.extend({ id: uuid, exerciseSlotId: uuid.optional(), position: position.optional() }).strict())
      .max(MAX_SETS_PER_SESSION)
      .default([]),
    deletedSets: z.array(uuid).max(MAX_SETS_PER_SESSION).default([]),
    deletedExercises: z.array(uuid).max(MAX_EXERCISES_PER_SESSION).default([]),
  })
  .strict();
export type WorkoutPatch = z.output<typeof workoutPatchSchema>;

/** What did not land as sent (see SaveConflict in lib/athlete/session-sync). */
export const apiConflictSchema = z.object({
  kind: z.enum(["set", "exercise", "session"]),
  id: z.string(),
  reason: z.enum(["changed_elsewhere", "deleted_elsewhere", "kept", "also_logged", "started_elsewhere"]),
  fields: z.array(z.string()).optional(),
  position: z.number().int().optional(),
});

export const WORKOUT_PAGE_DEFAULT = 20;
export const WORKOUT_PAGE_MAX = 50;

/** GET /api/v1/workouts's query: newest first, `cursor` from the previous page's `nextCursor`. */
export const workoutListQuerySchema = z
  .object({
    from: dateTime.optional(),
    to: dateTime.optional(),
    limit: z.coerce.number().int().min(1).max(WORKOUT_PAGE_MAX).default(WORKOUT_PAGE_DEFAULT),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, "Use the nextCursor of the previous page.")
      .optional(),
  })
  .strict();
