/** Dates and durations as athletes read them, in their time zone. Shared by server and client components. */
import type { OneRepMaxChartPoint } from "@/components/athlete/charts/one-rep-max-chart";
import type { OneRepMaxPoint } from "@/lib/athlete/record-events";
import { formatWeight, fromStoredKg, type WeightUnit } from "@/lib/training/units";

export function formatDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(date);
}

export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "52 min", "1 h 05 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The estimated-1RM series as the chart plots it, in the athlete's unit and time zone. */
export function oneRepMaxChartPoints(series: readonly OneRepMaxPoint[], unit: WeightUnit, timeZone?: string): OneRepMaxChartPoint[] {
  return series.map((p) => ({
    date: p.performedAt.toISOString(),
    label: formatDay(p.performedAt, timeZone),
    // The one rounding rule for weights (lib/training/units.ts), as everywhere else on the page.
    value: fromStoredKg(p.estimateKg, unit),
    formula: p.formula,
    set: `${formatWeight(p.set.weightKg, unit)} × ${p.set.reps}${p.set.rpe ? ` @ RPE ${p.set.rpe}` : ""}`,
  }));
}
