import "server-only";

/**
 * Workout sessions and their sets, always through the signed-in athlete's id. A session is created
 * when the athlete starts it (finished_at NULL while in progress) and saved whole, with all its sets,
 * in one transaction each time the logger syncs; that keeps saves idempotent, so a retry after a
 * dropped connection cannot duplicate sets.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import { exercises, sessionSets, splitDays, splits, workoutSessions } from "@/db/schema";
import { type SessionSave, setsToStore } from "@/lib/athlete/session-input";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import type { LoggedSet } from "@/lib/training/types";
import { recordHolders } from "@/lib/athlete/record-holders";
import { visibleExerciseIds } from "@/server/queries/exercises";
import { getGeneratedProgram, getSplit, getSplitDay, type SplitDayView, type SplitView } from "./splits";
import { nextDayAfter } from "@/lib/athlete/next-day";

export type SessionSetView = {
  id: number;
  exerciseId: number;
  exerciseName: string;
  exerciseType: "barbell" | "dumbbell" | "bodyweight";
  position: number;
  reps: number;
  weightKg: number;
  rpe: number | null;
};

export type SessionView = {
  id: number;
  name: string;
  splitDayId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationSeconds: number | null;
  notes: string | null;
  updatedAt: Date;
  sets: SessionSetView[];
};

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

/** The columns of a session that SessionView shows (its sets come separately). */
export const sessionViewColumns = {
  id: workoutSessions.id,
  name: workoutSessions.name,
  splitDayId: workoutSessions.splitDayId,
  startedAt: workoutSessions.startedAt,
  finishedAt: workoutSessions.finishedAt,
  durationSeconds: workoutSessions.durationSeconds,
  notes: workoutSessions.notes,
  updatedAt: workoutSessions.updatedAt,
};

/** One of the athlete's sessions with its sets in order; null when absent or someone else's. */
export async function getSession(db: DbOrTx, userId: number, sessionId: number): Promise<SessionView | null> {
  const [session] = await db
    .select(sessionViewColumns)
    .from(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .limit(1);
  if (!session) return null;
  const sets = await db
    .select({
      id: sessionSets.id,
      exerciseId: sessionSets.exerciseId,
      exerciseName: exercises.name,
      exerciseType: exercises.type,
      position: sessionSets.position,
      reps: sessionSets.reps,
      weightKg: sessionSets.weightKg,
      rpe: sessionSets.rpe,
    })
    .from(sessionSets)
    .innerJoin(exercises, eq(exercises.id, sessionSets.exerciseId))
    .where(eq(sessionSets.sessionId, sessionId))
    .orderBy(asc(sessionSets.position), asc(sessionSets.id));
  return { ...session, sets };
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

export type SessionSummary = {
  id: number;
  name: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationSeconds: number | null;
  setCount: number;
  exerciseCount: number;
  volumeKg: number;
};

const summaryColumns = {
  id: workoutSessions.id,
  name: workoutSessions.name,
  startedAt: workoutSessions.startedAt,
  finishedAt: workoutSessions.finishedAt,
  durationSeconds: workoutSessions.durationSeconds,
  // Correlated subqueries name their tables by alias: Drizzle leaves columns unqualified in a
  // single-table select, where "id" would silently mean the inner table's.
  setCount: sql<number>`(SELECT count(*)::int FROM session_sets s WHERE s.session_id = "workout_sessions"."id")`,
  exerciseCount: sql<number>`(SELECT count(DISTINCT s.exercise_id)::int FROM session_sets s WHERE s.session_id = "workout_sessions"."id")`,
  volumeKg: sql<number>`(SELECT coalesce(sum(s.weight_kg * s.reps), 0)::float8 FROM session_sets s WHERE s.session_id = "workout_sessions"."id")`,
};

function toSummary(row: { setCount: number; exerciseCount: number; volumeKg: number } & Omit<SessionSummary, "setCount" | "exerciseCount" | "volumeKg">): SessionSummary {
  return { ...row, setCount: Number(row.setCount), exerciseCount: Number(row.exerciseCount), volumeKg: Number(row.volumeKg) };
}

/** A page of the athlete's sessions, newest first. */
export async function listSessions(db: DbOrTx, userId: number, page: number, pageSize = 20): Promise<{ items: SessionSummary[]; total: number; page: number; pageCount: number }> {
  const [{ total }] = await db.select({ total: count() }).from(workoutSessions).where(eq(workoutSessions.userId, userId));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db
    .select(summaryColumns)
    .from(workoutSessions)
    .where(eq(workoutSessions.userId, userId))
    .orderBy(desc(workoutSessions.startedAt), desc(workoutSessions.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { items: rows.map(toSummary), total, page: current, pageCount };
}

/** Sessions started in [from, to), for the calendar. */
export async function sessionsBetween(db: DbOrTx, userId: number, from: Date, to: Date): Promise<SessionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), gte(workoutSessions.startedAt, from), lt(workoutSessions.startedAt, to)))
    .orderBy(asc(workoutSessions.startedAt));
  return rows.map(toSummary);
}

