import "server-only";
import { sql } from "drizzle-orm";
import { type Database, queryRows, schemaMigrationStatus } from "@/db/client";

export interface DatabaseHealth {
  driver: Database["driver"];
  location: string;
  ok: boolean;
  latencyMs: number | null;
  /** Why the database did not answer, when it did not. */
  problem: string | null;
  schemaMigrations: { applied: number; pending: number; latest: string | null } | null;
}

/** Does the database answer, how fast, and is its schema current: for /api/health and the admin overview. */
export async function databaseHealth(database: Database, now: () => number = () => performance.now()): Promise<DatabaseHealth> {
  const started = now();
  try {
    await queryRows(database.db, sql`SELECT 1 AS ok`);
    const latencyMs = Math.round((now() - started) * 100) / 100;
    const schemaMigrations = await schemaMigrationStatus(database.db);
    return { driver: database.driver, location: database.location, ok: true, latencyMs, problem: null, schemaMigrations };
  } catch (error) {
    console.error("Health check failed", error);
    return {
      driver: database.driver,
      location: database.location,
      ok: false,
      latencyMs: null,
      problem: error instanceof Error ? error.message : "The database did not answer.",
      schemaMigrations: null,
    };
  }
}

/** What /api/health tells anyone: up or not, and whether the schema is current. No process details. */
export function publicHealth(health: DatabaseHealth, version: string) {
  const current = health.schemaMigrations?.pending === 0;
  return {
    status: !health.ok ? "unavailable" : current ? "ok" : "degraded",
    version,
    database: { ok: health.ok },
    schema: { current },
  } as const;
}

/** What /api/health adds for a signed-in admin: the database, its migrations and the serving process. */
export function healthDetails(health: DatabaseHealth) {
  return {
    database: { driver: health.driver, location: health.location, latencyMs: health.latencyMs, problem: health.problem },
    schemaMigrations: health.schemaMigrations,
    process: {
      pid: process.pid,
      command: process.argv.slice(1).join(" ").slice(0, 200),
      uptimeSeconds: Math.round(process.uptime()),
    },
  };
}
