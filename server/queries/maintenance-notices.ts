import "server-only";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MaintenanceNotice, maintenanceNotices } from "@/db/schema";
import { type BannerNotice, COMPLETION_VISIBLE_MS, noticeVisible } from "@/lib/maintenance/phase";

export function bannerNotice(notice: MaintenanceNotice): BannerNotice {
  return {
    id: notice.id,
    message: notice.message,
    startsAt: notice.startsAt.toISOString(),
    endsAt: notice.endsAt.toISOString(),
    notifyFrom: notice.notifyFrom.toISOString(),
    endedAt: notice.endedAt?.toISOString() ?? null,
    completionMessage: notice.completionMessage,
  };
}

/**
 * The notices every signed-in user sees at `now`, soonest first. Read on every signed-in page, so it
 * asks the index for what has not ended (or ended within the completion message's hour) and leaves
 * the exact phase to the same rule the admin page uses.
 */
export async function visibleMaintenanceNotices(db: DbOrTx, now = new Date()): Promise<BannerNotice[]> {
  const rows = await db
    .select()
    .from(maintenanceNotices)
    .where(gt(maintenanceNotices.endsAt, sql`${new Date(now.getTime() - COMPLETION_VISIBLE_MS).toISOString()}::timestamptz`))
    .orderBy(asc(maintenanceNotices.startsAt), asc(maintenanceNotices.id))
    .limit(20);
  return rows.filter((notice) => noticeVisible(notice, now)).map(bannerNotice);
}

/** The admin page's list: what is still to come or in progress first, then the most recent past ones. */
export async function listMaintenanceNotices(db: DbOrTx, limit = 50): Promise<MaintenanceNotice[]> {
  return db
    .select()
    .from(maintenanceNotices)
    .orderBy(desc(maintenanceNotices.startsAt), desc(maintenanceNotices.id))
    .limit(limit);
}
