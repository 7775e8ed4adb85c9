/**
 * The read-only resources of /api/v1 beside the workout (./workout.ts): the exercise library, splits,
 * personal records and progress figures, as answered, and the one shape of every error.
 */
import { z } from "@/lib/zod";
import { EXERCISE_MEASURES, EXERCISE_TYPES } from "@/lib/training/types";
import { RECORD_KINDS } from "@/lib/training/records";
import { isTimeZone } from "@/lib/time-zone";

/** Every error: a code a program can branch on, a sentence a person can read, and messages by field. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).nullable(),
  }),
});
export type ApiErrorBody = z.output<typeof apiErrorSchema>;

export const apiExerciseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(EXERCISE_TYPES),
  difficulty: z.number().int().nullable(),
  equipmentRequired: z.array(z.string()),
  /** True for the athlete's own exercises, false for the built-in library's. */
  custom: z.boolean(),
  primaryMuscle: z.string().nullable(),
});

export const exerciseListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    type: z.enum(EXERCISE_TYPES).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();

export const apiSplitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  source: z.enum(["custom", "generated"]),
  updatedAt: z.iso.datetime({ offset: true }),
  days: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      position: z.number().int(),
      exercises: z.array(
        z.object({
          exerciseId: z.number().int(),
          exerciseName: z.string(),
          measure: z.enum(EXERCISE_MEASURES),
          position: z.number().int(),
          targetSets: z.number().int(),
          targetRepsMin: z.number().int(),
          targetRepsMax: z.number().int(),
          note: z.string().nullable(),
          supersetGroup: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});

const timeZoneQuery = z.string().refine(isTimeZone, "Use an IANA time zone name, such as Europe/Paris.").default("UTC");

export const recordListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50), timeZone: timeZoneQuery })
  .strict();

/** A personal record as it happened: the set that set it, and each kind it beat (values in kg, kg·reps, seconds, metres, m/s). */
export const apiRecordSchema = z.object({
  workoutId: z.number().int(),
  workoutName: z.string(),
  exerciseId: z.number().int(),
  exerciseName: z.string(),
  performedAt: z.iso.datetime({ offset: true }),
  set: z.object({
    weightKg: z.number(),
    reps: z.number().int(),
    seconds: z.number().nullable(),
    distanceM: z.number().nullable(),
  }),
  records: z.array(z.object({ kind: z.enum(RECORD_KINDS), value: z.number(), previous: z.number().nullable() })),
});

export const apiOneRepMaxSeriesSchema = z.object({
  exerciseId: z.number().int(),
  points: z.array(
    z.object({
      workoutId: z.number().int(),
      performedAt: z.iso.datetime({ offset: true }),
      estimateKg: z.number(),
      formula: z.string(),
    }),
  ),
});

export const weeklyVolumeQuerySchema = z
  .object({ weeks: z.coerce.number().int().min(1).max(52).default(8), timeZone: timeZoneQuery })
  .strict();

export const apiWeeklyVolumeSchema = z.object({
  week: z.string(),
  weekStart: z.string(),
  /** Activation-weighted sets per muscle. */
  setsByMuscle: z.record(z.string(), z.number()),
});
