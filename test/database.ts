/**
 * Fresh databases for tests: in-memory PGlite by default, or a brand-new database on the Postgres
 * server named by DATABASE_URL (dropped again by `drop`).
 *
 * With DATABASE_POOLER=transaction the app side goes through the transaction-mode pooler at
 * TEST_PGBOUNCER_URL, as a deployment behind PgBouncer does: the database is created and its schema
 * migrated on the server directly (what DIRECT_DATABASE_URL is for), and the test's database, and any
 * other instance's (`openAnother`), are opened through the pooler.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, type DatabaseConfig, openDatabase, runSchemaMigrations } from "@/db/client";

export interface TestDatabase extends Database {
  /** postgres:// URL of the fresh database (Postgres only; the pooler's when going through one). */
  url?: string;
  /** Another pool on the same database, as a second app instance opens it (Postgres only). */
  openAnother(options?: { maxConnections?: number }): Promise<Database>;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** The transaction-mode pooler the tests go through, when DATABASE_POOLER=transaction asks for one. */
export function testPoolerUrl(): string | undefined {
  if (process.env.DATABASE_POOLER !== "transaction") return undefined;
  const url = process.env.TEST_PGBOUNCER_URL;
  if (!url) throw new Error("DATABASE_POOLER=transaction needs TEST_PGBOUNCER_URL (a PgBouncer in transaction mode).");
  return url;
}

function onDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with the app's schema. */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  return createBareDatabase({ ...options, migrated: true });
}

/**
 * A fresh database no schema migration has run on: in-memory PGlite, or a new database on the
 * Postgres server named by DATABASE_URL (dropped by `drop`).
 */
export async function createBareDatabase(options: { maxConnections?: number; migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory" });
    if (options.migrated) await runSchemaMigrations(database);
    return {
      ...database,
      openAnother: () => Promise.reject(new Error("PGlite is one process: there is no other instance.")),
      drop: () => database.close(),
    };
  }
  const name = `ironlog_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const poolerUrl = testPoolerUrl();
  const directUrl = onDatabase(serverUrl, name);
  if (poolerUrl && options.migrated) {
    const direct = await openDatabase({ url: directUrl, maxConnections: 1 });
    await runSchemaMigrations(direct);
    await direct.close();
  }
  const config = (maxConnections = options.maxConnections): DatabaseConfig =>
    poolerUrl ? { url: onDatabase(poolerUrl, name), pooler: "transaction", maxConnections } : { url: directUrl, maxConnections };
  const database = await openDatabase(config());
  if (!poolerUrl && options.migrated) await runSchemaMigrations(database);
  return {
    ...database,
    url: config().url,
    openAnother: (other = {}) => openDatabase(config(other.maxConnections)),
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
