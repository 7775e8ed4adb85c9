/**
 * The app's one shared database, opened from the validated environment: PostgreSQL when DATABASE_URL
 * is set, the embedded PGlite in IRONLOG_DATA_DIR otherwise. Route handlers, actions and command lines
 * all go through here; tests open their own (test/database.ts).
 */
import "server-only";
import path from "node:path";
import { type Database, type DatabaseConfig, type Db, openDatabase, runSchemaMigrations } from "@/db/client";
import { embeddedDataDir, env, isBuildPhase } from "./env";

/** Where the environment says the database is. */
export function configuredDatabase(): DatabaseConfig {
  const { DATABASE_URL, DATABASE_POOLER, DATABASE_POOL_MAX } = env();
  return DATABASE_URL
    ? { url: DATABASE_URL, pooler: DATABASE_POOLER, maxConnections: DATABASE_POOL_MAX }
    : { dataDir: path.join(embeddedDataDir(), "pglite") };
}

/**
 * Run `work` on the database for schema migrations (db:migrate, db:seed): DIRECT_DATABASE_URL when set,
 * which skips a transaction-mode pooler (DDL holds its locks for a whole migration, and a hosted pooler
 * may cut a long one off), else the app's own.
 */
export async function withSchemaMigrationDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const direct = env().DIRECT_DATABASE_URL;
  if (!direct) return work(await getDatabase());
  // One statement at a time: one connection is all a migration uses.
  const database = await openDatabase({ url: direct, maxConnections: 1 });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const globalForDb = globalThis as typeof globalThis & { __ironlogDatabase?: Promise<Database> };

/**
 * The process-wide database, opened on first use. On the embedded database, pending schema migrations
 * are applied on open so `next dev` works on a fresh clone; on Postgres, operators run db:migrate.
 * A failed open is not cached, so one failed start does not poison every later request.
 */
export function getDatabase(): Promise<Database> {
  // The build renders no page with data (the root layout waits for a request), so a caller here is a
  // bug; on the embedded database it would also take the data folder's lock under a build worker's PID.
  if (isBuildPhase()) return Promise.reject(new Error("The database is not opened during `next build`."));
  if (!globalForDb.__ironlogDatabase) {
    const opening = (async () => {
      const database = await openDatabase(configuredDatabase());
      if (database.driver === "pglite") await runSchemaMigrations(database);
      return database;
    })();
    globalForDb.__ironlogDatabase = opening;
    opening.catch(() => {
      if (globalForDb.__ironlogDatabase === opening) globalForDb.__ironlogDatabase = undefined;
    });
  }
  return globalForDb.__ironlogDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Close the process-wide database (command-line tools call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.__ironlogDatabase;
  globalForDb.__ironlogDatabase = undefined;
  if (opening) await (await opening).close();
}
