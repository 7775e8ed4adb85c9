import { sql } from "drizzle-orm";
import { getDatabase, queryRows, schemaMigrationStatus } from "@/db/client";
import { APP_VERSION } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Liveness and readiness for operators and load balancers: 200 when the database answers, 503 when not. */
export async function GET(): Promise<Response> {
  const started = performance.now();
  try {
    const database = await getDatabase();
    await queryRows(database.db, sql`SELECT 1 AS ok`);
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const migrations = await schemaMigrationStatus(database.db);
    return Response.json(
      {
        status: migrations.pending === 0 ? "ok" : "degraded",
        version: APP_VERSION,
        database: { driver: database.driver, ok: true, latencyMs },
        schemaMigrations: migrations,
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    console.error("Health check failed", error);
    return Response.json(
      {
        status: "unavailable",
        version: APP_VERSION,
        database: { ok: false, reason: error instanceof Error ? error.message : "The database did not answer." },
      },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
