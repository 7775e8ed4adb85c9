import "server-only";

/**
 * Workout sessions and their sets, always through the signed-in athlete's id. A session is started
 * once (one in progress per athlete, held by a partial unique index) and then saved change by
 * change: each save is merged into the stored session by identity (lib/athlete/session-merge) in one
 * transaction that holds the session's row, so saves from two devices land one after the other and
 * a retried save changes nothing.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx } from "@/db/client";
import { sessionExercises, sessionSets, sessionTombstones, workoutSessions } from "@/db/schema";
import { mergeSave, sessionWrites, type StoredSession, type StoredSet } from "@/lib/athlete/session-merge";
import { setValuesOf } from "@/lib/training/set";
import type { SaveConflict, SaveResult, SessionSave, SessionStart } from "@/lib/athlete/session-sync";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { driverError, NotFoundError, UserFacingError } from "@/lib/errors";
import { visibleExerciseIds } from "@/server/queries/exercises";
import { lockStoredSession, sessionSnapshot } from "@/server/queries/session-snapshot";
import { getSplitDay } from "@/server/queries/splits";
import { sessionIs } from "@/server/queries/session-ref";
import { matchStartedSlots, saveInMergedSlots } from "@/lib/athlete/merged-workouts";
import { enqueueWorkoutEvent, wakeWebhookWorker } from "@/server/webhooks/events";

/** "Start workout" while one is in progress: the page offers to resume, finish or discard it. */
export class WorkoutInProgressError extends UserFacingError {
  constructor(readonly sessionId: number) {
    super("You already have a workout in progress.", { status: 409, code: "in_progress" });
  }
}

async function inProgressId(db: DbOrTx, userId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: workoutSessions.id })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), isNull(workoutSessions.finishedAt)))
    .limit(1);
  return row?.id ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return (driverError(error) as { code?: unknown } | null)?.code === "23505";
}

/**
 * Start a session, empty or from a day of one of the athlete's splits, whose exercises become the
 * session's slots with their targets. Refuses (WorkoutInProgressError) while another is in progress.
 */
export async function startSession(
  db: DbOrTx,
  userId: number,
  options: { splitDayId?: number | null; name?: string } = {},
): Promise<number> {
  let name = options.name?.trim() || "Workout";
  const day = options.splitDayId ? await getSplitDay(db, userId, options.splitDayId) : null;
  if (options.splitDayId && !day) throw new NotFoundError("That day");
  if (day) name = day.name;
  const existing = await inProgressId(db, userId);
  if (existing !== null) throw new WorkoutInProgressError(existing);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(workoutSessions)
        .values({ userId, splitDayId: day?.id ?? null, name })
        .returning({ id: workoutSessions.id });
      if (day?.exercises.length) {
        await tx.insert(sessionExercises).values(
          day.exercises.map((e, position) => ({
            id: randomUUID(),
            sessionId: created.id,
            ...plannedSlot(e),
            position,
          })),
        );
      }
      return created.id;
    });
  } catch (error) {
    // Two "Start" taps at once: the index lets one through; the other resumes it.
    if (isUniqueViolation(error)) {
      const winner = await inProgressId(db, userId);
      if (winner !== null) throw new WorkoutInProgressError(winner);
    }
    throw error;
  }
}

type DayExercise = NonNullable<Awaited<ReturnType<typeof getSplitDay>>>["exercises"][number];

function plannedSlot(e: DayExercise) {
  return {
    exerciseId: e.exerciseId,
    targetSets: e.targetSets,
    targetRepsMin: e.targetRepsMin,
    targetRepsMax: e.targetRepsMax,
    note: e.note,
    supersetGroup: e.supersetGroup,
  };
}

/**
 * A workout a device started on its own reaches the server (its first save), inside the save's
 * transaction. With none in progress, it is created under the device's uid, its slots the device's
 * (ids and exercises as laid out there), each taking its target from the day the server holds when
 * that day still plans the same exercise at that place. With another workout in progress (two devices
 * each started one with no signal): for the same plan day, this one is merged into it
 * (lib/athlete/merged-workouts); for another, it is kept as a finished workout beside it. The athlete
 * has one workout in progress at a time, and loses nothing either device logged.
 */
