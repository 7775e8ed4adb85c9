/**
 * Wall-clock times as other apps export them (no time zone), read in the athlete's own time zone.
 * Strong writes `2024-03-05 18:02:11`; Hevy writes `5 Mar 2024, 18:02`. The zone arithmetic is
 * lib/time-zone.ts's.
 */
import { type WallClock, validWallClock } from "@/lib/time-zone";

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

/**
 * Month names in the languages an app may write its dates in. Hevy writes `11 Nis 2026` in Turkish and
 * `5 Mai 2026` in Portuguese, its month names being the phone's own short ones, so they are taken
 * from Intl (short and long forms, standalone and as written beside a day, any case, trailing full
 * stops ignored).
 */
const MONTH_LOCALES = [
  "en",
  "tr",
  "pt",
  "es",
  "de",
  "fr",
  "it",
  "nl",
  "pl",
  "sv",
  "da",
  "nb",
  "fi",
  "cs",
  "sk",
  "sl",
  "hr",
  "ro",
  "hu",
  "id",
  "ru",
  "uk",
];

const monthKey = (name: string) => name.toLocaleLowerCase("en").replace(/\.+$/, "");

function monthNamesOf(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const month of ["short", "long"] as const) {
    const standalone = new Intl.DateTimeFormat(locale, { month, timeZone: "UTC" });
    const besideDay = new Intl.DateTimeFormat(locale, { month, day: "numeric", timeZone: "UTC" });
    for (let i = 0; i < 12; i++) {
      const date = Date.UTC(2024, i, 15);
      names.set(monthKey(standalone.format(date)), i + 1);
      const part = besideDay.formatToParts(date).find((p) => p.type === "month");
      if (part && !names.has(monthKey(part.value))) names.set(monthKey(part.value), i + 1);
    }
  }
  return names;
}

let allMonthNames: { locale: string; names: Map<string, number> }[] | null = null;

/**
 * The month of a name, for one file: it keeps the languages whose month names explain every date read
 * so far, so a file is read in one language (the first, English, where several agree).
 */
export interface MonthReader {
  month(name: string, text?: string): number | null;
  /** The languages still possible, in order of preference. */
  readonly locales: readonly string[];
  /** Each month name read so far (its key) with the first date that held it, as written, and its line. */
  readonly seen: ReadonlyMap<string, { text: string; line: number }>;
  /** The line being read, which `seen` names (set by the file's reader before each row). */
  line: number;
}

export function monthReader(): MonthReader {
  allMonthNames ??= MONTH_LOCALES.map((locale) => ({ locale, names: monthNamesOf(locale) }));
  let candidates = allMonthNames;
  const seen = new Map<string, { text: string; line: number }>();
  return {
    line: 0,
    month(name, text = name) {
      const key = monthKey(name);
      const explaining = candidates.filter((c) => c.names.has(key));
      if (explaining.length === 0) return null;
      candidates = explaining;
      if (!seen.has(key)) seen.set(key, { text, line: this.line });
      return explaining[0].names.get(key)!;
    },
    get locales() {
      return candidates.map((c) => c.locale);
    },
    seen,
  };
}

/** One way to read a file's month names: a language and the month each name is in it. */
export interface DateReading {
  locale: string;
  /** The month (1-12) of each month name the file holds, by its key. */
  months: Record<string, number>;
}

/**
 * The different ways the languages that explain every month name of a file read it, the preferred
 * first; one reading when they all agree (most files: a few months' names already tell Polish from
 * Croatian, whose "listopad" is November in one and October in the other).
 */
export function dateReadings(reader: MonthReader): DateReading[] {
  allMonthNames ??= MONTH_LOCALES.map((locale) => ({ locale, names: monthNamesOf(locale) }));
  const keys = [...reader.seen.keys()].sort();
  const readings = new Map<string, DateReading>();
  for (const locale of reader.locales) {
    const names = allMonthNames.find((m) => m.locale === locale)!.names;
    const months = Object.fromEntries(keys.map((key) => [key, names.get(key)!]));
    const signature = keys.map((key) => months[key]).join(",");
    if (!readings.has(signature)) readings.set(signature, { locale, months });
  }
  return [...readings.values()];
}

/** `5 Mar 2024, 18:02` (Hevy), with or without the comma and seconds, its month in any language `months` knows. */
export function parseDayMonthWallClock(text: string, months: MonthReader = monthReader()): WallClock | null {
  const m = /^(\d{1,2})\.? (\p{L}+\.?) (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/u.exec(text.trim());
  if (!m) return null;
  const month = months.month(m[2], text.trim());
  if (month === null) return null;
  return valid({ year: +m[3], month, day: +m[1], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) });
}

/** `1h 5m`, `45m`, `1h`, `30s`, `1h 2m 3s` (Strong's Duration column) in seconds, or null. */
export function parseDurationText(text: string): number | null {
  // Strong writes its duration in the phone's language: 1小时13分钟 in Chinese.
  const trimmed = text.replace(/小时/g, "h ").replace(/分钟/g, "m ").replace(/秒/g, "s").trim();
  if (!trimmed) return null;
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i.exec(trimmed);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
