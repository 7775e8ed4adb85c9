/** Dates and durations as athletes read them, in their time zone. Shared by server and client components. */
import type { OneRepMaxChartPoint } from "@/components/athlete/charts/one-rep-max-chart";
import type { SessionBestChartPoint } from "@/components/athlete/charts/session-best-chart";
import type { OneRepMaxPoint, SessionBestKind, SessionBestPoint } from "@/lib/athlete/record-events";
import { formatWeight, fromStoredKg, type WeightUnit } from "@/lib/training/units";
import { distanceUnitFor, formatDistance, formatPace, METRES_PER_MILE } from "@/lib/training/distance";
import { RECORD_UNITS, type RecordKind } from "@/lib/training/records";

const DATE_STYLES = {
  day: { weekday: "short", day: "numeric", month: "short" },
  shortDay: { day: "numeric", month: "short" },
  dateTime: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One formatter per style and zone: building an Intl.DateTimeFormat costs far more than using one, and a
 * list or the logger formats a date per row, on every render (on a phone, a few milliseconds each).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: keyof typeof DATE_STYLES, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, ...DATE_STYLES[style] });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Sat 9 Nov". */
export function formatDay(date: Date, timeZone?: string): string {
  return dateFormat("day", timeZone).format(date);
}

/** "9 Nov": a chart's axis, where the weekday would not fit. */
export function formatShortDay(date: Date, timeZone?: string): string {
  return dateFormat("shortDay", timeZone).format(date);
}

/** "Sat 9 Nov, 18:30". */
export function formatDateTime(date: Date, timeZone?: string): string {
  return dateFormat("dateTime", timeZone).format(date);
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
export function oneRepMaxChartPoints(
  series: readonly OneRepMaxPoint[],
  unit: WeightUnit,
  timeZone?: string,
): OneRepMaxChartPoint[] {
  return series.map((p) => ({
    date: p.performedAt.toISOString(),
    label: formatDay(p.performedAt, timeZone),
    tick: formatShortDay(p.performedAt, timeZone),
    // The one rounding rule for weights (lib/training/units.ts), as everywhere else on the page.
    value: fromStoredKg(p.estimateKg, unit),
    formula: p.formula,
    set: `${formatWeight(p.set.weightKg, unit)} × ${p.set.reps}${p.set.rpe ? ` @ RPE ${p.set.rpe}` : ""}`,
  }));
}

/** A session-best series as its chart plots it: pace as seconds per km or mi (fewer is faster), the rest as stored. */
export function sessionBestChartPoints(
  series: readonly SessionBestPoint[],
  kind: SessionBestKind,
  unit: WeightUnit,
  timeZone?: string,
): SessionBestChartPoint[] {
  return series.map((p) => ({
    date: p.performedAt.toISOString(),
    label: formatDay(p.performedAt, timeZone),
    tick: formatShortDay(p.performedAt, timeZone),
    value: kind === "best_pace" ? Math.round((distanceUnitFor(unit) === "mi" ? METRES_PER_MILE : 1000) / p.value) : p.value,
    display: formatRecordValue(kind, p.value, unit),
    set: describeSet(p.set, unit),
  }));
}

/** Seconds as "45 s", "1:30", "1:02:05". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Metres in the athlete's distance unit: "40 m", "5 km", "3.1 mi" (lib/training/distance). */
export function formatMetres(metres: number, unit: WeightUnit): string {
  return formatDistance(metres, distanceUnitFor(unit));
}

/**
 * What a set did, in words: "60 kg × 8", "Bodyweight × 12", "45 s", "40 m with 32 kg",
 * "5 km in 25:00 · 5:00 /km", "85 kg × 3 (missed)".
 */
export function describeSet(
  set: { weightKg: number; reps: number; seconds?: number | null; distanceM?: number | null; missed?: boolean | null },
  unit: WeightUnit,
): string {
  return `${describeValues(set, unit)}${set.missed ? " (missed)" : ""}`;
}

function describeValues(
  set: { weightKg: number; reps: number; seconds?: number | null; distanceM?: number | null },
  unit: WeightUnit,
): string {
  const load = set.weightKg > 0 ? formatWeight(set.weightKg, unit) : null;
  if (set.distanceM) {
    const pace = formatPace(set.seconds, set.distanceM, distanceUnitFor(unit));
    return `${formatMetres(set.distanceM, unit)}${set.seconds ? ` in ${formatSeconds(set.seconds)}` : ""}${load ? ` with ${load}` : ""}${pace ? ` · ${pace}` : ""}`;
  }
  if (set.seconds) return `${formatSeconds(set.seconds)}${load ? ` with ${load}` : ""}`;
  return `${load ?? "Bodyweight"} × ${set.reps}`;
}

/** A record's value in its unit (RECORD_UNITS): weight, kg × reps, a time, a distance, or a pace per km or mi. */
export function formatRecordValue(kind: RecordKind, value: number, unit: WeightUnit): string {
  switch (RECORD_UNITS[kind]) {
    case "seconds":
      return formatSeconds(value);
    case "metres":
      return formatMetres(value, unit);
    case "metres_per_second":
      // A speed in metres per second: the time of one unit of distance is that unit over the speed.
      return formatPace(1, value, distanceUnitFor(unit)) ?? "—";
    case "kg_reps":
      return `${formatWeight(value, unit)} × reps`;
    default:
      return formatWeight(value, unit);
  }
}
