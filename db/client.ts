/**
 * The one database client factory. PGlite (embedded Postgres in WASM, persisted in a local folder) for
 * a data folder; the `postgres` driver for a postgres:// URL. Both use the same Drizzle schema and the
 * same generated migrations in drizzle/. Nothing else in the codebase opens connections; which database
 * the app uses is decided from the environment in server/db.ts, never here.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pLimit from "p-limit";
import postgres from "postgres";
import * as schema from "./schema";
import { acquireDataDirLock, releaseDataDirLock } from "./data-dir-lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type DbOrTx = Db | Tx;
export type Driver = "pglite" | "postgres";

export interface Database {
  db: Db;
  driver: Driver;
  /** Where the data lives, without credentials: a folder, `memory`, or host/database. */
  location: string;
  /**
   * Run work that holds a transaction open while it waits on other connections of the pool (a
   * migration run: its run row, item writers and progress writer go through the pool beside its
   * transaction). At most one fewer of these run at once than the pool has connections, so what they
   * wait on always finds one: a pool too small for the work makes the next one wait its turn instead
   * of every one of them waiting on the others. PGlite is one session: nothing to share out.
   */
  holdingConnection<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const runNow = <T>(work: () => Promise<T>): Promise<T> => work();

/** Extensions the schema migrations use (PostgreSQL has them in contrib). */
const PGLITE_EXTENSIONS = { pg_trgm };

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

/**
 * Where a database lives: a postgres:// URL, or an embedded PGlite folder (`memory` for an in-memory
 * one, in tests). The caller decides (server/db.ts from the validated environment); nothing here reads it.
 */
export type DatabaseConfig =
  | {
      url: string;
      /** Connection pool size. */
      maxConnections?: number;
      /** `transaction`: the URL is a transaction-mode pooler (PgBouncer, a hosted database's pooled URL). */
      pooler?: "transaction";
      dataDir?: never;
    }
  | { dataDir: string; url?: never };

/** Open a database. Callers own the result and must close it; the app shares one (server/db.ts). */
export async function openDatabase(options: DatabaseConfig): Promise<Database> {
  if (options.url) {
    const maxConnections = options.maxConnections ?? 10;
    const holders = pLimit(Math.max(maxConnections - 1, 1));
    const client = postgres(options.url, {
      max: maxConnections,
      // A transaction-mode pooler gives each transaction (each statement, outside one) whichever server
      // connection is free, so a statement prepared on one is unknown on the next: PgBouncer before 1.21
      // then loses the replies and the query hangs. Drizzle prepares only what is given a name
      // (`.prepare(name)`), the driver's own templates always; off here, every statement is unnamed.
      prepare: options.pooler !== "transaction",
      onnotice: () => {},
      // jsonb stays as parsed JSON values; numeric columns are mapped by Drizzle.
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    const u = new URL(options.url);
    return {
      db,
      driver: "postgres",
      location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
      holdingConnection: (work) => holders(work),
      close: () => client.end({ timeout: 5 }),
    };
  }

  if (options.dataDir === "memory") {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      driver: "pglite",
      location: "memory",
      holdingConnection: runNow,
      close: () => client.close(),
    };
  }

  const dir = path.resolve(/*turbopackIgnore: true*/ options.dataDir!);
  // PGlite does not create missing parent folders.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // PGlite is one session in one process: a second process on the same folder would silently diverge.
  const lockFile = path.join(path.dirname(dir), "pglite.lock");
  acquireDataDirLock(lockFile);
  try {
    const client = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      driver: "pglite",
      location: dir,
      holdingConnection: runNow,
      close: async () => {
        await client.close();
        releaseDataDirLock(lockFile);
      },
    };
  } catch (error) {
    releaseDataDirLock(lockFile);
    throw error;
  }
}

/** Apply pending schema migrations from drizzle/. Safe to call repeatedly. */
export async function runSchemaMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.driver === "pglite") {
    await migratePglite(database.db as never, config);
  } else {
    await migratePostgres(database.db as never, config);
  }
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The schema migrations this build ships (drizzle-kit's journal), oldest first. */
export function shippedSchemaMigrations(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** Schema migrations shipped in drizzle/ versus those recorded as applied in the database. */
export async function schemaMigrationStatus(db: DbOrTx): Promise<{ applied: number; pending: number; latest: string | null }> {
  const journal = { entries: shippedSchemaMigrations() };
  const exists = await queryRows<{ exists: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS "exists"`,
  );
  let applied = 0;
  if (exists[0]?.exists) {
    const rows = await queryRows<{ created_at: string | number }>(db, sql`SELECT created_at FROM drizzle.__drizzle_migrations`);
    const appliedWhen = new Set(rows.map((r) => Number(r.created_at)));
    applied = journal.entries.filter((e) => appliedWhen.has(e.when)).length;
  }
  return {
    applied,
    pending: journal.entries.length - applied,
    latest: journal.entries.at(-1)?.tag ?? null,
  };
}

/** Run raw SQL and return its rows, whichever driver is underneath (their result shapes differ). */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
