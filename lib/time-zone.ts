/**
 * Wall-clock times in a named time zone, both ways, with nothing but Intl (which can format an instant
 * in a zone but has no call for the reverse or for the zone's offset). The one home for it: history
 * import and export, and the maintenance notice's `datetime-local` fields, all read and write here;
 * so is the one check of a zone's name.
 */

/** Names Intl has accepted: a 60,000-row import names the same zone on every row. */
const knownZones = new Set<string>();

/** An IANA time zone name this runtime knows ("Europe/Paris"). */
export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

/** A zone name from outside (a cookie the browser sets, a form field) if it is one, else UTC. */
export function safeTimeZone(value: string | undefined | null): string {
  return value && isTimeZone(value) ? value : "UTC";
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
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

/** What a clock in `timeZone` showed at an instant. */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

const asUtc = (t: WallClock) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The zone's offset from UTC at an instant, in minutes (positive east of Greenwich). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc(wallClockAt(wholeSecond, timeZone)) - wholeSecond) / 60_000);
}

/**
 * The instant a wall-clock time names in `timeZone`. In the hour a clock skips (spring forward) the
 * time is read with the offset before the change; in the hour it repeats, the first of the two.
 */
export function wallClockToInstant(t: WallClock, timeZone: string): Date {
  const naive = asUtc(t);
  // The offsets in force half a day either side cover any clock change near the time.
  const offsets = [...new Set([-12, 0, 12].map((hours) => zoneOffsetMinutes(naive + hours * 3_600_000, timeZone)))];
  const candidates = offsets.map((offset) => naive - offset * 60_000);
  const readsBack = candidates
    .filter((instant) => naive - zoneOffsetMinutes(instant, timeZone) * 60_000 === instant)
    .sort((a, b) => a - b);
  // None reads back only inside the skipped hour: use the offset before the change.
  return new Date(readsBack[0] ?? Math.max(...candidates));
}

/** The wall clock a year, month, day... names, or null when there is no such time (30 February, 25:00). */
export function validWallClock(t: WallClock): WallClock | null {
  const probe = new Date(asUtc(t));
  const same =
    probe.getUTCFullYear() === t.year &&
    probe.getUTCMonth() === t.month - 1 &&
    probe.getUTCDate() === t.day &&
    probe.getUTCHours() === t.hour &&
    probe.getUTCMinutes() === t.minute;
  return same ? t : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `2024-03-05 18:02:11`, or with `T` between date and time (a `datetime-local` value without seconds). */
export function formatWallClock(
  t: WallClock,
  { separator = " ", seconds = true }: { separator?: " " | "T"; seconds?: boolean } = {},
): string {
  const time = `${pad(t.hour)}:${pad(t.minute)}${seconds ? `:${pad(t.second)}` : ""}`;
  return `${t.year}-${pad(t.month)}-${pad(t.day)}${separator}${time}`;
}

/**
 * An instant as admins read it, in UTC whatever their own zone ("2026-12-06 17:43", with seconds on
 * request), so two admins quote the same time to each other.
 */
export function utcStamp(instant: Date, withSeconds = false): string {
  const iso = instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}
