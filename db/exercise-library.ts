/**
 * The built-in exercise library in the database: loaded whole by the demo seed, and topped up on
 * databases that already hold it, so an existing deployment gets exercises added to
 * db/seed-data/ after it was seeded. The top-up runs in `npm run db:migrate` and `npm start`'s
 * migrate step, after the schema migrations; never when a connection opens (tests and imports
 * open databases that must stay as they are).
 */
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client";
import { exerciseMuscles, exercises, muscles } from "./schema";
import { EXERCISE_LIBRARY } from "./seed-data/exercises";
import { MUSCLES } from "./seed-data/muscles";

/**
 * Insert the library's muscles and exercises that are missing, by name, with the muscle ratings of
 * the exercises it inserts. Exercises already there are left as they are (an operator's edits, and
 * the measure they have been logged by, stay). Returns every library exercise's id by name.
 */
export async function seedExerciseLibrary(db: DbOrTx): Promise<Map<string, number>> {
  await db
    .insert(muscles)
    .values(MUSCLES.map((m) => ({ name: m.name, region: m.region })))
    .onConflictDoNothing({ target: muscles.name });
  const muscleRows = await db.select({ id: muscles.id, name: muscles.name }).from(muscles);
  const muscleId = new Map(muscleRows.map((m) => [m.name, m.id]));

  // ON CONFLICT without a target also covers the partial unique index on library names.
  const inserted = await db
    .insert(exercises)
    .values(
      EXERCISE_LIBRARY.map((e) => ({
        name: e.name,
        type: e.type,
        measure: e.measure ?? "reps_load",
        difficulty: e.difficulty,
        equipmentRequired: [...e.equipmentRequired],
        notes: e.notes,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: exercises.id, name: exercises.name });
  const insertedNames = new Set(inserted.map((e) => e.name));
  const exerciseRows = await db
    .select({ id: exercises.id, name: exercises.name })
    .from(exercises)
    .where(isNull(exercises.createdBy));
  const exerciseId = new Map(exerciseRows.map((e) => [e.name, e.id]));

  const links = EXERCISE_LIBRARY.filter((e) => insertedNames.has(e.name)).flatMap((e) =>
    e.muscles.map((m) => ({
      exerciseId: exerciseId.get(e.name)!,
      muscleId: muscleId.get(m.muscle)!,
      activationRating: m.activation,
    })),
  );
  if (links.length > 0) await db.insert(exerciseMuscles).values(links).onConflictDoNothing();
  return exerciseId;
}

/**
 * Add the library exercises a database that already holds the library is missing, in one
 * transaction. An empty database is left empty: it is for the demo seed or a data import (which
 * refuses a database holding data). Safe to run repeatedly and from two processes at once.
 * Returns the names of the exercises added.
 */
export async function topUpExerciseLibrary(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(exercises)
      .where(isNull(exercises.createdBy));
    if (n === 0) return [];
    const before = await tx.select({ name: exercises.name }).from(exercises).where(isNull(exercises.createdBy));
    const had = new Set(before.map((e) => e.name.toLowerCase()));
    const missing = EXERCISE_LIBRARY.filter((e) => !had.has(e.name.toLowerCase())).map((e) => e.name);
    if (missing.length === 0) return [];
    await seedExerciseLibrary(tx);
    const added = await tx
      .select({ name: exercises.name })
      .from(exercises)
      .where(and(isNull(exercises.createdBy), inArray(exercises.name, missing)));
    return added.map((e) => e.name);
  });
}
