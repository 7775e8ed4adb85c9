import "server-only";

/**
 * Reading workout sessions and their sets, always through the signed-in athlete's id: one session,
 * pages of them, the calendar, what the logger needs from earlier sessions, and the next workout.
 * Writes are in server/services/sessions.ts.
 */
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import { exercises, SET_COLUMNS, sessionExercises, sessionSets, splitDays, splits, workoutSessions } from "@/db/schema";
import { getGeneratedProgram, getSplit, type SplitDayView, type SplitView } from "./splits";
import { nextDayAfter } from "@/lib/athlete/next-day";
import { type HistorySet, LoggingContext, RECENT_SESSIONS, contextFromHistory } from "@/lib/athlete/logging-context";
import { setValueColumns, setValuesJson } from "./set-columns";
import type { ExerciseMeasure, ExerciseType } from "@/lib/training/types";
import type { SetValues } from "@/lib/training/set";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { sessionIs } from "./session-ref";

export type SessionSetView = SetValues & {
  id: number;
  exerciseId: number;
  exerciseName: string;
  exerciseType: ExerciseType;
  measure: ExerciseMeasure;
  position: number;
  /** The set's own note (an import's, or a device's). */
  notes: string | null;
  /** The exercise's note in this session: an imported workout's (Strong writes notes to the exercise), or the plan's. */
  exerciseNote: string | null;
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

/** When one of the athlete's sessions started, by its key or uid; null when absent or someone else's. */
export async function sessionStartedAt(
  db: DbOrTx,
  userId: number,
  ref: SessionRef,
): Promise<{ id: number; startedAt: Date } | null> {
  const [row] = await db
    .select({ id: workoutSessions.id, startedAt: workoutSessions.startedAt })
    .from(workoutSessions)
    .where(and(sessionIs(ref), eq(workoutSessions.userId, userId)))
    .limit(1);
  return row ?? null;
}

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
      measure: exercises.measure,
      position: sessionSets.position,
      notes: sessionSets.notes,
      exerciseNote: sessionExercises.note,
      ...SET_COLUMNS,
    })
    .from(sessionSets)
    .innerJoin(exercises, eq(exercises.id, sessionSets.exerciseId))
    // Positions count within the exercise slot: the slots' order comes first.
    .innerJoin(sessionExercises, eq(sessionExercises.id, sessionSets.exerciseSlotId))
    .where(eq(sessionSets.sessionId, sessionId))
    .orderBy(asc(sessionExercises.position), asc(sessionExercises.id), asc(sessionSets.position), asc(sessionSets.uid));
  return { ...session, sets };
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
  volumeKg: sql<number>`(SELECT coalesce(sum(s.weight_kg * s.reps), 0)::float8 FROM session_sets s WHERE s.session_id = "workout_sessions"."id" AND s.set_type <> 'warmup' AND NOT s.missed)`,
};

function toSummary(
  row: { setCount: number; exerciseCount: number; volumeKg: number } & Omit<
    SessionSummary,
    "setCount" | "exerciseCount" | "volumeKg"
  >,
): SessionSummary {
  return { ...row, setCount: Number(row.setCount), exerciseCount: Number(row.exerciseCount), volumeKg: Number(row.volumeKg) };
}

