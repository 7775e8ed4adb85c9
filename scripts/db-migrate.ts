/**
 * Apply pending schema migrations from drizzle/ to the configured database
 * (PGlite in .data/ when DATABASE_URL is unset, that Postgres otherwise), then add the library
 * exercises a database holding the library is missing (db/exercise-library.ts).
 */
import { runSchemaMigrations, schemaMigrationStatus } from "@/db/client";
import { topUpExerciseLibrary } from "@/db/exercise-library";
import { closeDatabase, getDatabase } from "@/server/db";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await getDatabase();
  const before = await schemaMigrationStatus(database.db);
  await runSchemaMigrations(database);
  const after = await schemaMigrationStatus(database.db);
  console.log(
    `Schema migrations on ${database.driver} (${database.location}): ${after.applied} applied` +
      ` (${after.applied - before.applied} new), ${after.pending} pending. Latest: ${after.latest}.`,
  );
  const added = await topUpExerciseLibrary(database.db);
  if (added.length > 0) console.log(`Exercise library: ${added.length} new exercise(s) added.`);
  await closeDatabase();
});
