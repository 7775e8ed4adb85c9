/**
 * Where a maintenance notice stands at an instant (announced, in progress, completed, over), for the
 * banner every signed-in page shows and for the server that picks the notice. Kept free of zod: the
 * banner runs these in the browser on every page.
 */

/** How long the completion message stays up after an admin ends a window early. */
export const COMPLETION_VISIBLE_MS = 60 * 60 * 1000;

/** What the banner needs of a notice, as plain JSON (it goes to the browser and back from the API). */
export interface BannerNotice {
  id: number;
  message: string;
  startsAt: string;
  endsAt: string;
  notifyFrom: string;
  endedAt: string | null;
  completionMessage: string | null;
}

/** A banner notice's times as dates, for the phase rules. */
export function bannerTimes(notice: BannerNotice): NoticeTimes {
  return {
    startsAt: new Date(notice.startsAt),
    endsAt: new Date(notice.endsAt),
    notifyFrom: new Date(notice.notifyFrom),
    endedAt: notice.endedAt ? new Date(notice.endedAt) : null,
  };
}

/** Where a notice stands at an instant, as users see it. */
export type NoticePhase = "scheduled" | "announced" | "in_progress" | "completed" | "cancelled" | "over";

export interface NoticeTimes {
  startsAt: Date;
  endsAt: Date;
  notifyFrom: Date;
  /** Set when an admin ended the window early (or cancelled it before it started). */
  endedAt: Date | null;
}

/**
 * scheduled: not shown yet; announced: banner before the window; in_progress: banner during it;
 * completed: ended early, the completion message shows; cancelled: ended before it began (it never
 * happened, so users are never told it is over); over: nothing shows any more.
 */
export function noticePhase(notice: NoticeTimes, now: Date): NoticePhase {
  const t = now.getTime();
  if (notice.endedAt) {
    if (notice.endedAt.getTime() < notice.startsAt.getTime()) return "cancelled";
    return t < notice.endedAt.getTime() + COMPLETION_VISIBLE_MS ? "completed" : "over";
  }
  if (t < notice.notifyFrom.getTime()) return "scheduled";
  if (t < notice.startsAt.getTime()) return "announced";
  if (t < notice.endsAt.getTime()) return "in_progress";
  return "over";
}

/** Whether users see a banner for this notice at `now`. */
export function noticeVisible(notice: NoticeTimes, now: Date): boolean {
  const phase = noticePhase(notice, now);
  if (phase === "cancelled") {
    // Users who were told it was coming see the cancellation for an hour; nobody else sees anything.
    const endedAt = notice.endedAt!.getTime();
    return endedAt >= notice.notifyFrom.getTime() && now.getTime() < endedAt + COMPLETION_VISIBLE_MS;
  }
  return phase === "announced" || phase === "in_progress" || phase === "completed";
}

/** The next instant the banner changes (appears, switches, clears), or null when it never will again. */
export function nextNoticeChange(notice: NoticeTimes, now: Date): Date | null {
  const t = now.getTime();
  const candidates = notice.endedAt
    ? [notice.endedAt.getTime() + COMPLETION_VISIBLE_MS]
    : [notice.notifyFrom.getTime(), notice.startsAt.getTime(), notice.endsAt.getTime()];
  const next = candidates.find((c) => c > t);
  return next === undefined ? null : new Date(next);
}