/** A page of the athlete's sessions, newest first. */
export async function listSessions(
  db: DbOrTx,
  userId: number,
  page: number,
  pageSize = 20,
): Promise<{ items: SessionSummary[]; total: number; page: number; pageCount: number }> {
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

/** The athlete's finished sessions started in [from, to), oldest first: what a range's download holds. */
export async function finishedSessionsBetween(
  db: DbOrTx,
  userId: number,
  from: Date,
  to: Date,
): Promise<{ id: number; name: string; startedAt: Date }[]> {
  return db
    .select({ id: workoutSessions.id, name: workoutSessions.name, startedAt: workoutSessions.startedAt })
    .from(workoutSessions)
    .where(
      and(
        eq(workoutSessions.userId, userId),
        isNotNull(workoutSessions.finishedAt),
        gte(workoutSessions.startedAt, from),
        lt(workoutSessions.startedAt, to),
      ),
    )
    .orderBy(asc(workoutSessions.startedAt), asc(workoutSessions.id));
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

/**
 * The athlete's earlier sets of some exercises ("earlier" = another session, started before the
 * current one) that the logging context needs, rather than the whole history, which grows with every
 * workout: every set of each exercise's two most recent earlier sessions ("last time", and the one
 * before, which the progression suggestion needs to see two sessions short of the range), and for each
 * exercise, rep count and RPE, the heaviest set. At a given rep count and RPE a heavier set is at
 * least as good for every record kind (heaviest weight, estimated 1RM, set volume), so recordHolders
 * finds the same records among these as in the whole history, and the rows stay bounded.
 *
 * Warm-ups and missed attempts hold no records: they are left out of the heaviest sets (they still
 * show in "last time").
 * Timed and distance records have one holder each per exercise (longest, farthest, fastest).
 *
 * Columns: id, session_id, started_at, exercise_id, position and the set's value columns
 * (./set-columns). `current` may refer to an outer query's row (the logging page's
 * one-statement read does).
 */
export function contextSetsQuery(userId: number, exerciseIds: SQL, current: { sessionId: SQL; startedAt: SQL }): SQL {
  return sql`
    WITH earlier AS (
      SELECT h.id, h.session_id, w.started_at, h.exercise_id, h.position, ${setValueColumns("h")}
      FROM session_sets h JOIN workout_sessions w ON w.id = h.session_id
      WHERE w.user_id = ${userId} AND w.id <> ${current.sessionId} AND w.started_at < ${current.startedAt}
        AND h.exercise_id IN (${exerciseIds})
    ), recent AS (
      SELECT exercise_id, session_id FROM (
        SELECT exercise_id, session_id, dense_rank() OVER (PARTITION BY exercise_id ORDER BY started_at DESC, session_id DESC) AS rank
        FROM (SELECT DISTINCT exercise_id, session_id, started_at FROM earlier) sessions
      ) ranked
      WHERE rank <= ${RECENT_SESSIONS}
    ), working AS (
      SELECT * FROM earlier WHERE set_type <> 'warmup' AND NOT missed
    ), heaviest AS (
      SELECT DISTINCT ON (exercise_id, reps, rpe) id FROM working
      ORDER BY exercise_id, reps, rpe, weight_kg DESC, started_at DESC, session_id DESC
    ), longest AS (
      SELECT DISTINCT ON (exercise_id) id FROM working WHERE duration_seconds > 0 AND coalesce(distance_m, 0) = 0
      ORDER BY exercise_id, duration_seconds DESC, started_at, session_id
    ), farthest AS (
      SELECT DISTINCT ON (exercise_id) id FROM working WHERE distance_m > 0
      ORDER BY exercise_id, distance_m DESC, started_at, session_id
    ), fastest AS (
      SELECT DISTINCT ON (exercise_id) id FROM working WHERE distance_m > 0 AND duration_seconds > 0
      ORDER BY exercise_id, distance_m / duration_seconds DESC, started_at, session_id
    )
    SELECT * FROM earlier
    WHERE (exercise_id, session_id) IN (SELECT exercise_id, session_id FROM recent)
       OR id IN (SELECT id FROM heaviest UNION ALL SELECT id FROM longest UNION ALL SELECT id FROM farthest UNION ALL SELECT id FROM fastest)`;
}

/** A row as JSON carries its start as text. */
type StartedAtText<T extends { startedAt: Date }> = Omit<T, "startedAt"> & { startedAt: string };

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
    sql.join(
      ids.map((id) => sql`${id}::int`),
      sql`, `,
    ),
    { sessionId: sql`${current.sessionId}::int`, startedAt: sql`${current.startedAt.toISOString()}::timestamptz` },
  );
  // numeric columns come back as text from one driver: the JSON read gives every value its type.
  const rows = await queryRows<{ row: string | StartedAtText<HistorySet> }>(
    db,
    sql`SELECT json_build_object('sessionId', c.session_id, 'startedAt', c.started_at, 'exerciseId', c.exercise_id,
               ${setValuesJson("c")}) AS row
        FROM (${sets}) c
        ORDER BY c.started_at DESC, c.session_id DESC, c.position, c.id`,
  );
  return contextFromHistory(
    rows.map(({ row }) => {
      const set = typeof row === "string" ? (JSON.parse(row) as StartedAtText<HistorySet>) : row;
      return { ...set, startedAt: new Date(set.startedAt) };
    }),
  );
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
  const nextId = nextDayAfter(
    split.days.map((d) => d.id),
    split.id === last?.splitId ? last.dayId : null,
  );
  const day = split.days.find((d) => d.id === nextId);
  return day ? { split, day } : null;
}

/** Names of the split and day a session came from, for headings. */
export async function sessionOrigin(
  db: DbOrTx,
  userId: number,
  splitDayId: number | null,
): Promise<{ splitName: string; dayName: string } | null> {
  if (!splitDayId) return null;
  const [row] = await db
    .select({ splitName: splits.name, dayName: splitDays.name })
    .from(splitDays)
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(splitDays.id, splitDayId), eq(splits.userId, userId)))
    .limit(1);
  return row ?? null;
}
