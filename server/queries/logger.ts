import "server-only";

/**
 * What the logging page (/log/:id) reads, in one statement. It is the page athletes open most, on a
 * phone between sets, and on the embedded database every statement costs a fixed round of parsing,
 * planning and result decoding on the server's own thread: the session, its sets, the day's plan and
 * the earlier history of those exercises used to be four statements, one after the other.
 *
 * The sets, the plan and the history come back as JSON arrays from correlated subqueries, each scoped
 * to the signed-in athlete exactly as getSession, the day plan and loggingContext scope them.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workoutSessions } from "@/db/schema";
import type { ExerciseType } from "@/lib/training/types";
import { contextSetsQuery, sessionViewColumns, type SessionSetView, type SessionView } from "./sessions";
import { contextFromHistory, type HistorySet, type LoggingContext } from "@/lib/athlete/logging-context";

export type PlannedExerciseRow = {
  exerciseId: number;
  exerciseName: string;
  exerciseType: ExerciseType;
  targetSets: number;
  targetRepsMin: number;
  targetRepsMax: number;
  note: string | null;
};

export type LoggerSession = {
  session: SessionView;
  /** The exercises planned for the split day the session came from, in order (none for an empty session). */
  planned: PlannedExerciseRow[];
  /** Last time's sets and the record-holding sets of every exercise logged or planned in the session. */
  context: LoggingContext;
};

// Correlated subqueries name their tables by alias and the outer row by its table: Drizzle leaves
// columns unqualified in a single-table select, where "id" would silently mean the inner table's.
const setsJson = sql<string | SessionSetView[]>`(
  SELECT coalesce(json_agg(json_build_object(
    'id', s.id, 'exerciseId', s.exercise_id, 'exerciseName', e.name, 'exerciseType', e.type,
    'position', s.position, 'reps', s.reps, 'weightKg', s.weight_kg, 'rpe', s.rpe
  ) ORDER BY s.position, s.id), '[]')
  FROM session_sets s JOIN exercises e ON e.id = s.exercise_id
  WHERE s.session_id = "workout_sessions"."id")`;

/** The day's plan, only when the day belongs to one of the athlete's own splits. */
function plannedJson(userId: number) {
  return sql<string | PlannedExerciseRow[]>`(
    SELECT coalesce(json_agg(json_build_object(
      'exerciseId', p.exercise_id, 'exerciseName', e.name, 'exerciseType', e.type, 'targetSets', p.target_sets,
      'targetRepsMin', p.target_reps_min, 'targetRepsMax', p.target_reps_max, 'note', p.note
    ) ORDER BY p.position, p.id), '[]')
    FROM split_day_exercises p
    JOIN split_days d ON d.id = p.split_day_id
    JOIN splits sp ON sp.id = d.split_id AND sp.user_id = ${userId}
    JOIN exercises e ON e.id = p.exercise_id
    WHERE p.split_day_id = "workout_sessions"."split_day_id")`;
}

/**
 * The earlier sets the logging context needs (contextSetsQuery) of every exercise logged or planned
 * in the session, newest session first: the rows loggingContext reads.
 */
function historyJson(userId: number) {
  const exerciseIds = sql`
    SELECT s.exercise_id FROM session_sets s WHERE s.session_id = "workout_sessions"."id"
    UNION
    SELECT p.exercise_id FROM split_day_exercises p
    JOIN split_days d ON d.id = p.split_day_id
    JOIN splits sp ON sp.id = d.split_id AND sp.user_id = ${userId}
    WHERE p.split_day_id = "workout_sessions"."split_day_id"`;
  const sets = contextSetsQuery(userId, exerciseIds, {
    sessionId: sql`"workout_sessions"."id"`,
    startedAt: sql`"workout_sessions"."started_at"`,
  });
  return sql<string | (Omit<HistorySet, "startedAt"> & { startedAt: string })[]>`(
    SELECT coalesce(json_agg(json_build_object(
      'sessionId', c.session_id, 'startedAt', c.started_at, 'exerciseId', c.exercise_id,
      'weightKg', c.weight_kg, 'reps', c.reps, 'rpe', c.rpe
    ) ORDER BY c.started_at DESC, c.session_id DESC, c.position, c.id), '[]')
    FROM (${sets}) c)`;
}

/** JSON columns arrive parsed from one driver and as text from another. */
function jsonArray<T>(value: string | T[] | null): T[] {
  if (value === null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/** One of the athlete's sessions with everything the logger shows; null when absent or someone else's. */
export async function loggerSession(db: DbOrTx, userId: number, sessionId: number): Promise<LoggerSession | null> {
  const [row] = await db
    .select({
      ...sessionViewColumns,
      sets: setsJson,
      planned: plannedJson(userId),
      history: historyJson(userId),
    })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .limit(1);
  if (!row) return null;
  const { sets, planned, history, ...session } = row;
  // numeric columns become JSON numbers and timestamps ISO strings with their offset.
  const earlier = jsonArray(history).map((h) => ({ ...h, startedAt: new Date(h.startedAt) }));
  return {
    session: { ...session, sets: jsonArray(sets) },
    planned: jsonArray(planned),
    context: contextFromHistory(earlier),
  };
}
