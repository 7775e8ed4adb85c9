import type { Database } from "@/db/client";
import { getDatabase } from "@/server/db";
import { appVersion } from "@/server/env";
import { currentUser } from "@/server/auth/session";
import { databaseHealth, healthDetails, publicHealth } from "@/server/queries/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for operators and load balancers: 200 when the database answers, 503 when not.
 * Anyone sees whether the app and the database are up and the schema is current; only a signed-in admin
 * also sees the process and the database behind it (driver, location, PID, migration names).
 */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  let database: Database;
  try {
    database = await getDatabase();
  } catch (error) {
    // The database could not even be opened. Why (which process holds it, say) goes to the log only:
    // without a database nobody can be recognised as an admin.
    console.error("Health check failed: the database could not be opened", error);
    return Response.json(
      { status: "unavailable", version: appVersion(), database: { ok: false }, schema: { current: false } },
      { status: 503, headers },
    );
  }
  const health = await databaseHealth(database);
  const body = publicHealth(health, appVersion());
  const admin = health.ok && (await currentUser().catch(() => null))?.role === "admin";
  return Response.json(admin ? { ...body, details: healthDetails(health) } : body, { status: health.ok ? 200 : 503, headers });
}
