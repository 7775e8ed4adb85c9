import "server-only";

/**
 * Reading splits, their days and their exercises, always through the signed-in athlete's id. The
 * generated program is the split whose source is `generated`. Edits are in server/services/splits.ts.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exercises, splitDayExercises, splitDays, splits } from "@/db/schema";
import type { ExerciseMeasure, ExerciseType } from "@/lib/training/types";

export type SplitSummary = {
  id: number;
  name: string;
  source: "custom" | "generated";
  position: number;
  dayCount: number;
  exerciseCount: number;
  updatedAt: Date;
};

export type SplitDayExerciseView = {
  id: number;
  exerciseId: number;
  exerciseName: string;
  exerciseType: ExerciseType;
  /** What the targets count: reps, or seconds for a hold, metres for a carry or a run. */
  measure: ExerciseMeasure;
  equipmentRequired: unknown;
  position: number;
  targetSets: number;
  targetRepsMin: number;
  targetRepsMax: number;
  note: string | null;
  supersetGroup: number | null;
};

export type SplitDayView = { id: number; name: string; position: number; exercises: SplitDayExerciseView[] };

export type SplitView = { id: number; name: string; source: "custom" | "generated"; updatedAt: Date; days: SplitDayView[] };

/** The athlete's splits in their order, with how many days and exercises each holds. */
export async function listSplits(db: DbOrTx, userId: number, source?: "custom" | "generated"): Promise<SplitSummary[]> {
  const rows = await db
    .select({
      id: splits.id,
      name: splits.name,
      source: splits.source,
      position: splits.position,
      updatedAt: splits.updatedAt,
      // Correlated subqueries name their tables by alias: Drizzle leaves columns unqualified in a
      // single-table select, where "id" would silently mean the inner table's.
      dayCount: sql<number>`(SELECT count(*)::int FROM split_days d WHERE d.split_id = "splits"."id")`,
      exerciseCount: sql<number>`(SELECT count(*)::int FROM split_day_exercises e JOIN split_days d ON d.id = e.split_day_id WHERE d.split_id = "splits"."id")`,
    })
    .from(splits)
    .where(source ? and(eq(splits.userId, userId), eq(splits.source, source)) : eq(splits.userId, userId))
    .orderBy(asc(splits.position), asc(splits.id));
  return rows.map((r) => ({ ...r, dayCount: Number(r.dayCount), exerciseCount: Number(r.exerciseCount) }));
}

/** One split with its days and exercises in order; null when it is not this athlete's. */
export async function getSplit(db: DbOrTx, userId: number, splitId: number): Promise<SplitView | null> {
  const [split] = await db
    .select({ id: splits.id, name: splits.name, source: splits.source, updatedAt: splits.updatedAt })
    .from(splits)
    .where(and(eq(splits.id, splitId), eq(splits.userId, userId)))
    .limit(1);
  if (!split) return null;
  return { ...split, days: await loadDays(db, [split.id]).then((m) => m.get(split.id) ?? []) };
}

/** The generated program of this athlete, if any. */
export async function getGeneratedProgram(db: DbOrTx, userId: number): Promise<SplitView | null> {
  const [split] = await db
    .select({ id: splits.id })
    .from(splits)
    .where(and(eq(splits.userId, userId), eq(splits.source, "generated")))
    .orderBy(asc(splits.id))
    .limit(1);
  return split ? getSplit(db, userId, split.id) : null;
}

async function loadDays(db: DbOrTx, splitIds: number[]): Promise<Map<number, SplitDayView[]>> {
  const days = await db
    .select()
    .from(splitDays)
    .where(inArray(splitDays.splitId, splitIds))
    .orderBy(asc(splitDays.position), asc(splitDays.id));
  const items = days.length
    ? await db
        .select({
          id: splitDayExercises.id,
          dayId: splitDayExercises.splitDayId,
          exerciseId: splitDayExercises.exerciseId,
          exerciseName: exercises.name,
          exerciseType: exercises.type,
          measure: exercises.measure,
          equipmentRequired: exercises.equipmentRequired,
          position: splitDayExercises.position,
          targetSets: splitDayExercises.targetSets,
          targetRepsMin: splitDayExercises.targetRepsMin,
          targetRepsMax: splitDayExercises.targetRepsMax,
          note: splitDayExercises.note,
          supersetGroup: splitDayExercises.supersetGroup,
        })
        .from(splitDayExercises)
        .innerJoin(exercises, eq(exercises.id, splitDayExercises.exerciseId))
        .where(
          inArray(
            splitDayExercises.splitDayId,
            days.map((d) => d.id),
          ),
        )
        .orderBy(asc(splitDayExercises.position), asc(splitDayExercises.id))
    : [];
  const out = new Map<number, SplitDayView[]>();
  for (const day of days) {
    const list = out.get(day.splitId) ?? [];
    list.push({
      id: day.id,
      name: day.name,
      position: day.position,
      exercises: items.filter((i) => i.dayId === day.id).map(({ dayId: _dayId, ...rest }) => rest),
    });
    out.set(day.splitId, list);
  }
  return out;
}

/** A day of one of the athlete's splits, for starting a session from it; null when not theirs. */
export async function getSplitDay(
  db: DbOrTx,
  userId: number,
  dayId: number,
): Promise<(SplitDayView & { splitId: number; splitName: string }) | null> {
  const [day] = await db
    .select({ id: splitDays.id, splitId: splitDays.splitId, splitName: splits.name })
    .from(splitDays)
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(splitDays.id, dayId), eq(splits.userId, userId)))
    .limit(1);
  if (!day) return null;
  const found = (await loadDays(db, [day.splitId])).get(day.splitId)?.find((d) => d.id === dayId);
  return found ? { ...found, splitId: day.splitId, splitName: day.splitName } : null;
}

// ---- ownership checks: every write starts by proving the row is the caller's custom split's -----
