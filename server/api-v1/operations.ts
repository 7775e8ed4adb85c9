import "server-only";

/**
 * Every operation of /api/v1 in one table: its method and path, what it reads (path, query and body
 * schemas), what it answers, and the body that runs it. The route handler dispatches through this
 * table and the OpenAPI document (./openapi.ts) is generated from it, so the two cannot disagree.
 */
import type { DbOrTx } from "@/db/client";
import type { User } from "@/db/schema";
import { z } from "@/lib/zod";
import {
  apiConflictSchema,
  apiWorkoutSchema,
  workoutCreateSchema,
  workoutListQuerySchema,
  workoutPatchSchema,
} from "@/lib/api/workout";
import {
  apiExerciseSchema,
  apiOneRepMaxSeriesSchema,
  apiRecordSchema,
  apiSplitSchema,
  apiWeeklyVolumeSchema,
  exerciseListQuerySchema,
  recordListQuerySchema,
  weeklyVolumeQuerySchema,
} from "@/lib/api/resources";
import { sessionRefFromSegment } from "@/lib/athlete/session-ref";
import { oneRepMaxSeries } from "@/lib/athlete/record-events";
import { weekWindow } from "@/lib/training/volume";
import { parseId } from "@/lib/ids";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { FIT_CONTENT_TYPE, FIT_MESSAGES, fitFileResponse, workoutFit } from "@/server/fit/workout-fit";
import { listExercises } from "@/server/queries/exercises";
import { getSplit, listSplits } from "@/server/queries/splits";
import { historySets, recentRecords, weeklyVolume } from "@/server/queries/training-progress";
import { createWorkout, deleteWorkout, listWorkouts, patchWorkout } from "./workouts";
import { getWorkout } from "./workout-read";
import type { ApiAnswer } from "./idempotency";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

type Input<P, Q, B> = { db: DbOrTx; user: User; params: P; query: Q; body: B; now: Date };

export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The path below /api/v1, with `{name}` for a path parameter. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Writes need a read-and-write token, and may be sent with an Idempotency-Key. */
  writes: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** An example body for the document (and for the tests that call every operation). */
  bodyExample?: unknown;
  /** A JSON answer (`schema`), or a file of `contentType` (the run answers a Response). */
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Error statuses beyond those every operation may answer (401, 403, 429). */
  errors: number[];
  run(input: Input<unknown, unknown, unknown>): Promise<ApiAnswer>;
}

function operation<P, Q, B>(
  op: Omit<Operation, "run" | "params" | "query" | "body"> & {
    params?: z.ZodObject & z.ZodType<P>;
    query?: z.ZodObject & z.ZodType<Q>;
    body?: z.ZodType<B>;
    run(input: Input<P, Q, B>): Promise<ApiAnswer>;
  },
): Operation {
  return op as Operation;
}

const ok = (body: unknown, status = 200): ApiAnswer => ({ status, body });
const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

const workoutRefParams = z.object({
  id: z.string().max(64),
});
function workoutRef(id: string) {
  const ref = sessionRefFromSegment(id);
  if (ref === undefined) throw new NotFoundError("That workout");
  return ref;
}

const exampleWorkout = {
  name: "Push day",
  notes: "Felt strong.",
  startedAt: "2026-03-01T18:00:00Z",
  durationMinutes: 55,
  exercises: [
    {
      exerciseId: 1,
      supersetGroup: null,
      sets: [
        { weightKg: 60, reps: 8, rpe: 7, missed: false, setType: "normal" },
        { weightKg: 62.5, reps: 8, rpe: 8, missed: false, setType: "normal" },
      ],
    },
  ],
};