async function receiveStartedSession(
  tx: DbOrTx,
  userId: number,
  uid: string,
  start: SessionStart,
  receivedAt: Date,
): Promise<{ id: number; outcome: "created" | "alongside" | "merged" }> {
  const day = start.splitDayId ? await getSplitDay(tx, userId, start.splitDayId) : null;
  const visible = await visibleExerciseIds(
    tx,
    userId,
    start.slots.map((s) => s.exerciseId),
  );
  const unknown = start.slots.findIndex((s) => !visible.has(s.exerciseId));
  if (unknown >= 0)
    throw new UserFacingError("That exercise is not in your library.", { field: `start.slots.${unknown}.exerciseId` });
  const [inProgress] = await tx
    .select({ id: workoutSessions.id, splitDayId: workoutSessions.splitDayId, mergedUids: workoutSessions.mergedUids })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), isNull(workoutSessions.finishedAt)))
    .for("update");
  if (inProgress && day && inProgress.splitDayId === day.id) {
    // The same first save sent twice at once: the second, let through the row lock, finds it merged.
    if (!inProgress.mergedUids.includes(uid)) await mergeStartedSession(tx, inProgress.id, uid, start);
    return { id: inProgress.id, outcome: "merged" };
  }
  // A device clock ahead of the server's does not start a workout in the future.
  const startedAt = new Date(Math.min(start.startedAt, receivedAt.getTime()));
  const [created] = await tx
    .insert(workoutSessions)
    .values({
      uid,
      userId,
      splitDayId: day?.id ?? null,
      name: start.name,
      startedAt,
      ...(inProgress ? { finishedAt: receivedAt } : {}),
    })
    .returning({ id: workoutSessions.id });
  await insertStartedSlots(tx, created.id, start.slots, day, 0);
  return { id: created.id, outcome: inProgress ? "alongside" : "created" };
}

type SplitDay = NonNullable<Awaited<ReturnType<typeof getSplitDay>>>;

/** A device's slots as the session's, each with its target where the day plans that exercise at that place. */
async function insertStartedSlots(
  tx: DbOrTx,
  sessionId: number,
  slots: SessionStart["slots"],
  day: SplitDay | null,
  firstPosition: number,
) {
  if (slots.length === 0) return;
  await tx.insert(sessionExercises).values(
    slots.map((slot, index) => {
      const planned = day?.exercises[index];
      return {
        ...(planned?.exerciseId === slot.exerciseId ? plannedSlot(planned) : { exerciseId: slot.exerciseId }),
        id: slot.id,
        sessionId,
        position: firstPosition + slot.position,
        supersetGroup: slot.supersetGroup,
      };
    }),
  );
}

/**
 * Merge a workout a device started for the day the workout in progress already follows: each of its
 * exercises joins that workout's slot for the same exercise (its id kept in merged_ids) or is added
 * after the last; its uid is kept in merged_uids, so every later save under it lands here.
 */
async function mergeStartedSession(tx: DbOrTx, sessionId: number, uid: string, start: SessionStart) {
  const slots = await tx
    .select({ id: sessionExercises.id, exerciseId: sessionExercises.exerciseId, position: sessionExercises.position })
    .from(sessionExercises)
    .where(eq(sessionExercises.sessionId, sessionId))
    .orderBy(asc(sessionExercises.position), asc(sessionExercises.id));
  const { joins, added } = matchStartedSlots(slots, start.slots);
  for (const [deviceId, slotId] of joins)
    await tx
      .update(sessionExercises)
      .set({ mergedIds: sql`array_append(${sessionExercises.mergedIds}, ${deviceId}::uuid)` })
      .where(eq(sessionExercises.id, slotId));
  const after = Math.max(-1, ...slots.map((s) => s.position)) + 1;
  await insertStartedSlots(
    tx,
    sessionId,
    added.map((slot, i) => ({ ...slot, position: i })),
    // Added after the workout's own exercises, they are not at their planned place: no targets.
    null,
    after,
  );
  await tx
    .update(workoutSessions)
    .set({ mergedUids: sql`array_append(${workoutSessions.mergedUids}, ${uid}::uuid)`, updatedAt: new Date() })
    .where(eq(workoutSessions.id, sessionId));
}

/** The ids merged devices gave this session's exercises, each with the slot it joined. */
async function mergedSlotIds(tx: DbOrTx, sessionId: number): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: sessionExercises.id, mergedIds: sessionExercises.mergedIds })
    .from(sessionExercises)
    .where(and(eq(sessionExercises.sessionId, sessionId), sql`cardinality(${sessionExercises.mergedIds}) > 0`));
  return new Map(rows.flatMap((r) => r.mergedIds.map((deviceId) => [deviceId, r.id] as const)));
}

