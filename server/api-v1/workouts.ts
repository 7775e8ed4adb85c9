import "server-only";

/**
 * Workouts through /api/v1, always through the caller's id. Reading answers the snapshot the logger
 * reads; a PATCH is turned into a save and merged by saveSessionChanges exactly as the logger's saves
 * are (identities, per-field times), so an API client and a phone editing one workout keep both.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { sessionExercises, sessionSets, workoutSessions } from "@/db/schema";
import type { ApiWorkout, WorkoutCreate, WorkoutPatch } from "@/lib/api/workout";
import type { SaveConflict, SessionSave, SessionSnapshot } from "@/lib/athlete/session-sync";
import { setValuesSchema } from "@/lib/athlete/session-sync";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { SET_FIELDS, type SetValues } from "@/lib/training/set";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { sessionStartedAt } from "@/server/queries/sessions";
import { visibleExerciseIds } from "@/server/queries/exercises";
import { deleteSession, saveSessionChanges } from "@/server/services/sessions";
import { apiWorkout, getWorkout, WORKOUT } from "./workout-read";
import { enqueueWorkoutEvent, wakeWebhookWorker } from "@/server/webhooks/events";

/** A page's cursor: the last workout's start and key, so the next page starts right after it. */
function encodeCursor(startedAt: Date, id: number): string {
  return Buffer.from(`${startedAt.getTime()}.${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { startedAt: Date; id: number } {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match)
    throw new UserFacingError("Use the nextCursor of the previous page.", {
      status: 422,
      code: "invalid_request",
      field: "cursor",
    });
  return { startedAt: new Date(Number(match[1])), id: Number(match[2]) };
}

/** The caller's workouts, newest first, started in [from, to), a page at a time. */
export async function listWorkouts(
  db: DbOrTx,
  userId: number,
  query: { from?: string; to?: string; limit: number; cursor?: string },
): Promise<{ data: ApiWorkout[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(workoutSessions.userId, userId)];
  if (query.from) conditions.push(gte(workoutSessions.startedAt, new Date(query.from)));
  if (query.to) conditions.push(lt(workoutSessions.startedAt, new Date(query.to)));
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(
      or(
        lt(workoutSessions.startedAt, after.startedAt),
        and(eq(workoutSessions.startedAt, after.startedAt), lt(workoutSessions.id, after.id)),
      ),
    );
  }
  const rows = await db
    .select({ id: workoutSessions.id, startedAt: workoutSessions.startedAt })
    .from(workoutSessions)
    .where(and(...conditions))
    .orderBy(desc(workoutSessions.startedAt), desc(workoutSessions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const data: ApiWorkout[] = [];
  for (const row of page) {
    const snapshot = await sessionSnapshot(db, userId, row.id);
    if (snapshot) data.push(apiWorkout(snapshot, row.startedAt));
  }
  const last = page.at(-1);
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor(last.startedAt, last.id) : null };
}

/**
 * Log a finished workout as a whole: the workout, its exercises and sets, in one transaction. Each
 * field's time is the moment it arrived, as if a device had logged it then.
 */
export async function createWorkout(
  db: Db | DbOrTx,
  userId: number,
  input: WorkoutCreate,
  receivedAt = new Date(),
): Promise<ApiWorkout> {
  const startedAt = new Date(input.startedAt);
  if (startedAt.getTime() > receivedAt.getTime() + 60_000)
    throw new UserFacingError("A finished workout cannot start in the future.", {
      status: 422,
      code: "invalid_request",
      field: "startedAt",
    });
  const visible = await visibleExerciseIds(
    db,
    userId,
    input.exercises.map((e) => e.exerciseId),
  );
  const unknown = input.exercises.findIndex((e) => !visible.has(e.exerciseId));
  if (unknown >= 0)
    throw new UserFacingError("That exercise is not in your library.", {
      status: 422,
      code: "invalid_request",
      field: `exercises.${unknown}.exerciseId`,
    });
  const at = receivedAt.getTime();
  const durationSeconds = input.durationMinutes === null ? null : input.durationMinutes * 60;
  let queued = 0;
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(workoutSessions)
      .values({
        userId,
        name: input.name,
        notes: input.notes || null,
        startedAt,
        finishedAt: new Date(startedAt.getTime() + (durationSeconds ?? 0) * 1000),
        durationSeconds,
        fieldTimes: { name: at, notes: at, durationSeconds: at },
      })
      .returning({ id: workoutSessions.id, uid: workoutSessions.uid });
    const slots = input.exercises.map((exercise, position) => ({ id: randomUUID(), exercise, position }));
    if (slots.length) {
      await tx.insert(sessionExercises).values(
        slots.map((slot) => ({
          id: slot.id,
          sessionId: created.id,
          exerciseId: slot.exercise.exerciseId,
          position: slot.position,
          supersetGroup: slot.exercise.supersetGroup,
          fieldTimes: { position: at, ...(slot.exercise.supersetGroup !== null ? { supersetGroup: at } : {}) },
        })),
      );
    }
    const sets = slots.flatMap((slot) =>
      slot.exercise.sets.map((values, position) => ({
        uid: randomUUID(),
        sessionId: created.id,
        exerciseSlotId: slot.id,
        exerciseId: slot.exercise.exerciseId,
        position,
        ...values,
        fieldTimes: Object.fromEntries([...SET_FIELDS, "position"].map((field) => [field, at])),
      })),
    );
    if (sets.length) await tx.insert(sessionSets).values(sets);
    queued = await enqueueWorkoutEvent(tx, userId, created, "workout.finished");
    return created.id;
  });
  wakeWebhookWorker(queued);
  return getWorkout(db, userId, id);
}

type SaveSet = SessionSave["sets"][number];

const issue = (field: string, message: string) => new UserFacingError(message, { status: 422, code: "invalid_request", field });

/**
 * A PATCH as the save a device would send for the same edits, made at `at`: each field it names carries
 * that time, and a field it leaves out carries none, so the merge leaves it as stored (a device from
 * before a field existed sends it so too). Values it leaves out are taken from what is stored, so the
 * set it describes is checked whole by the logger's rules.
 */
function patchAsSave(stored: SessionSnapshot, patch: WorkoutPatch, at: number): SessionSave {
  const slots = new Map(stored.exercises.map((s) => [s.id, s]));
  const sets = new Map(stored.sets.map((s) => [s.id, s]));
  const nextSlotPosition = () => Math.max(-1, ...[...slots.values()].map((s) => s.position)) + 1;
  const exercises: SessionSave["exercises"] = patch.exercises.map((change, index) => {
    const existing = slots.get(change.id);
    if (!existing && change.exerciseId === undefined)
      throw issue(`exercises.${index}.exerciseId`, "Name the exercise to add (exerciseId).");
    const position = change.position ?? existing?.position ?? nextSlotPosition();
    if (!existing) slots.set(change.id, { id: change.id, position } as SessionSnapshot["exercises"][number]);
    return {
      id: change.id,
      exerciseId: existing?.exerciseId ?? change.exerciseId!,
      position,
      // A position left out keeps its stored time: an equal time and value change nothing.
      positionAt: change.position !== undefined || !existing ? at : (existing.times.position ?? -1),
      ...(change.supersetGroup !== undefined ? { supersetGroup: change.supersetGroup, supersetAt: at } : {}),
    };
  });
  const setChanges: SaveSet[] = patch.sets.map((change, index) => {
    const { id, exerciseSlotId, position, ...given } = change;
    const existing = sets.get(id);
    const slotId = existing?.slotId ?? exerciseSlotId;
    if (!slotId || !slots.has(slotId))
      throw issue(`sets.${index}.exerciseSlotId`, "Name the workout exercise this set belongs to (an exercises[].id).");
    const base: SetValues = existing ?? {
      weightKg: 0,
      reps: 0,
      rpe: null,
      missed: false,
      setType: "normal",
      seconds: null,
      distanceM: null,
    };
    const checked = setValuesSchema.safeParse({ ...pickSetValues(base), ...given });
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw issue(`sets.${index}.${first.path.map(String).join(".") || "reps"}`, first.message);
    }
    const slotPositions = stored.sets.filter((s) => s.slotId === slotId).map((s) => s.position);
    const named = existing ? (Object.keys(given) as (keyof SetValues)[]) : [...SET_FIELDS];
    const times = Object.fromEntries(named.map((field) => [field, at]));
    if (position !== undefined || !existing) times.position = at;
    return {
      id,
      slotId,
      position: position ?? existing?.position ?? Math.max(-1, ...slotPositions) + 1,
      values: checked.data,
      // Only the fields this PATCH names carry a time (see the comment above): the merge skips the rest.
      times: times as SaveSet["times"],
    };
  });
  return {
    baseRevision: stored.revision,
    unit: "kg",
    ...(patch.name !== undefined ? { name: { value: patch.name, at } } : {}),
    ...(patch.notes !== undefined ? { notes: { value: patch.notes, at } } : {}),
    ...(patch.durationMinutes !== undefined ? { durationMinutes: { value: patch.durationMinutes, at } } : {}),
    finish: false,
    exercises,
    sets: setChanges,
    deletedSets: patch.deletedSets.map((id) => ({ id, seenRevision: stored.revision })),
    deletedExercises: patch.deletedExercises.map((id) => ({ id, seenRevision: stored.revision })),
  };
}

function pickSetValues(set: SetValues): SetValues {
  return Object.fromEntries(SET_FIELDS.map((field) => [field, set[field]])) as SetValues;
}

/** Merge a PATCH into one of the caller's workouts, as the logger's saves are merged. */
export async function patchWorkout(
  db: DbOrTx,
  userId: number,
  ref: SessionRef,
  patch: WorkoutPatch,
  receivedAt = new Date(),
): Promise<{ data: ApiWorkout; conflicts: SaveConflict[] }> {
  const stored = await sessionSnapshot(db, userId, ref);
  if (!stored) throw new NotFoundError(WORKOUT);
  const save = patchAsSave(stored, patch, receivedAt.getTime());
  const { conflicts } = await saveSessionChanges(db, userId, stored.id, save, receivedAt);
  return { data: await getWorkout(db, userId, stored.id), conflicts };
}

/** Delete one of the caller's workouts; NotFoundError when absent or someone else's. */
export async function deleteWorkout(db: DbOrTx, userId: number, ref: SessionRef): Promise<void> {
  const started = await sessionStartedAt(db, userId, ref);
  if (!started || !(await deleteSession(db, userId, started.id))) throw new NotFoundError(WORKOUT);
}
