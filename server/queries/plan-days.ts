import "server-only";

import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exercises, splitDayExercises, splitDays, splits } from "@/db/schema";
import type { PlanDay } from "@/lib/athlete/device-start";
import type { ExerciseType } from "@/lib/training/types";

/**
 * Every day of the athlete's splits (the generated program first, then their own, in order) with
 * what the logger needs to lay out a workout from it on the device, and each exercise's type.
 */
export async function planDays(db: DbOrTx, userId: number): Promise<{ days: PlanDay[]; types: Map<number, ExerciseType> }> {
  const rows = await db
    .select({
      dayId: splitDays.id,
      dayName: splitDays.name,
      splitName: splits.name,
      exerciseId: splitDayExercises.exerciseId,
      exerciseName: exercises.name,
      exerciseType: exercises.type,
      measure: exercises.measure,
      supersetGroup: splitDayExercises.supersetGroup,
      targetSets: splitDayExercises.targetSets,
      targetRepsMin: splitDayExercises.targetRepsMin,
      targetRepsMax: splitDayExercises.targetRepsMax,
      note: splitDayExercises.note,
    })
    .from(splitDays)
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .leftJoin(splitDayExercises, eq(splitDayExercises.splitDayId, splitDays.id))
    .leftJoin(exercises, eq(exercises.id, splitDayExercises.exerciseId))
    .where(eq(splits.userId, userId))
    .orderBy(
      // The generated program first (the enum sorts "custom" before it), then the athlete's own splits.
      desc(splits.source),
      asc(splits.position),
      asc(splits.id),
      asc(splitDays.position),
      asc(splitDays.id),
      asc(splitDayExercises.position),
      asc(splitDayExercises.id),
    );
  const days = new Map<number, PlanDay>();
  const types = new Map<number, ExerciseType>();
  for (const row of rows) {
    let day = days.get(row.dayId);
    if (!day) days.set(row.dayId, (day = { id: row.dayId, name: row.dayName, splitName: row.splitName, exercises: [] }));
    if (row.exerciseId === null || row.exerciseName === null || row.measure === null || row.exerciseType === null) continue;
    types.set(row.exerciseId, row.exerciseType);
    day.exercises.push({
      exerciseId: row.exerciseId,
      exerciseName: row.exerciseName,
      measure: row.measure,
      bodyweight: row.exerciseType === "bodyweight",
      supersetGroup: row.supersetGroup,
      target: { sets: row.targetSets!, repsMin: row.targetRepsMin!, repsMax: row.targetRepsMax!, note: row.note },
    });
  }
  return { days: [...days.values()], types };
}

/**
 * A stamp that changes whenever what the device keeps for a workout with no signal would: the plan
 * (a split or day edited, added or removed) or the history beside it (a workout saved).
 */
export async function offlineKitStamp(db: DbOrTx, userId: number): Promise<string> {
  const [row] = await db
    .select({
      plan: sql<
        string | null
      >`(SELECT max(s.updated_at)::text || ':' || count(*)::text FROM splits s WHERE s.user_id = ${userId})`,
      history: sql<string | null>`(SELECT max(w.updated_at)::text FROM workout_sessions w WHERE w.user_id = ${userId})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return `${row?.plan ?? ""}|${row?.history ?? ""}`;
}
