/**
 * Fresh databases for tests: in-memory PGlite by default, or a brand-new database on the Postgres
 * server named by DATABASE_URL (dropped again by `drop`).
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase, runSchemaMigrations } from "@/db/client";

export interface TestDatabase extends Database {
  /** postgres:// URL of the fresh database (Postgres only), for tests that need a second client. */
  url?: string;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** A fresh database with the app's schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createBareDatabase();
  await runSchemaMigrations(database);
  return database;
}

/**
 * A fresh database no schema migration has run on: in-memory PGlite, or a new database on the
 * Postgres server named by DATABASE_URL (dropped by `drop`).
 */
export async function createBareDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory" });
    return { ...database, drop: () => database.close() };
  }
  const name = `ironlog_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