/** Finish a workout in progress as it stands (from the "you have one in progress" choice). */
export async function finishSession(db: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  let queued = 0;
  const found = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ uid: workoutSessions.uid, finishedAt: workoutSessions.finishedAt })
      .from(workoutSessions)
      .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
      .for("update");
    if (!row) return false;
    if (row.finishedAt) return true;
    await tx
      .update(workoutSessions)
      .set({ finishedAt: sql`now()`, updatedAt: new Date(), revision: sql`${workoutSessions.revision} + 1` })
      .where(eq(workoutSessions.id, sessionId));
    queued = await enqueueWorkoutEvent(tx, userId, { id: sessionId, uid: row.uid }, "workout.finished");
    return true;
  });
  wakeWebhookWorker(queued);
  return found;
}

/**
 * Merge one device's changes into the session and answer with the merged session and what did not
 * land as sent. New exercise slots must be the built-in library's or the athlete's own. A session
 * named by a uid the server does not know yet is created by the save that says how it was started.
 */
export async function saveSessionChanges(
  db: DbOrTx,
  userId: number,
  ref: SessionRef,
  save: SessionSave,
  receivedAt = new Date(),
): Promise<SaveResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, queued } = await mergeInTransaction(db, userId, ref, save, receivedAt);
      wakeWebhookWorker(queued);
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A first save sent twice at once (one retried after a lost answer), or two devices' workouts
      // reaching the server together: the second attempt finds what the first created.
      if (typeof ref !== "number" && save.start && attempt === 1) continue;
      // A set id already used by another session: a device bug or a forged request, not a 500.
      throw new UserFacingError("A set in this save already belongs to another session.", { status: 409, code: "conflict" });
    }
  }
}

/**
 * The key of the athlete's session, and whether it holds workouts merged from other devices; null when
 * no session has that uid yet. A uid another athlete's session holds is not found, and never created again.
 */
async function sessionIdOf(tx: DbOrTx, userId: number, ref: SessionRef): Promise<{ id: number; merged: boolean } | null> {
  if (typeof ref === "number") return { id: ref, merged: false };
  const [row] = await tx
    .select({
      id: workoutSessions.id,
      userId: workoutSessions.userId,
      merged: sql<boolean>`cardinality(${workoutSessions.mergedUids}) > 0`,
    })
    .from(workoutSessions)
    .where(sessionIs(ref))
    .limit(1);
  if (row && row.userId !== userId) throw new NotFoundError("That session");
  return row ? { id: row.id, merged: Boolean(row.merged) } : null;
}

async function mergeInTransaction(
  db: DbOrTx,
  userId: number,
  ref: SessionRef,
  save: SessionSave,
  receivedAt: Date,
): Promise<{ result: SaveResult; queued: number }> {
  return db.transaction(async (tx) => {
    const found = await sessionIdOf(tx, userId, ref);
    let sessionId = found?.id ?? null;
    let merged = found?.merged ?? false;
    const conflicts: SaveConflict[] = [];
    let justCreated = false;
    if (sessionId === null && typeof ref !== "number" && save.start) {
      const received = await receiveStartedSession(tx, userId, ref.uid, save.start, receivedAt);
      sessionId = received.id;
      justCreated = received.outcome !== "merged";
      merged = received.outcome === "merged";
      if (received.outcome === "alongside") conflicts.push({ kind: "session", id: ref.uid, reason: "started_elsewhere" });
      if (received.outcome === "merged") conflicts.push({ kind: "session", id: ref.uid, reason: "merged" });
    }
    if (sessionId === null) throw new NotFoundError("That session");
    const mergedSlots = merged ? await mergedSlotIds(tx, sessionId) : new Map<string, string>();
    save = saveInMergedSlots(save, mergedSlots);
    const stored = await lockStoredSession(tx, userId, sessionId);
    if (!stored) throw new NotFoundError("That session");
    const known = new Set(stored.slots.map((s) => s.id));
    const added = save.exercises.filter((e) => !known.has(e.id));
    const visible = await visibleExerciseIds(
      tx,
      userId,
      added.map((e) => e.exerciseId),
    );
    const unknown = save.exercises.findIndex((e) => !known.has(e.id) && !visible.has(e.exerciseId));
    if (unknown >= 0)
      throw new UserFacingError("That exercise is not in your library.", { field: `exercises.${unknown}.exerciseId` });

    const outcome = mergeSave(stored, save, receivedAt.getTime());
    if (outcome.changed) await writeMerge(tx, userId, sessionId, stored, outcome.session);
    const snapshot = (await sessionSnapshot(tx, userId, sessionId))!;
    const event = workoutEvent(stored.finished, outcome, justCreated);
    const queued = event ? await enqueueWorkoutEvent(tx, userId, { id: sessionId, uid: snapshot.uid }, event) : 0;
    const result: SaveResult = { snapshot, conflicts: [...conflicts, ...outcome.conflicts] };
    if (mergedSlots.size) result.mergedSlots = Object.fromEntries(mergedSlots);
    return { result, queued };
  });
}

