import { getDatabase } from "@/server/db";
import { appVersion } from "@/server/env";
import { databaseHealth } from "@/server/queries/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness for operators and load balancers: 200 when the database answers, 503 when not. */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  let health;
  try {
    health = await databaseHealth(await getDatabase());
  } catch (error) {
    // The database could not even be opened (for example, another process holds the embedded one).
    console.error("Health check failed", error);
    const reason = error instanceof Error ? error.message : "The database did not answer.";
    return Response.json({ status: "unavailable", version: appVersion(), database: { ok: false, reason } }, { status: 503, headers });
  }
  if (!health.ok) {
    return Response.json(
      { status: "unavailable", version: appVersion(), database: { ok: false, reason: health.problem } },
      { status: 503, headers },
    );
  }
  return Response.json(
    {
      status: health.schemaMigrations?.pending === 0 ? "ok" : "degraded",
      version: appVersion(),
      database: { driver: health.driver, ok: true, latencyMs: health.latencyMs },
      schemaMigrations: health.schemaMigrations,
    },
    { headers },
  );
}
