import "server-only";

/**
 * A session as the merge sees it (StoredSession: slots, sets, tombstones) and as devices see it
 * (SessionSnapshot: the same with exercise names), always through the signed-in athlete's id.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exercises, SET_COLUMNS, sessionExercises, sessionSets, sessionTombstones, workoutSessions } from "@/db/schema";
import type { StoredSession } from "@/lib/athlete/session-merge";
import type { SessionSnapshot, SlotTarget } from "@/lib/athlete/session-sync";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { sessionIs } from "./session-ref";

type SlotRow = { targetSets: number | null; targetRepsMin: number | null; targetRepsMax: number | null; note: string | null };

function targetOf(row: SlotRow): SlotTarget | null {
  if (row.targetSets === null || row.targetRepsMin === null || row.targetRepsMax === null) return null;
  return { sets: row.targetSets, repsMin: row.targetRepsMin, repsMax: row.targetRepsMax, note: row.note };
}

const sessionColumns = {
  id: workoutSessions.id,
  uid: workoutSessions.uid,
  revision: workoutSessions.revision,
  name: workoutSessions.name,
  notes: workoutSessions.notes,
  durationSeconds: workoutSessions.durationSeconds,
  finishedAt: workoutSessions.finishedAt,
  fieldTimes: workoutSessions.fieldTimes,
};

const slotColumns = {
  id: sessionExercises.id,
  exerciseId: sessionExercises.exerciseId,
  position: sessionExercises.position,
  targetSets: sessionExercises.targetSets,
  targetRepsMin: sessionExercises.targetRepsMin,
  targetRepsMax: sessionExercises.targetRepsMax,
  note: sessionExercises.note,
  supersetGroup: sessionExercises.supersetGroup,
  revision: sessionExercises.revision,
  fieldTimes: sessionExercises.fieldTimes,
};

const setColumns = {
  id: sessionSets.uid,
  slotId: sessionSets.exerciseSlotId,
  position: sessionSets.position,
  ...SET_COLUMNS,
  revision: sessionSets.revision,
  times: sessionSets.fieldTimes,
};

/**
 * The stored session for a save, its row locked until the transaction ends: two saves of the same
 * session merge one after the other, each on top of the other's result.
 */
export async function lockStoredSession(tx: DbOrTx, userId: number, sessionId: number): Promise<StoredSession | null> {
  const [session] = await tx
    .select(sessionColumns)
    .from(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .for("update");
  if (!session) return null;
  const [slots, sets, tombstones] = await Promise.all([
    tx.select(slotColumns).from(sessionExercises).where(eq(sessionExercises.sessionId, sessionId)),
    tx.select(setColumns).from(sessionSets).where(eq(sessionSets.sessionId, sessionId)),
    tx
      .select({ id: sessionTombstones.itemId, kind: sessionTombstones.kind, revision: sessionTombstones.revision })
      .from(sessionTombstones)
      .where(eq(sessionTombstones.sessionId, sessionId)),
  ]);
  return {
    revision: session.revision,
    name: session.name,
    notes: session.notes ?? "",
    durationSeconds: session.durationSeconds,
    finished: session.finishedAt !== null,
    times: session.fieldTimes,
    slots: slots.map((s) => ({
      id: s.id,
      exerciseId: s.exerciseId,
      position: s.position,
      supersetGroup: s.supersetGroup,
      target: targetOf(s),
      revision: s.revision,
      times: s.fieldTimes,
    })),
    sets,
    tombstones,
  };
}

/** One of the athlete's sessions as the logger's devices see it; null when absent or someone else's. */
export async function sessionSnapshot(db: DbOrTx, userId: number, ref: SessionRef): Promise<SessionSnapshot | null> {
  const [session] = await db
    .select(sessionColumns)
    .from(workoutSessions)
    .where(and(sessionIs(ref), eq(workoutSessions.userId, userId)))
    .limit(1);
  if (!session) return null;
  const sessionId = session.id;
  const [slots, sets] = await Promise.all([
    db
      .select({
        ...slotColumns,
        exerciseName: exercises.name,
        measure: exercises.measure,
        bodyweight: sql<boolean>`${exercises.type} = 'bodyweight'`,
      })
      .from(sessionExercises)
      .innerJoin(exercises, eq(exercises.id, sessionExercises.exerciseId))
      .where(eq(sessionExercises.sessionId, sessionId))
      .orderBy(asc(sessionExercises.position), asc(sessionExercises.id)),
    db
      .select(setColumns)
      .from(sessionSets)
      .innerJoin(sessionExercises, eq(sessionExercises.id, sessionSets.exerciseSlotId))
      .where(eq(sessionSets.sessionId, sessionId))
      .orderBy(asc(sessionExercises.position), asc(sessionExercises.id), asc(sessionSets.position), asc(sessionSets.uid)),
  ]);
  return {
    id: session.id,
    uid: session.uid,
    revision: session.revision,
    name: session.name,
    notes: session.notes ?? "",
    durationSeconds: session.durationSeconds,
    finishedAt: session.finishedAt?.toISOString() ?? null,
    times: session.fieldTimes,
    exercises: slots.map((s) => ({
      id: s.id,
      exerciseId: s.exerciseId,
      exerciseName: s.exerciseName,
      bodyweight: Boolean(s.bodyweight),
      measure: s.measure,
      supersetGroup: s.supersetGroup,
      position: s.position,
      target: targetOf(s),
      revision: s.revision,
      times: s.fieldTimes,
    })),
    sets,
  };
}
