/**
 * The preview's question when a file's dates read two ways: every month name it holds is a month in
 * two languages that disagree (Polish "lis" is November, Croatian "lis" October). The file is read
 * in the first; the preview shows a date it holds as each reads it, and the athlete's answer moves
 * the preview's workouts to the months of the other, which the import then uses.
 */
import { validWallClock, wallClockAt, wallClockToInstant } from "@/lib/time-zone";
import type { DateReading, MonthReader } from "./local-time";

export interface DateQuestion {
  /** A date in the file the readings disagree on, as written, and its line. */
  example: { line: number; text: string };
  options: { locale: string; language: string; reads: string; months: Record<string, number> }[];
  /** The reading the preview's dates are in now. */
  chosen: string;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
const monthNames = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" });
const monthName = (month: number) => monthNames.format(Date.UTC(2024, month - 1, 15));

/** The question to ask, or null when the file's dates read one way only. */
export function dateQuestionOf(readings: readonly DateReading[], reader: Pick<MonthReader, "seen">): DateQuestion | null {
  if (readings.length < 2) return null;
  const differing = [...reader.seen].find(([key]) => readings.some((r) => r.months[key] !== readings[0].months[key]));
  if (!differing) return null;
  const [key, example] = differing;
  const [, day, year] = /^(\d{1,2})\D.*?(\d{4})/.exec(example.text) ?? [];
  return {
    example,
    options: readings.map((reading) => ({
      locale: reading.locale,
      language: languageNames.of(reading.locale) ?? reading.locale,
      reads: `${day ? `${Number(day)} ` : ""}${monthName(reading.months[key])}${year ? ` ${year}` : ""}`,
      months: reading.months,
    })),
    chosen: readings[0].locale,
  };
}

/**
 * A start time read in the chosen language, moved to the month the other reads it in (same day and
 * clock time in the same zone), or null when that day does not exist there (31 in a 30-day month).
 */
export function rereadStart(
  startedAt: string,
  timeZone: string,
  question: DateQuestion,
  locale: string,
): { startedAt: string } | null {
  const from = question.options.find((o) => o.locale === question.chosen)!;
  const to = question.options.find((o) => o.locale === locale)!;
  const clock = wallClockAt(new Date(startedAt), timeZone);
  // The chosen reading gives each month name one month: the name, then the other's month for it.
  const key = Object.keys(from.months).find((k) => from.months[k] === clock.month);
  const moved = validWallClock({ ...clock, month: key === undefined ? clock.month : to.months[key] });
  return moved ? { startedAt: wallClockToInstant(moved, timeZone).toISOString() } : null;
}