/**
 * What a save tells the athlete's webhooks: a workout finished by this save (or created finished beside
 * another in progress), or a finished workout changed. Saves to a workout in progress tell nothing.
 */
function workoutEvent(
  wasFinished: boolean,
  outcome: { changed: boolean; session: { finished: boolean } },
  justCreated: boolean,
): "workout.finished" | "workout.updated" | null {
  if (outcome.session.finished && (!wasFinished || justCreated)) return "workout.finished";
  if (wasFinished && outcome.changed) return "workout.updated";
  return null;
}

/** A set's columns that a save writes, for a new set and a changed one alike. */
function setColumns(s: StoredSet) {
  return {
    position: s.position,
    ...setValuesOf(s),
    revision: s.revision,
    fieldTimes: s.times,
  };
}

/** Write only what the merge changed (the embedded database has no autovacuum: no blind rewrites). */
async function writeMerge(
  tx: DbOrTx,
  userId: number,
  sessionId: number,
  before: StoredSession,
  after: StoredSession,
): Promise<void> {
  const writes = sessionWrites(before, after);
  await tx
    .update(workoutSessions)
    .set({
      name: after.name,
      notes: after.notes || null,
      durationSeconds: after.durationSeconds,
      fieldTimes: after.times,
      revision: after.revision,
      ...(after.finished ? { finishedAt: sql`coalesce(${workoutSessions.finishedAt}, now())` } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)));
  if (writes.deleteSetIds.length)
    await tx.delete(sessionSets).where(and(eq(sessionSets.sessionId, sessionId), inArray(sessionSets.uid, writes.deleteSetIds)));
  if (writes.deleteSlotIds.length)
    await tx
      .delete(sessionExercises)
      .where(and(eq(sessionExercises.sessionId, sessionId), inArray(sessionExercises.id, writes.deleteSlotIds)));
  if (writes.insertSlots.length) {
    await tx.insert(sessionExercises).values(
      writes.insertSlots.map((s) => ({
        id: s.id,
        sessionId,
        exerciseId: s.exerciseId,
        position: s.position,
        supersetGroup: s.supersetGroup,
        revision: s.revision,
        fieldTimes: s.times,
      })),
    );
  }
  for (const s of writes.updateSlots) {
    await tx
      .update(sessionExercises)
      .set({ position: s.position, supersetGroup: s.supersetGroup, revision: s.revision, fieldTimes: s.times })
      .where(and(eq(sessionExercises.id, s.id), eq(sessionExercises.sessionId, sessionId)));
  }
  const slotExercise = new Map(after.slots.map((s) => [s.id, s.exerciseId]));
  if (writes.insertSets.length) {
    await tx.insert(sessionSets).values(
      writes.insertSets.map((s) => ({
        uid: s.id,
        sessionId,
        exerciseSlotId: s.slotId,
        exerciseId: slotExercise.get(s.slotId)!,
        ...setColumns(s),
      })),
    );
  }
  for (const s of writes.updateSets) {
    await tx
      .update(sessionSets)
      .set(setColumns(s))
      .where(and(eq(sessionSets.uid, s.id), eq(sessionSets.sessionId, sessionId)));
  }
  if (writes.tombstones.length) {
    await tx
      .insert(sessionTombstones)
      .values(writes.tombstones.map((t) => ({ sessionId, itemId: t.id, kind: t.kind, revision: t.revision })))
      .onConflictDoNothing();
  }
}

/** Delete a workout; a finished one is told to the athlete's webhooks as deleted. */
export async function deleteSession(db: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  let queued = 0;
  const found = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(workoutSessions)
      .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
      .returning({ uid: workoutSessions.uid, finishedAt: workoutSessions.finishedAt });
    if (!deleted) return false;
    if (deleted.finishedAt)
      queued = await enqueueWorkoutEvent(tx, userId, { id: sessionId, uid: deleted.uid }, "workout.deleted");
    return true;
  });
  wakeWebhookWorker(queued);
  return found;
}
