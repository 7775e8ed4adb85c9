/**
 * Wall-clock times as other apps export them (no time zone), read in the athlete's own time zone.
 * Strong writes `2024-03-05 18:02:11`; Hevy writes `5 Mar 2024, 18:02`.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function valid(t: WallClock): WallClock | null {
  const probe = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  const same =
    probe.getUTCFullYear() === t.year &&
    probe.getUTCMonth() === t.month - 1 &&
    probe.getUTCDate() === t.day &&
    probe.getUTCHours() === t.hour &&
    probe.getUTCMinutes() === t.minute;
  return same && t.year >= 1970 && t.year <= 2100 ? t : null;
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

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (60,000 rows). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in minutes (positive east of Greenwich). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant) / 60_000);
}

/**
 * The instant a wall-clock time names in `timeZone`. In the hour a clock skips (spring forward) the
 * time is read with the offset before the change; in the hour it repeats, the first of the two.
 */
export function wallClockToInstant(t: WallClock, timeZone: string): Date {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // The offsets in force half a day either side cover any clock change near the time.
  const offsets = [...new Set([-12, 0, 12].map((hours) => offsetMinutes(naive + hours * 3_600_000, timeZone)))];
  const candidates = offsets.map((offset) => naive - offset * 60_000);
  const readsBack = candidates.filter((instant) => naive - offsetMinutes(instant, timeZone) * 60_000 === instant).sort((a, b) => a - b);
  // None reads back only inside the skipped hour: use the offset before the change.
  return new Date(readsBack[0] ?? Math.max(...candidates));
}

/** `1h 5m`, `45m`, `1h`, `30s`, `1h 2m 3s` (Strong's Duration column) in seconds, or null. */
export function parseDurationText(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i.exec(trimmed);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
