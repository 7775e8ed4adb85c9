import "server-only";

/**
 * What the logging page (/log/:id) reads, in one statement. It is the page athletes open most, on a
 * phone between sets, and on the embedded database every statement costs a fixed round of parsing,
 * planning and result decoding on the server's own thread: the session, its sets, the day's plan and
 * the earlier history of those exercises used to be four statements, one after the other.
 *
 * The slots, the sets and the history come back as JSON arrays from correlated subqueries, each scoped
 * to the signed-in athlete exactly as sessionSnapshot and loggingContext scope them.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workoutSessions } from "@/db/schema";
import type { SessionSnapshot, SnapshotSet, SnapshotSlot } from "@/lib/athlete/session-sync";
import { contextSetsQuery, type SessionView } from "./sessions";
import { sessionIs } from "./session-ref";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { setValuesJson } from "./set-columns";
import { contextFromHistory, type HistorySet, type LoggingContext } from "@/lib/athlete/logging-context";
import type { ExerciseType } from "@/lib/training/types";

export type LoggerSession = {
  session: Pick<SessionView, "id" | "name" | "splitDayId" | "startedAt" | "finishedAt">;
  /** The session as every device sees it: slots (planned ones with their targets) and sets by identity. */
  snapshot: SessionSnapshot;
  /** Last time's sets and the record-holding sets of every exercise in the session's slots. */
  context: LoggingContext;
  /** Each slot exercise's type (the progression's load steps depend on it). */
  exerciseTypes: Map<number, ExerciseType>;
};

// Correlated subqueries name their tables by alias and the outer row by its table: Drizzle leaves
// columns unqualified in a single-table select, where "id" would silently mean the inner table's.
const slotsJson = sql<string | (Omit<SnapshotSlot, "target"> & SlotTargetColumns & { exerciseType: ExerciseType })[]>`(
  SELECT coalesce(json_agg(json_build_object(
    'id', x.id, 'exerciseId', x.exercise_id, 'exerciseName', e.name, 'bodyweight', e.type = 'bodyweight', 'exerciseType', e.type,
    'measure', e.measure, 'supersetGroup', x.superset_group, 'position', x.position, 'targetSets', x.target_sets, 'targetRepsMin', x.target_reps_min,
    'targetRepsMax', x.target_reps_max, 'note', x.note, 'revision', x.revision, 'times', x.field_times
  ) ORDER BY x.position, x.id), '[]')
  FROM session_exercises x JOIN exercises e ON e.id = x.exercise_id
  WHERE x.session_id = "workout_sessions"."id")`;

const setsJson = sql<string | SnapshotSet[]>`(
  SELECT coalesce(json_agg(json_build_object(
    'id', s.uid, 'slotId', s.exercise_slot_id, 'position', s.position, ${setValuesJson("s")},
    'revision', s.revision, 'times', s.field_times
  ) ORDER BY x.position, x.id, s.position, s.uid), '[]')
  FROM session_sets s JOIN session_exercises x ON x.id = s.exercise_slot_id
  WHERE s.session_id = "workout_sessions"."id")`;

type SlotTargetColumns = {
  targetSets: number | null;
  targetRepsMin: number | null;
  targetRepsMax: number | null;
  note: string | null;
};

/**
 * The earlier sets the logging context needs (contextSetsQuery) of every exercise in the session's
 * slots (logged or planned), newest session first: the rows loggingContext reads.
 */
function historyJson(userId: number) {
  const exerciseIds = sql`SELECT x.exercise_id FROM session_exercises x WHERE x.session_id = "workout_sessions"."id"`;
  const sets = contextSetsQuery(userId, exerciseIds, {
    sessionId: sql`"workout_sessions"."id"`,
    startedAt: sql`"workout_sessions"."started_at"`,
  });
  return sql<string | (Omit<HistorySet, "startedAt"> & { startedAt: string })[]>`(
    SELECT coalesce(json_agg(json_build_object(
      'sessionId', c.session_id, 'startedAt', c.started_at, 'exerciseId', c.exercise_id, ${setValuesJson("c")}
    ) ORDER BY c.started_at DESC, c.session_id DESC, c.position, c.id), '[]')
    FROM (${sets}) c)`;
}

/** JSON columns arrive parsed from one driver and as text from another. */
function jsonArray<T>(value: string | T[] | null): T[] {
  if (value === null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/**
 * One of the athlete's sessions with everything the logger shows, by its key or by the identity the
 * device that started it gave it; null when absent or someone else's.
 */
export async function loggerSession(db: DbOrTx, userId: number, ref: SessionRef): Promise<LoggerSession | null> {
  const [row] = await db
    .select({
      id: workoutSessions.id,
      uid: workoutSessions.uid,
      name: workoutSessions.name,
      splitDayId: workoutSessions.splitDayId,
      startedAt: workoutSessions.startedAt,
      finishedAt: workoutSessions.finishedAt,
      revision: workoutSessions.revision,
      notes: workoutSessions.notes,
      durationSeconds: workoutSessions.durationSeconds,
      times: workoutSessions.fieldTimes,
      slots: slotsJson,
      sets: setsJson,
      history: historyJson(userId),
    })
    .from(workoutSessions)
    .where(and(sessionIs(ref), eq(workoutSessions.userId, userId)))
    .limit(1);
  if (!row) return null;
  // numeric columns become JSON numbers and timestamps ISO strings with their offset.
  const earlier = jsonArray(row.history).map((h) => ({ ...h, startedAt: new Date(h.startedAt) }));
  const slots = jsonArray(row.slots);
  const snapshot: SessionSnapshot = {
    id: row.id,
    uid: row.uid,
    revision: row.revision,
    name: row.name,
    notes: row.notes ?? "",
    durationSeconds: row.durationSeconds,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    times: row.times,
    exercises: slots.map(({ targetSets, targetRepsMin, targetRepsMax, note, exerciseType: _type, ...slot }) => ({
      ...slot,
      target:
        targetSets === null || targetRepsMin === null || targetRepsMax === null
          ? null
          : { sets: targetSets, repsMin: targetRepsMin, repsMax: targetRepsMax, note },
    })),
    sets: jsonArray(row.sets),
  };
  return {
    session: { id: row.id, name: row.name, splitDayId: row.splitDayId, startedAt: row.startedAt, finishedAt: row.finishedAt },
    snapshot,
    context: contextFromHistory(earlier),
    exerciseTypes: new Map(slots.map((slot) => [slot.exerciseId, slot.exerciseType])),
  };
}
