import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MaintenanceNotice, maintenanceNotices } from "@/db/schema";
import { NotFoundError, UserFacingError, driverError } from "@/lib/errors";
import { type EndNoticeInput, type ScheduleNoticeInput, scheduleWindow } from "@/lib/maintenance/notice";
import { noticePhase } from "@/lib/maintenance/phase";
import { safeTimeZone, utcStamp } from "@/lib/time-zone";

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
  // Two windows at once would put two banners with different times in front of every user. Checked
  // here to name the window in the way; the database's exclusion constraint refuses the second of two
  // admins who pass this check at the same moment, and gets the same answer.
  const overlapping = await overlappingWindow(db, window);
  if (overlapping) throw overlapError(overlapping);
  const insert = (tx: DbOrTx) =>
    tx
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
  try {
    // In a transaction of its own (a savepoint inside the caller's), so that after a refusal the
    // caller's transaction can still read which window is in the way.
    const [notice] = await db.transaction(insert);
    return notice;
  } catch (error) {
    if (!isOverlapViolation(error)) throw error;
    throw overlapError(await overlappingWindow(db, window));
  }
}

/** The constraint in drizzle/ that keeps windows not ended from overlapping (drizzle's schema cannot state it). */
const NO_OVERLAP_CONSTRAINT = "maintenance_notices_no_overlap";

function isOverlapViolation(error: unknown): boolean {
  const cause = driverError(error) as { code?: unknown; constraint?: unknown; constraint_name?: unknown } | null;
  // PGlite names the constraint `constraint`, the postgres driver `constraint_name`.
  return cause?.code === "23P01" && (cause.constraint ?? cause.constraint_name) === NO_OVERLAP_CONSTRAINT;
}

interface WindowTimes {
  startsAt: Date;
  endsAt: Date;
}

/** A window not ended that shares time with `window` (back to back is not sharing). */
async function overlappingWindow(db: DbOrTx, window: WindowTimes): Promise<({ id: number } & WindowTimes) | undefined> {
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
    .orderBy(maintenanceNotices.startsAt)
    .limit(1);
  return overlapping;
}

/** The start field's error for a window in another's time (`overlapping` is gone when it was just ended). */
function overlapError(overlapping: ({ id: number } & WindowTimes) | undefined): UserFacingError {
  const which = overlapping
    ? `maintenance #${overlapping.id} (${utcStamp(overlapping.startsAt)} to ${utcStamp(overlapping.endsAt)} UTC)`
    : "another maintenance window";
  return new UserFacingError(`This window overlaps ${which}. Choose other times, or cancel that one first.`, {
    field: "startsAt",
  });
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
