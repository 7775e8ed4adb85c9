import "server-only";

/**
 * The reads behind progress: an exercise's history, the records timeline and weekly muscle volume.
 * All scoped to the signed-in athlete's sessions; the arithmetic lives in lib/athlete/progress and
 * lib/training.
 */
import { and, asc, desc, eq, gte, inArray, max, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMuscles, exercises, muscles, SET_COLUMNS, sessionSets, workoutSessions } from "@/db/schema";
import { type HistorySet, dailyRecords, type RecordEvent, recordEvents } from "@/lib/athlete/record-events";
import type { ExerciseMeasure, MuscleActivation } from "@/lib/training/types";
import { type WeeklyMuscleVolume, weeklyMuscleVolume } from "@/lib/training/volume";

/** Exercises the athlete has logged, most recently performed first. */
export async function loggedExercises(
  db: DbOrTx,
  userId: number,
): Promise<{ id: number; name: string; measure: ExerciseMeasure; setCount: number; lastPerformedAt: Date }[]> {
  const rows = await db
    .select({
      id: exercises.id,
      name: exercises.name,
      measure: exercises.measure,
      setCount: sql<number>`count(*)::int`,
      lastPerformedAt: max(workoutSessions.startedAt),
    })
    .from(sessionSets)
    .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
    .innerJoin(exercises, eq(exercises.id, sessionSets.exerciseId))
    .where(eq(workoutSessions.userId, userId))
    .groupBy(exercises.id, exercises.name, exercises.measure)
    .orderBy(desc(max(workoutSessions.startedAt)), asc(exercises.name));
  return rows.map((r) => ({ ...r, setCount: Number(r.setCount), lastPerformedAt: r.lastPerformedAt ?? new Date(0) }));
}

/** A logged set with its session and when it was performed (HistorySet), selected from sets joined to sessions. */
const historySetColumns = {
  sessionId: sessionSets.sessionId,
  exerciseId: sessionSets.exerciseId,
  performedAt: workoutSessions.startedAt,
  ...SET_COLUMNS,
};

/** Every set of the athlete's sessions (optionally of one exercise), in the order performed. */
export async function historySets(
  db: DbOrTx,
  userId: number,
  options: { exerciseId?: number; since?: Date } = {},
): Promise<HistorySet[]> {
  const conditions = [eq(workoutSessions.userId, userId)];
  if (options.exerciseId) conditions.push(eq(sessionSets.exerciseId, options.exerciseId));
  if (options.since) conditions.push(gte(workoutSessions.startedAt, options.since));
  return db
    .select(historySetColumns)
    .from(sessionSets)
    .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
    .where(and(...conditions))
    .orderBy(asc(workoutSessions.startedAt), asc(workoutSessions.id), asc(sessionSets.position), asc(sessionSets.id));
}

export type NamedRecordEvent = RecordEvent & { exerciseName: string; sessionName: string };

/** The athlete's personal records as they happened, newest first, one per kind per exercise per day (in their time zone). */
export async function recentRecords(db: DbOrTx, userId: number, timeZone: string, limit = 20): Promise<NamedRecordEvent[]> {
  const events = dailyRecords(recordEvents(await historySets(db, userId)), timeZone)
    .reverse()
    .slice(0, limit);
  if (events.length === 0) return [];
  const [names, sessionNames] = await Promise.all([
    db
      .select({ id: exercises.id, name: exercises.name })
      .from(exercises)
      .where(inArray(exercises.id, [...new Set(events.map((e) => e.exerciseId))])),
    db
      .select({ id: workoutSessions.id, name: workoutSessions.name })
      .from(workoutSessions)
      .where(and(eq(workoutSessions.userId, userId), inArray(workoutSessions.id, [...new Set(events.map((e) => e.sessionId))]))),
  ]);
  const exerciseName = new Map(names.map((n) => [n.id, n.name]));
  const sessionName = new Map(sessionNames.map((n) => [n.id, n.name]));
  return events.map((e) => ({
    ...e,
    exerciseName: exerciseName.get(e.exerciseId) ?? "Exercise",
    sessionName: sessionName.get(e.sessionId) ?? "Session",
  }));
}

/** The records set in one session (against everything before it), for the session page. */
export async function recordsInSession(db: DbOrTx, userId: number, sessionId: number): Promise<RecordEvent[]> {
  const [session] = await db
    .select({ id: workoutSessions.id })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .limit(1);
  if (!session) return [];
  const exerciseIds = await db
    .selectDistinct({ id: sessionSets.exerciseId })
    .from(sessionSets)
    .where(eq(sessionSets.sessionId, sessionId));
  if (exerciseIds.length === 0) return [];
  const sets = await db
    .select(historySetColumns)
    .from(sessionSets)
    .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
    .where(
      and(
        eq(workoutSessions.userId, userId),
        inArray(
          sessionSets.exerciseId,
          exerciseIds.map((e) => e.id),
        ),
        // Compared in SQL: the database keeps microseconds, a JavaScript Date only milliseconds.
        sql`(${workoutSessions.startedAt}, ${workoutSessions.id}) <= (SELECT ws.started_at, ws.id FROM workout_sessions ws WHERE ws.id = ${sessionId})`,
      ),
    )
    .orderBy(asc(workoutSessions.startedAt), asc(workoutSessions.id), asc(sessionSets.position), asc(sessionSets.id));
  return recordEvents(sets).filter((e) => e.sessionId === sessionId);
}

/** Muscles worked by each exercise, by name, for volume. */
export async function musclesByExercise(db: DbOrTx, exerciseIds: readonly number[]): Promise<Map<number, MuscleActivation[]>> {
  const ids = [...new Set(exerciseIds)];
  const out = new Map<number, MuscleActivation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ exerciseId: exerciseMuscles.exerciseId, muscle: muscles.name, activation: exerciseMuscles.activationRating })
    .from(exerciseMuscles)
    .innerJoin(muscles, eq(muscles.id, exerciseMuscles.muscleId))
    .where(inArray(exerciseMuscles.exerciseId, ids));
  for (const { exerciseId, ...m } of rows) {
    const list = out.get(exerciseId) ?? [];
    list.push(m);
    out.set(exerciseId, list);
  }
  return out;
}

/** Activation-weighted sets per muscle for each week since `since`, in the athlete's time zone. */
export async function weeklyVolume(db: DbOrTx, userId: number, since: Date, timeZone: string): Promise<WeeklyMuscleVolume[]> {
  const sets = await historySets(db, userId, { since });
  const byExercise = await musclesByExercise(
    db,
    sets.map((s) => s.exerciseId),
  );
  return weeklyMuscleVolume(sets, byExercise, { timeZone });
}
