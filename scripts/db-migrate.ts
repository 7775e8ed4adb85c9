/**
 * Apply pending schema migrations from drizzle/ to the configured database (PGlite in .data/ when
 * DATABASE_URL is unset, that Postgres otherwise, through DIRECT_DATABASE_URL when set), then add the
 * library exercises a database holding the library is missing (db/exercise-library.ts).
 */
import { runSchemaMigrations, schemaMigrationStatus } from "@/db/client";
import { topUpExerciseLibrary } from "@/db/exercise-library";
import { closeDatabase, getDatabase, withSchemaMigrationDatabase } from "@/server/db";
import { runCli } from "./cli";

await runCli(async () => {
  // Through DIRECT_DATABASE_URL when set: a transaction-mode pooler is no place for DDL.
  await withSchemaMigrationDatabase(async (direct) => {
    const before = await schemaMigrationStatus(direct.db);
    await runSchemaMigrations(direct);
    const after = await schemaMigrationStatus(direct.db);
    console.log(
      `Schema migrations on ${direct.driver} (${direct.location}): ${after.applied} applied` +
        ` (${after.applied - before.applied} new), ${after.pending} pending. Latest: ${after.latest}.`,
    );
  });
  const database = await getDatabase();
  const added = await topUpExerciseLibrary(database.db);
  if (added.length > 0) console.log(`Exercise library: ${added.length} new exercise(s) added.`);
  await closeDatabase();
});