/** Sessions started but not finished, newest first: the logger offers to resume them. */
export async function listSessionsInProgress(db: DbOrTx, userId: number): Promise<SessionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), isNull(workoutSessions.finishedAt)))
    .orderBy(desc(workoutSessions.startedAt))
    .limit(5);
  return rows.map(toSummary);
}

export type PreviousPerformance = { sessionId: number; startedAt: Date; sets: LoggedSet[] };

export type LoggingContext = {
  /**
   * For each exercise, the sets of the athlete's most recent earlier session that had it: what the
   * logger shows inline ("last time: 60 kg × 8").
   */
  previous: Map<number, PreviousPerformance>;
  /**
   * For each exercise, the few earlier sets that hold the athlete's records (heaviest, best e1RM,
   * best volume). Detecting a record against these gives the same answer as against the whole
   * history (lib/athlete/record-holders), so the logger detects records in the browser, offline.
   */
  records: Map<number, LoggedSet[]>;
};

/**
 * The athlete's earlier sets of some exercises ("earlier" = another session, started before the
 * current one) that the logging context needs, rather than the whole history, which grows with every
 * workout: every set of each exercise's most recent earlier session ("last time"), and for each
 * exercise, rep count and RPE, the heaviest set. At a given rep count and RPE a heavier set is at
 * least as good for every record kind (heaviest weight, estimated 1RM, set volume), so recordHolders
 * finds the same records among these as in the whole history, and the rows stay bounded.
 *
 * Columns: id, session_id, started_at, exercise_id, weight_kg, reps, rpe, position. `current` may
 * refer to an outer query's row (the logging page's one-statement read does).
 */
export function contextSetsQuery(userId: number, exerciseIds: SQL, current: { sessionId: SQL; startedAt: SQL }): SQL {
  return sql`
    WITH earlier AS (
      SELECT h.id, h.session_id, w.started_at, h.exercise_id, h.weight_kg, h.reps, h.rpe, h.position
      FROM session_sets h JOIN workout_sessions w ON w.id = h.session_id
      WHERE w.user_id = ${userId} AND w.id <> ${current.sessionId} AND w.started_at < ${current.startedAt}
        AND h.exercise_id IN (${exerciseIds})
    ), last_time AS (
      SELECT DISTINCT ON (exercise_id) exercise_id, session_id FROM earlier
      ORDER BY exercise_id, started_at DESC, session_id DESC
    ), heaviest AS (
      SELECT DISTINCT ON (exercise_id, reps, rpe) id FROM earlier
      ORDER BY exercise_id, reps, rpe, weight_kg DESC, started_at DESC, session_id DESC
    )
    SELECT * FROM earlier
    WHERE (exercise_id, session_id) IN (SELECT exercise_id, session_id FROM last_time)
       OR id IN (SELECT id FROM heaviest)`;
}

/**
 * What the logger needs about these exercises from before the session being logged, in one query.
 * The logging page reads the same rows together with the session (./logger); this serves an exercise
 * added mid-session.
 */
