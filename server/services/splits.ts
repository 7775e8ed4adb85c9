import "server-only";

/**
 * Splits, their days and their exercises, always through the signed-in athlete's id. The generated
 * program (source `generated`) is rebuilt from the assessment, so only custom splits are edited
 * here; the program can be copied into a custom split and edited there.
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { splitDayExercises, splitDays, splits } from "@/db/schema";
import { type MoveDirection, moveInOrder } from "@/lib/athlete/reorder";
import type { Targets } from "@/lib/athlete/split-input";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { visibleExerciseIds } from "@/server/queries/exercises";
import { getSplit } from "@/server/queries/splits";

const EDIT_GENERATED_MESSAGE = "Your program is rebuilt from your assessment. Copy it into a split of your own to edit it.";

async function ownedCustomSplit(tx: DbOrTx, userId: number, splitId: number): Promise<void> {
  const [row] = await tx
    .select({ source: splits.source })
    .from(splits)
    .where(and(eq(splits.id, splitId), eq(splits.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError("That split");
  if (row.source !== "custom") throw new UserFacingError(EDIT_GENERATED_MESSAGE);
}

async function ownedCustomDay(tx: DbOrTx, userId: number, dayId: number): Promise<{ splitId: number }> {
  const [row] = await tx
    .select({ splitId: splitDays.splitId, source: splits.source })
    .from(splitDays)
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(splitDays.id, dayId), eq(splits.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError("That day");
  if (row.source !== "custom") throw new UserFacingError(EDIT_GENERATED_MESSAGE);
  return { splitId: row.splitId };
}

async function ownedCustomDayExercise(tx: DbOrTx, userId: number, itemId: number): Promise<{ dayId: number; splitId: number }> {
  const [row] = await tx
    .select({ dayId: splitDayExercises.splitDayId, splitId: splitDays.splitId, source: splits.source })
    .from(splitDayExercises)
    .innerJoin(splitDays, eq(splitDays.id, splitDayExercises.splitDayId))
    .innerJoin(splits, eq(splits.id, splitDays.splitId))
    .where(and(eq(splitDayExercises.id, itemId), eq(splits.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError("That exercise");
  if (row.source !== "custom") throw new UserFacingError(EDIT_GENERATED_MESSAGE);
  return { dayId: row.dayId, splitId: row.splitId };
}

async function touchSplit(tx: DbOrTx, splitId: number): Promise<void> {
  await tx.update(splits).set({ updatedAt: new Date() }).where(eq(splits.id, splitId));
}

// ---- splits ------------------------------------------------------------------------------------

export async function createSplit(db: DbOrTx, userId: number, name: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${splits.position}) + 1, 0)::int` })
      .from(splits)
      .where(eq(splits.userId, userId));
    const [created] = await tx
      .insert(splits)
      .values({ userId, name, source: "custom", position: Number(next) })
      .returning({ id: splits.id });
    return created.id;
  });
}

export async function renameSplit(db: DbOrTx, userId: number, splitId: number, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    await ownedCustomSplit(tx, userId, splitId);
    await tx.update(splits).set({ name, updatedAt: new Date() }).where(eq(splits.id, splitId));
  });
}

export async function deleteSplit(db: DbOrTx, userId: number, splitId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await ownedCustomSplit(tx, userId, splitId);
    // Days and their exercises go by cascade; logged sessions keep their sets (split_day_id → NULL).
    await tx.delete(splits).where(and(eq(splits.id, splitId), eq(splits.userId, userId)));
  });
}

export async function moveSplit(db: DbOrTx, userId: number, splitId: number, direction: MoveDirection): Promise<void> {
  await db.transaction(async (tx) => {
    await ownedCustomSplit(tx, userId, splitId);
    const rows = await tx
      .select({ id: splits.id })
      .from(splits)
      .where(eq(splits.userId, userId))
      .orderBy(asc(splits.position), asc(splits.id));
    await writePositions(
      tx,
      "splits",
      moveInOrder(
        rows.map((r) => r.id),
        splitId,
        direction,
      ),
    );
  });
}

/** Rewrite positions 0..n-1 in the given order (see lib/athlete/reorder). */
async function writePositions(
  tx: DbOrTx,
  table: "splits" | "split_days" | "split_day_exercises",
  orderedIds: number[],
): Promise<void> {
  if (orderedIds.length === 0) return;
  const target = table === "splits" ? splits : table === "split_days" ? splitDays : splitDayExercises;
  const cases = sql.join(
    orderedIds.map((id, position) => sql`WHEN ${id} THEN ${position}::int`),
    sql` `,
  );
  await tx
    .update(target)
    .set({ position: sql`CASE ${target.id} ${cases} END` })
    .where(inArray(target.id, orderedIds));
}

