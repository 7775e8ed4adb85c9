import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { visibleMaintenanceNotices } from "@/server/queries/maintenance-notices";

/**
 * GET /api/maintenance-notices: the notices the banner shows now, for any signed-in user. The banner
 * asks again every minute, so a page left open (the logger mid-workout) hears of a window too.
 */
export const GET = defineRoute("athlete", async () => {
  const now = new Date();
  const notices = await visibleMaintenanceNotices(await getDb(), now);
  return Response.json({ now: now.toISOString(), notices }, { headers: { "cache-control": "no-store" } });
});