export const OPERATIONS: Operation[] = [
  operation({
    operationId: "listWorkouts",
    method: "GET",
    path: "/workouts",
    tag: "Workouts",
    summary: "List workouts",
    description:
      "Newest first. `from` and `to` bound when a workout started (from inclusive, to exclusive). When there are more, `nextCursor` is the `cursor` of the next page.",
    writes: false,
    query: workoutListQuerySchema,
    response: {
      status: 200,
      description: "A page of workouts.",
      schema: z.object({ data: z.array(apiWorkoutSchema), nextCursor: z.string().nullable() }),
    },
    errors: [422],
    run: async ({ db, user, query }) => ok(await listWorkouts(db, user.id, query)),
  }),
  operation({
    operationId: "createWorkout",
    method: "POST",
    path: "/workouts",
    tag: "Workouts",
    summary: "Log a finished workout",
    description:
      "Sets are in kilograms, seconds and metres. Send an `Idempotency-Key` header so that a retry never logs the workout twice.",
    writes: true,
    body: workoutCreateSchema,
    bodyExample: exampleWorkout,
    response: { status: 201, description: "The workout as stored.", schema: dataOf(apiWorkoutSchema) },
    errors: [413, 422],
    run: async ({ db, user, body, now }) => ok({ data: await createWorkout(db, user.id, body, now) }, 201),
  }),
  operation({
    operationId: "getWorkout",
    method: "GET",
    path: "/workouts/{id}",
    tag: "Workouts",
    summary: "Get a workout",
    description: "`id` is the workout's `id` or its `uid`.",
    writes: false,
    params: workoutRefParams,
    response: { status: 200, description: "The workout.", schema: dataOf(apiWorkoutSchema) },
    errors: [404],
    run: async ({ db, user, params }) => ok({ data: await getWorkout(db, user.id, workoutRef(params.id)) }),
  }),
  operation({
    operationId: "getWorkoutFit",
    method: "GET",
    path: "/workouts/{id}.fit",
    tag: "Workouts",
    summary: "Download a finished workout as a Garmin FIT file",
    description:
      "The workout as a FIT activity with one `set` message per set, for Garmin Connect or Strava (docs/garmin-fit.md). " +
      "`id` is the workout's `id` or its `uid`. A workout still in progress is 409.",
    writes: false,
    params: workoutRefParams,
    response: { status: 200, description: "The FIT file.", contentType: FIT_CONTENT_TYPE },
    errors: [404, 409],
    run: async ({ db, user, params }) => {
      const { id } = await getWorkout(db, user.id, workoutRef(params.id));
      const fit = await workoutFit(db, user.id, id);
      if (fit.status === "in-progress") throw new UserFacingError(FIT_MESSAGES.inProgress, { status: 409, code: "in_progress" });
      if (fit.status === "not-found") throw new NotFoundError("That workout");
      return { status: 200, body: fitFileResponse(fit) };
    },
  }),
  operation({
    operationId: "updateWorkout",
    method: "PATCH",
    path: "/workouts/{id}",
    tag: "Workouts",
    summary: "Change a workout",
    description:
      "Send only what changes. Exercises and sets are named by their `id`; an `id` the workout does not hold adds one. Merged like a save from the app: what was changed on a phone meanwhile is kept, and `conflicts` lists what did not land as sent.",
    writes: true,
    params: workoutRefParams,
    body: workoutPatchSchema,
    bodyExample: { name: "Push day (heavy)", notes: "Changed from a script." },
    response: {
      status: 200,
      description: "The merged workout, and what did not land as sent.",
      schema: z.object({ data: apiWorkoutSchema, conflicts: z.array(apiConflictSchema) }),
    },
    errors: [404, 413, 422],
    run: async ({ db, user, params, body, now }) => ok(await patchWorkout(db, user.id, workoutRef(params.id), body, now)),
  }),
  operation({
    operationId: "deleteWorkout",
    method: "DELETE",
    path: "/workouts/{id}",
    tag: "Workouts",
    summary: "Delete a workout",
    writes: true,
    params: workoutRefParams,
    response: { status: 204, description: "Deleted." },
    errors: [404],
    run: async ({ db, user, params }) => {
      await deleteWorkout(db, user.id, workoutRef(params.id));
      return { status: 204, body: null };
    },
  }),
  operation({
    operationId: "listExercises",
    method: "GET",
    path: "/exercises",
    tag: "Exercises",
    summary: "List exercises",
    description: "The built-in library and your own exercises (`custom`), by name, 20 a page.",
    writes: false,
    query: exerciseListQuerySchema,
    response: {
      status: 200,
      description: "A page of exercises.",
      schema: z.object({
        data: z.array(apiExerciseSchema),
        page: z.number().int(),
        pageCount: z.number().int(),
        total: z.number().int(),
      }),
    },
    errors: [422],
    run: async ({ db, user, query }) => {
      const { items, ...page } = await listExercises(db, user.id, {
        q: query.q || undefined,
        type: query.type,
        fitsMyEquipment: false,
        page: query.page,
      });
      return ok({ data: items, ...page });
    },
  }),
  operation({
    operationId: "listSplits",
    method: "GET",
    path: "/splits",
    tag: "Splits",
    summary: "List splits",
    description: "Your own splits and the generated program, each with its days and their exercises.",
    writes: false,
    response: { status: 200, description: "Your splits.", schema: dataOf(z.array(apiSplitSchema)) },
    errors: [],
    run: async ({ db, user }) => {
      const splits = [];
      for (const summary of await listSplits(db, user.id)) {
        const split = await getSplit(db, user.id, summary.id);
        if (!split) continue;
        splits.push({
          id: split.id,
          name: split.name,
          source: split.source,
          updatedAt: split.updatedAt.toISOString(),
          days: split.days.map((day) => ({
            id: day.id,
            name: day.name,
            position: day.position,
            exercises: day.exercises.map((e) => ({
              exerciseId: e.exerciseId,
              exerciseName: e.exerciseName,
              measure: e.measure,
              position: e.position,
              targetSets: e.targetSets,
              targetRepsMin: e.targetRepsMin,
              targetRepsMax: e.targetRepsMax,
              note: e.note,
              supersetGroup: e.supersetGroup,
            })),
          })),
        });
      }
      return ok({ data: splits });
    },
  }),
  operation({
    operationId: "listRecords",
    method: "GET",
    path: "/records",
    tag: "Progress",
    summary: "List personal records",
    description: "Newest first, one per kind per exercise per day in `timeZone` (default UTC), as the progress page shows them.",
    writes: false,
    query: recordListQuerySchema,
    response: { status: 200, description: "Your records.", schema: dataOf(z.array(apiRecordSchema)) },
    errors: [422],
    run: async ({ db, user, query }) => {
      const events = await recentRecords(db, user.id, query.timeZone, query.limit);
      return ok({
        data: events.map((e) => ({
          workoutId: e.sessionId,
          workoutName: e.sessionName,
          exerciseId: e.exerciseId,
          exerciseName: e.exerciseName,
          performedAt: e.performedAt.toISOString(),
          set: { weightKg: e.set.weightKg, reps: e.set.reps, seconds: e.set.seconds ?? null, distanceM: e.set.distanceM ?? null },
          records: e.records.map((r) => ({ kind: r.kind, value: r.value, previous: r.previous })),
        })),
      });
    },
  }),
  operation({
    operationId: "getOneRepMaxSeries",
    method: "GET",
    path: "/progress/one-rep-max/{exerciseId}",
    tag: "Progress",
    summary: "Estimated 1RM over time for an exercise",
    description:
      "One point per workout: its best reliable estimate, in kilograms (warm-ups, missed sets and sets past 12 reps left out).",
    writes: false,
    params: z.object({ exerciseId: z.string().max(16) }),
    response: { status: 200, description: "The series, oldest first.", schema: dataOf(apiOneRepMaxSeriesSchema) },
    errors: [404],
    run: async ({ db, user, params }) => {
      const exerciseId = parseId(params.exerciseId);
      if (exerciseId === undefined) throw new NotFoundError("That exercise");
      const points = oneRepMaxSeries(await historySets(db, user.id, { exerciseId }));
      return ok({
        data: {
          exerciseId,
          points: points.map((p) => ({
            workoutId: p.sessionId,
            performedAt: p.performedAt.toISOString(),
            estimateKg: p.estimateKg,
            formula: p.formula,
          })),
        },
      });
    },
  }),
  operation({
    operationId: "getWeeklyVolume",
    method: "GET",
    path: "/progress/weekly-volume",
    tag: "Progress",
    summary: "Weekly volume per muscle",
    description: "Activation-weighted working sets per muscle for the last `weeks` ISO weeks (this one included) in `timeZone`.",
    writes: false,
    query: weeklyVolumeQuerySchema,
    response: {
      status: 200,
      description: "One entry per week with volume, oldest first.",
      schema: dataOf(z.array(apiWeeklyVolumeSchema)),
    },
    errors: [422],
    run: async ({ db, user, query, now }) => {
      const window = weekWindow(now, query.timeZone, query.weeks);
      return ok({ data: await weeklyVolume(db, user.id, window.since, query.timeZone) });
    },
  }),
];

/** The operation for a method and path below /api/v1, with its path parameters; or why none is. */
export function matchOperation(
  method: string,
  segments: readonly string[],
): { operation: Operation; params: Record<string, string> } | { allowed: HttpMethod[] } | null {
  const allowed: HttpMethod[] = [];
  for (const op of OPERATIONS) {
    const parts = op.path.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = parts.every((part, i) => {
      // `{id}` is a whole segment without a dot (ids and uids have none); `{id}.fit` one ending in `.fit`.
      const [, name, suffix = ""] = /^\{(\w+)\}(\.\w+)?$/.exec(part) ?? [];
      if (!name) return part === segments[i];
      const value = segments[i].slice(0, segments[i].length - suffix.length);
      if (!segments[i].endsWith(suffix) || value.includes(".") || value === "") return false;
      params[name] = value;
      return true;
    });
    if (!fits) continue;
    if (op.method === method) return { operation: op, params };
    allowed.push(op.method);
  }
  return allowed.length ? { allowed } : null;
}
