/**
 * Wall-clock times as other apps export them (no time zone), read in the athlete's own time zone.
 * Strong writes `2024-03-05 18:02:11`; Hevy writes `5 Mar 2024, 18:02`. The zone arithmetic is
 * lib/time-zone.ts's.
 */
import { type WallClock, validWallClock } from "@/lib/time-zone";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A real time between 1970 and 2100 (an export's dates are never outside it). */
function valid(t: WallClock): WallClock | null {
  return t.year >= 1970 && t.year <= 2100 ? validWallClock(t) : null;
}

/** `2024-03-05 18:02:11` or `2024-03-05T18:02` (seconds optional). */
export function parseIsoWallClock(text: string): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  return valid({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) });
}

/** `5 Mar 2024, 18:02` (Hevy), with or without the comma and seconds. */
export function parseDayMonthWallClock(text: string): WallClock | null {
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (month === 0) return null;
  return valid({ year: +m[3], month, day: +m[1], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) });
}

/** `1h 5m`, `45m`, `1h`, `30s`, `1h 2m 3s` (Strong's Duration column) in seconds, or null. */
export function parseDurationText(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i.exec(trimmed);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
