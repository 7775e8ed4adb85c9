/**
 * Planned downtime notices: an admin announces a maintenance window (start, end, message) and every
 * signed-in user sees a banner from a chosen lead time before it starts until it ends. Ending it early
 * (or cancelling it before it starts) replaces the banner with the admin's completion message for a
 * while, so users who saw the warning also learn that it is over. The phase rules the banner runs in
 * the browser are in phase.ts, apart from these schemas, so that zod is not in every page's scripts.
 */
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/ids";
import { formatWallClock, validWallClock, wallClockAt, wallClockToInstant } from "@/lib/time-zone";

/** How long before the window the banner appears, in minutes, as the admin picks it. */
export const LEAD_TIMES = [
  [15, "15 minutes before"],
  [60, "1 hour before"],
  [240, "4 hours before"],
  [1440, "1 day before"],
  [4320, "3 days before"],
  [10080, "1 week before"],
] as const;
export type LeadMinutes = (typeof LEAD_TIMES)[number][0];
export const DEFAULT_LEAD_MINUTES: LeadMinutes = 1440;

export const NOTICE_MESSAGE_MAX = 500;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time as a `datetime-local` input sends it ("2026-12-01T22:30"), read in the admin's
 * time zone, as an instant; null when the text is not such a time.
 */
export function localDateTimeToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0));
  const wallClock = validWallClock({ year, month, day, hour, minute, second });
  return wallClock && wallClockToInstant(wallClock, timeZone);
}

/** An instant as the value of a `datetime-local` input in a time zone ("2026-12-01T22:30"). */
export function instantToLocalDateTime(instant: Date, timeZone: string): string {
  return formatWallClock(wallClockAt(instant, timeZone), { separator: "T", seconds: false });
}

const localTime = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Choose when the maintenance ${label}.`)
    .regex(LOCAL_DATE_TIME, `Enter the date and time the maintenance ${label}.`);

/** The schedule form, as the browser sends it (FormData: all text). Shared by the form and the action. */
export const scheduleNoticeSchema = z
  .object({
    message: z
      .string()
      .trim()
      .min(1, "Tell users what is going to happen, e.g. “Ironlog is unavailable while we upgrade the database.”")
      .max(NOTICE_MESSAGE_MAX, `Keep the message under ${NOTICE_MESSAGE_MAX} characters.`),
    startsAt: localTime("starts"),
    endsAt: localTime("ends"),
    leadMinutes: z.coerce
      .number("Choose when users are told.")
      .refine((v): v is LeadMinutes => LEAD_TIMES.some(([m]) => m === v), "Choose when users are told."),
    // The admin's browser fills this in; a missing or unknown zone reads the times as UTC.
    timeZone: z.string().max(64).optional(),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "The maintenance must end after it starts." });
export type ScheduleNoticeInput = z.output<typeof scheduleNoticeSchema>;

export const endNoticeSchema = z.object({
  noticeId: idSchema,
  completionMessage: z
    .string()
    .trim()
    .min(1, "Tell users how it went, e.g. “Maintenance is over: everything is back.”")
    .max(NOTICE_MESSAGE_MAX, `Keep the message under ${NOTICE_MESSAGE_MAX} characters.`),
});
export type EndNoticeInput = z.output<typeof endNoticeSchema>;

/** The window as instants, or the field that is wrong and why (checked on the server, at `now`). */
export function scheduleWindow(
  input: ScheduleNoticeInput,
  timeZone: string,
  now: Date,
): { ok: true; startsAt: Date; endsAt: Date; notifyFrom: Date } | { ok: false; field: "startsAt" | "endsAt"; message: string } {
  const startsAt = localDateTimeToInstant(input.startsAt, timeZone);
  if (!startsAt) return { ok: false, field: "startsAt", message: "Enter a real date and time." };
  const endsAt = localDateTimeToInstant(input.endsAt, timeZone);
  if (!endsAt) return { ok: false, field: "endsAt", message: "Enter a real date and time." };
  // A minute of grace: "now" typed into the form is already a few seconds old when it arrives.
  if (startsAt.getTime() < now.getTime() - 60_000) {
    return { ok: false, field: "startsAt", message: "The start is in the past. Choose a time from now on." };
  }
  if (endsAt.getTime() <= startsAt.getTime())
    return { ok: false, field: "endsAt", message: "The maintenance must end after it starts." };
  return { ok: true, startsAt, endsAt, notifyFrom: new Date(startsAt.getTime() - input.leadMinutes * 60_000) };
}
