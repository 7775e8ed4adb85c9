/**
 * The days whose finished workouts download together as a zip of FIT files: two calendar days in the
 * athlete's time zone, both included, at most a year and a day apart, so one download stays a size a
 * phone can keep and the server's work stays bounded.
 */
import { z } from "@/lib/zod";

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export const RANGE_MESSAGES = {
  from: "Enter the first day, like 2026-01-31.",
  to: "Enter the last day, like 2026-03-31.",
  order: "The last day must be on or after the first.",
  length: `Choose at most ${MAX_RANGE_DAYS} days.`,
} as const;

/** Midnight UTC of a `YYYY-MM-DD` day, or NaN when there is no such day (2026-02-30). */
function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? NaN : ms;
}

const calendarDay = (message: string) =>
  z
    .string(message)
    .trim()
    .refine((day) => !Number.isNaN(dayNumber(day)), message);

export const fitRangeSchema = z
  .object({ from: calendarDay(RANGE_MESSAGES.from), to: calendarDay(RANGE_MESSAGES.to) })
  .superRefine(({ from, to }, ctx) => {
    const days = (dayNumber(to) - dayNumber(from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: RANGE_MESSAGES.order });
    else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: RANGE_MESSAGES.length });
  });

export type FitRange = z.output<typeof fitRangeSchema>;

/** The day after a `YYYY-MM-DD` day: the range's end is the start of the day after its last day. */
export function dayAfter(day: string): string {
  return new Date(dayNumber(day) + DAY_MS).toISOString().slice(0, 10);
}