export async function loggingContext(
  db: DbOrTx,
  userId: number,
  exerciseIds: readonly number[],
  current: { sessionId: number; startedAt: Date },
): Promise<LoggingContext> {
  const ids = [...new Set(exerciseIds)];
  if (ids.length === 0) return contextFromHistory([]);
  const sets = contextSetsQuery(
    userId,
    sql.join(ids.map((id) => sql`${id}::int`), sql`, `),
    { sessionId: sql`${current.sessionId}::int`, startedAt: sql`${current.startedAt.toISOString()}::timestamptz` },
  );
  const rows = await queryRows<{ sessionId: number; startedAt: string | Date; exerciseId: number; weightKg: number | string; reps: number; rpe: number | string | null }>(
    db,
    sql`SELECT c.session_id AS "sessionId", c.started_at AS "startedAt", c.exercise_id AS "exerciseId",
               c.weight_kg AS "weightKg", c.reps, c.rpe
        FROM (${sets}) c
        ORDER BY c.started_at DESC, c.session_id DESC, c.position, c.id`,
  );
  return contextFromHistory(
    rows.map((r) => ({
      sessionId: r.sessionId,
      startedAt: new Date(r.startedAt),
      exerciseId: r.exerciseId,
      weightKg: Number(r.weightKg),
      reps: r.reps,
      rpe: r.rpe === null ? null : Number(r.rpe),
    })),
  );
}

/** One earlier set of an exercise, with the session it was logged in. */
export type HistorySet = LoggedSet & { sessionId: number; startedAt: Date; exerciseId: number };

/**
 * The logging context from the athlete's earlier sets of the exercises, newest session first (ties
 * broken by session id), each session's sets in logged order.
 */
export function contextFromHistory(rows: readonly HistorySet[]): LoggingContext {
  const context: LoggingContext = { previous: new Map(), records: new Map() };
  const history = new Map<number, LoggedSet[]>();
  for (const { sessionId, startedAt, exerciseId, ...set } of rows) {
    // Newest session first: the first session met for an exercise is its "last time".
    let previous = context.previous.get(exerciseId);
    if (!previous) context.previous.set(exerciseId, (previous = { sessionId, startedAt, sets: [] }));
    if (previous.sessionId === sessionId) previous.sets.push(set);
    const list = history.get(exerciseId) ?? [];
    list.push(set);
    history.set(exerciseId, list);
  }
  for (const [exerciseId, sets] of history) {
    const holders = recordHolders(sets);
    if (holders.length) context.records.set(exerciseId, holders);
  }
  return context;
}

export async function previousPerformances(db: DbOrTx, userId: number, exerciseIds: readonly number[], current: { sessionId: number; startedAt: Date }) {
  return (await loggingContext(db, userId, exerciseIds, current)).previous;
}

export async function recordHoldingSets(db: DbOrTx, userId: number, exerciseIds: readonly number[], current: { sessionId: number; startedAt: Date }) {
  return (await loggingContext(db, userId, exerciseIds, current)).records;
}

/**
 * The workout to suggest next: the day after the last one trained in the split the athlete last
 * trained from, wrapping round; the generated program's first day when they have not trained from a
 * split yet, or when the program was (re)built after that session (new answers, new plan).
 */
export async function nextWorkout(db: DbOrTx, userId: number): Promise<{ split: SplitView; day: SplitDayView } | null> {
  const [last] = await db
    .select({ splitId: splitDays.splitId, dayId: splitDays.id, startedAt: workoutSessions.startedAt })
    .from(workoutSessions)
    .innerJoin(splitDays, eq(splitDays.id, workoutSessions.splitDayId))
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(workoutSessions.userId, userId), eq(splits.userId, userId), isNotNull(workoutSessions.finishedAt)))
    .orderBy(desc(workoutSessions.startedAt))
    .limit(1);
  const program = await getGeneratedProgram(db, userId);
  const programIsNewer = program && (!last || program.updatedAt > last.startedAt);
  const split = programIsNewer ? program : last ? await getSplit(db, userId, last.splitId) : program;
  if (!split || split.days.length === 0) return null;
  const nextId = nextDayAfter(split.days.map((d) => d.id), split.id === last?.splitId ? last.dayId : null);
  const day = split.days.find((d) => d.id === nextId);
  return day ? { split, day } : null;
}

/** Names of the split and day a session came from, for headings. */
export async function sessionOrigin(db: DbOrTx, userId: number, splitDayId: number | null): Promise<{ splitName: string; dayName: string } | null> {
  if (!splitDayId) return null;
  const [row] = await db
    .select({ splitName: splits.name, dayName: splitDays.name })
    .from(splitDays)
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(splitDays.id, splitDayId), eq(splits.userId, userId)))
    .limit(1);
  return row ?? null;
}
