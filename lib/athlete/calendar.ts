/**
 * The month calendar of the history page. Dates are calendar days ("YYYY-MM-DD") in the athlete's
 * time zone, so weeks start on Monday as in ISO 8601 and the grid never depends on the server's zone.
 */
export type CalendarDay = { date: string; day: number; inMonth: boolean };
export type YearMonth = { year: number; month: number };

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2025-03" → { year: 2025, month: 3 }; anything else → null. */
export function parseYearMonth(value: string | undefined | null): YearMonth | null {
  const match = value ? MONTH_RE.exec(value) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function addMonths({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole weeks (Monday first) covering the month, with the neighbouring months' days marked out. */
export function monthGrid({ year, month }: YearMonth): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leading = (first.getUTCDay() + 6) % 7;
  const cells = Math.ceil((leading + daysInMonth) / 7) * 7;
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < cells; i++) {
    const date = new Date(Date.UTC(year, month - 1, 1 - leading + i));
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1].push({ date: isoDay(date), day: date.getUTCDate(), inMonth: date.getUTCMonth() === month - 1 });
  }
  return weeks;
}

/** The calendar day of an instant in a time zone, "YYYY-MM-DD". */
export function calendarDayIn(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