/** A custom copy of any of the athlete's splits (typically the generated program), placed last. */
export async function copySplit(db: DbOrTx, userId: number, splitId: number, name: string): Promise<number> {
  return db.transaction(async (tx) => {
    const source = await getSplit(tx, userId, splitId);
    if (!source) throw new NotFoundError("That split");
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${splits.position}) + 1, 0)::int` })
      .from(splits)
      .where(eq(splits.userId, userId));
    const [copy] = await tx
      .insert(splits)
      .values({ userId, name, source: "custom", position: Number(next) })
      .returning({ id: splits.id });
    await insertDays(tx, copy.id, source.days);
    return copy.id;
  });
}

/** Insert days with their exercises under a split (used by copy and by program generation). */
export async function insertDays(
  tx: DbOrTx,
  splitId: number,
  days: {
    name: string;
    exercises: {
      exerciseId: number;
      targetSets: number;
      targetRepsMin: number;
      targetRepsMax: number;
      note: string | null;
      supersetGroup?: number | null;
    }[];
  }[],
): Promise<void> {
  if (days.length === 0) return;
  const created = await tx
    .insert(splitDays)
    .values(days.map((d, position) => ({ splitId, name: d.name, position })))
    .returning({ id: splitDays.id, position: splitDays.position });
  const idAt = new Map(created.map((c) => [c.position, c.id]));
  const items = days.flatMap((d, dayPosition) =>
    d.exercises.map((e, position) => ({
      splitDayId: idAt.get(dayPosition)!,
      exerciseId: e.exerciseId,
      position,
      targetSets: e.targetSets,
      targetRepsMin: e.targetRepsMin,
      targetRepsMax: e.targetRepsMax,
      note: e.note,
      supersetGroup: e.supersetGroup ?? null,
    })),
  );
  if (items.length) await tx.insert(splitDayExercises).values(items);
}

// ---- days --------------------------------------------------------------------------------------

export async function addSplitDay(db: DbOrTx, userId: number, splitId: number, name: string): Promise<number> {
  return db.transaction(async (tx) => {
    await ownedCustomSplit(tx, userId, splitId);
    const [{ n }] = await tx.select({ n: count() }).from(splitDays).where(eq(splitDays.splitId, splitId));
    if (n >= 14) throw new UserFacingError("A split holds at most 14 days.", { field: "name" });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${splitDays.position}) + 1, 0)::int` })
      .from(splitDays)
      .where(eq(splitDays.splitId, splitId));
    const [day] = await tx
      .insert(splitDays)
      .values({ splitId, name, position: Number(next) })
      .returning({ id: splitDays.id });
    await touchSplit(tx, splitId);
    return day.id;
  });
}

export async function renameSplitDay(db: DbOrTx, userId: number, dayId: number, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDay(tx, userId, dayId);
    await tx.update(splitDays).set({ name }).where(eq(splitDays.id, dayId));
    await touchSplit(tx, splitId);
  });
}

export async function deleteSplitDay(db: DbOrTx, userId: number, dayId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDay(tx, userId, dayId);
    await tx.delete(splitDays).where(eq(splitDays.id, dayId));
    await touchSplit(tx, splitId);
  });
}

export async function moveSplitDay(db: DbOrTx, userId: number, dayId: number, direction: MoveDirection): Promise<void> {
  await db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDay(tx, userId, dayId);
    const rows = await tx
      .select({ id: splitDays.id })
      .from(splitDays)
      .where(eq(splitDays.splitId, splitId))
      .orderBy(asc(splitDays.position), asc(splitDays.id));
    await writePositions(
      tx,
      "split_days",
      moveInOrder(
        rows.map((r) => r.id),
        dayId,
        direction,
      ),
    );
    await touchSplit(tx, splitId);
  });
}

// ---- a day's exercises -------------------------------------------------------------------------

export async function addDayExercise(
  db: DbOrTx,
  userId: number,
  dayId: number,
  exerciseId: number,
  targets: Targets,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDay(tx, userId, dayId);
    const visible = await visibleExerciseIds(tx, userId, [exerciseId]);
    if (!visible.has(exerciseId)) throw new UserFacingError("Choose an exercise from the list.", { field: "exerciseId" });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${splitDayExercises.position}) + 1, 0)::int` })
      .from(splitDayExercises)
      .where(eq(splitDayExercises.splitDayId, dayId));
    const [item] = await tx
      .insert(splitDayExercises)
      .values({ splitDayId: dayId, exerciseId, position: Number(next), ...targets })
      .returning({ id: splitDayExercises.id });
    await touchSplit(tx, splitId);
    return item.id;
  });
}

export async function updateDayExercise(db: DbOrTx, userId: number, itemId: number, targets: Targets): Promise<void> {
  await db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDayExercise(tx, userId, itemId);
    await tx.update(splitDayExercises).set(targets).where(eq(splitDayExercises.id, itemId));
    await touchSplit(tx, splitId);
  });
}

export async function removeDayExercise(db: DbOrTx, userId: number, itemId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { splitId } = await ownedCustomDayExercise(tx, userId, itemId);
    await tx.delete(splitDayExercises).where(eq(splitDayExercises.id, itemId));
    await touchSplit(tx, splitId);
  });
}

export async function moveDayExercise(db: DbOrTx, userId: number, itemId: number, direction: MoveDirection): Promise<void> {
  await db.transaction(async (tx) => {
    const { dayId, splitId } = await ownedCustomDayExercise(tx, userId, itemId);
    const rows = await tx
      .select({ id: splitDayExercises.id })
      .from(splitDayExercises)
      .where(eq(splitDayExercises.splitDayId, dayId))
      .orderBy(asc(splitDayExercises.position), asc(splitDayExercises.id));
    await writePositions(
      tx,
      "split_day_exercises",
      moveInOrder(
        rows.map((r) => r.id),
        itemId,
        direction,
      ),
    );
    await touchSplit(tx, splitId);
  });
}
