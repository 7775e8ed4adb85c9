import "server-only";

/**
 * Workout sessions and their sets, always through the signed-in athlete's id. A session is created
 * when the athlete starts it (finished_at NULL while in progress) and saved whole, with all its sets,
 * in one transaction each time the logger syncs; that keeps saves idempotent, so a retry after a
 * dropped connection cannot duplicate sets.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx } from "@/db/client";
import { sessionSets, workoutSessions } from "@/db/schema";
import { type SessionSave, setsToStore } from "@/lib/athlete/session-input";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { visibleExerciseIds } from "@/server/queries/exercises";
import { getSplitDay } from "@/server/queries/splits";

/** Start a session, empty or from a day of one of the athlete's splits. */
export async function startSession(db: DbOrTx, userId: number, options: { splitDayId?: number | null; name?: string } = {}): Promise<number> {
  let name = options.name?.trim() || "Workout";
  let splitDayId: number | null = null;
  if (options.splitDayId) {
    const day = await getSplitDay(db, userId, options.splitDayId);
    if (!day) throw new NotFoundError("That day");
    splitDayId = day.id;
    name = day.name;
  }
  const [created] = await db.insert(workoutSessions).values({ userId, splitDayId, name }).returning({ id: workoutSessions.id });
  return created.id;
}

/**
 * Save a session with all its sets, replacing the sets stored before, in one transaction. Finishing
 * stamps finished_at once; later edits keep it. Exercises must be the built-in library's or the
 * athlete's own.
 */
export async function saveSession(db: DbOrTx, userId: number, sessionId: number, input: SessionSave): Promise<{ id: number; updatedAt: Date; finishedAt: Date | null }> {
  const rows = setsToStore(input);
  return db.transaction(async (tx) => {
    const visible = await visibleExerciseIds(tx, userId, rows.map((r) => r.exerciseId));
    const unknown = rows.findIndex((r) => !visible.has(r.exerciseId));
    if (unknown >= 0) throw new UserFacingError("That exercise is not in your library.", { field: `sets.${unknown}.exerciseId` });
    const [session] = await tx
      .update(workoutSessions)
      .set({
        name: input.name,
        notes: input.notes || null,
        ...(input.durationMinutes === null || input.durationMinutes === undefined ? {} : { durationSeconds: input.durationMinutes * 60 }),
        ...(input.finished ? { finishedAt: sql`coalesce(${workoutSessions.finishedAt}, now())` } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
      .returning({ id: workoutSessions.id, updatedAt: workoutSessions.updatedAt, finishedAt: workoutSessions.finishedAt });
    if (!session) throw new NotFoundError("That session");
    await writeSets(tx, sessionId, rows);
    return session;
  });
}

/**
 * Make the session's stored sets equal `rows`, touching only what changed: saving after one more
 * set is ticked inserts one row instead of rewriting them all. (The embedded database runs no
 * autovacuum, so rewriting every set on every save would leave dead rows piling up.)
 */
async function writeSets(tx: DbOrTx, sessionId: number, rows: ReturnType<typeof setsToStore>): Promise<void> {
  const existing = await tx
    .select({ id: sessionSets.id, exerciseId: sessionSets.exerciseId, position: sessionSets.position, reps: sessionSets.reps, weightKg: sessionSets.weightKg, rpe: sessionSets.rpe })
    .from(sessionSets)
    .where(eq(sessionSets.sessionId, sessionId))
    .orderBy(asc(sessionSets.position), asc(sessionSets.id));
  const inserts: (typeof rows)[number][] = [];
  for (const [i, row] of rows.entries()) {
    const old = existing[i];
    if (!old) inserts.push(row);
    else if (old.exerciseId !== row.exerciseId || old.position !== row.position || old.reps !== row.reps || old.weightKg !== row.weightKg || (old.rpe ?? null) !== row.rpe) {
      await tx.update(sessionSets).set(row).where(eq(sessionSets.id, old.id));
    }
  }
  if (inserts.length) await tx.insert(sessionSets).values(inserts.map((r) => ({ ...r, sessionId })));
  const removed = existing.slice(rows.length).map((r) => r.id);
  if (removed.length) await tx.delete(sessionSets).where(inArray(sessionSets.id, removed));
}

export async function deleteSession(db: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  const deleted = await db
    .delete(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .returning({ id: workoutSessions.id });
  return deleted.length > 0;
}
