import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MaintenanceNotice, maintenanceNotices } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { type EndNoticeInput, type ScheduleNoticeInput, scheduleWindow } from "@/lib/maintenance/notice";
import { noticePhase } from "@/lib/maintenance/phase";
import { safeTimeZone } from "@/lib/time-zone";

interface Actor {
  id: number;
  email: string;
}

/** Schedule a maintenance window. The times are read in the admin's time zone (the form sends it). */
export async function scheduleMaintenanceNotice(
  db: DbOrTx,
  actor: Actor,
  input: ScheduleNoticeInput,
  now = new Date(),
): Promise<MaintenanceNotice> {
  const window = scheduleWindow(input, safeTimeZone(input.timeZone), now);
  if (!window.ok) throw new UserFacingError(window.message, { field: window.field });
  // Two windows at once would put two banners with different times in front of every user.
  const [overlapping] = await db
    .select({ id: maintenanceNotices.id, startsAt: maintenanceNotices.startsAt, endsAt: maintenanceNotices.endsAt })
    .from(maintenanceNotices)
    .where(
      and(
        isNull(maintenanceNotices.endedAt),
        lt(maintenanceNotices.startsAt, window.endsAt),
        gt(maintenanceNotices.endsAt, window.startsAt),
      ),
    )
    .limit(1);
  if (overlapping) {
    throw new UserFacingError(
      `This window overlaps maintenance #${overlapping.id} (${overlapping.startsAt.toISOString().slice(0, 16).replace("T", " ")} to ${overlapping.endsAt.toISOString().slice(0, 16).replace("T", " ")} UTC). Choose other times, or cancel that one first.`,
      { field: "startsAt" },
    );
  }
  const [notice] = await db
    .insert(maintenanceNotices)
    .values({
      message: input.message,
      startsAt: window.startsAt,
      endsAt: window.endsAt,
      leadMinutes: input.leadMinutes,
      notifyFrom: window.notifyFrom,
      createdByUserId: actor.id,
      createdBy: actor.email,
    })
    .returning();
  return notice;
}

/**
 * End a window early, or cancel one that has not started, with the message users see next. Only a
 * notice that is not over yet can be ended; the update's own condition makes two admins ending the
 * same notice at once end it once.
 */
export async function endMaintenanceNotice(
  db: DbOrTx,
  actor: Actor,
  input: EndNoticeInput,
  now = new Date(),
): Promise<MaintenanceNotice> {
  const [current] = await db.select().from(maintenanceNotices).where(eq(maintenanceNotices.id, input.noticeId));
  if (!current) throw new NotFoundError("That maintenance notice");
  const phase = noticePhase(current, now);
  if (phase === "over" || phase === "completed" || phase === "cancelled") {
    throw new UserFacingError("This maintenance window is already over.", { status: 409, code: "notice_over" });
  }
  const [ended] = await db
    .update(maintenanceNotices)
    .set({ endedAt: now, completionMessage: input.completionMessage, endedBy: actor.email })
    .where(and(eq(maintenanceNotices.id, input.noticeId), isNull(maintenanceNotices.endedAt)))
    .returning();
  if (!ended) throw new UserFacingError("This maintenance window is already over.", { status: 409, code: "notice_over" });
  return ended;
}
