import "server-only";

/**
 * An athlete's own exercises: created with their muscles in one transaction, deleted only by their
 * owner. Names are unique among what the athlete sees (the library and their own), ignoring case.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMuscles, exercises, muscles } from "@/db/schema";
import type { CustomExerciseInput } from "@/lib/athlete/custom-exercise";
import { UserFacingError } from "@/lib/errors";
import { visibleTo } from "@/server/queries/exercises";

export const EXERCISE_NAME_TAKEN = "An exercise with this name already exists. Choose another name.";

/** Add a private exercise with its muscles, in one transaction. A taken name is a field error. */
export async function createCustomExercise(db: DbOrTx, userId: number, input: CustomExerciseInput): Promise<number> {
  return db.transaction(async (tx) => {
    // Unique among what this athlete sees (the library and their own), ignoring case, so "bench
    // press" cannot shadow "Bench Press"; other athletes' private names do not count.
    const [clash] = await tx
      .select({ id: exercises.id })
      .from(exercises)
      .where(and(sql`lower(${exercises.name}) = lower(${input.name})`, visibleTo(userId)))
      .limit(1);
    if (clash) throw new UserFacingError(EXERCISE_NAME_TAKEN, { field: "name" });
    const [created] = await tx
      .insert(exercises)
      .values({
        name: input.name,
        type: input.type,
        measure: input.measure,
        difficulty: input.difficulty,
        equipmentRequired: input.equipment,
        notes: input.notes,
        createdBy: userId,
      })
      // A concurrent insert of the same name lands on exercises_owner_name_idx.
      .onConflictDoNothing()
      .returning({ id: exercises.id });
    if (!created) throw new UserFacingError(EXERCISE_NAME_TAKEN, { field: "name" });
    const known = await tx
      .select({ id: muscles.id })
      .from(muscles)
      .where(
        inArray(
          muscles.id,
          input.muscles.map((m) => m.muscleId),
        ),
      );
    if (known.length !== input.muscles.length) throw new UserFacingError("Choose muscles from the list.", { field: "muscle1" });
    await tx
      .insert(exerciseMuscles)
      .values(input.muscles.map((m) => ({ exerciseId: created.id, muscleId: m.muscleId, activationRating: m.activation })));
    return created.id;
  });
}

/** Delete one of the athlete's own custom exercises (and, by cascade, the sets logged with it). */
export async function deleteCustomExercise(db: DbOrTx, userId: number, exerciseId: number): Promise<boolean> {
  const deleted = await db
    .delete(exercises)
    .where(and(eq(exercises.id, exerciseId), eq(exercises.createdBy, userId)))
    .returning({ id: exercises.id });
  return deleted.length > 0;
}
