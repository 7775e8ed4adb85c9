/** Dates and durations as athletes read them, in their time zone. Shared by server and client components. */
import type { OneRepMaxChartPoint } from "@/components/athlete/charts/one-rep-max-chart";
import type { SessionBestChartPoint } from "@/components/athlete/charts/session-best-chart";
import type { OneRepMaxPoint, SessionBestKind, SessionBestPoint } from "@/lib/athlete/record-events";
import { formatWeight, fromStoredKg, type WeightUnit } from "@/lib/training/units";
import { RECORD_UNITS, type RecordKind } from "@/lib/training/records";

export function formatDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(date);
}

export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
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
    // The one rounding rule for weights (lib/training/units.ts), as everywhere else on the page.
    value: fromStoredKg(p.estimateKg, unit),
    formula: p.formula,
    set: `${formatWeight(p.set.weightKg, unit)} × ${p.set.reps}${p.set.rpe ? ` @ RPE ${p.set.rpe}` : ""}`,
  }));
}

/** A session-best series as its chart plots it: pace as seconds per km (fewer is faster), the rest as stored. */
export function sessionBestChartPoints(
  series: readonly SessionBestPoint[],
  kind: SessionBestKind,
  unit: WeightUnit,
  timeZone?: string,
): SessionBestChartPoint[] {
  return series.map((p) => ({
    date: p.performedAt.toISOString(),
    label: formatDay(p.performedAt, timeZone),
    value: kind === "best_pace" ? Math.round(1000 / p.value) : p.value,
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

/** Metres as "40 m" or "1.5 km". */
export function formatMetres(metres: number): string {
  return metres >= 1000 ? `${Number((metres / 1000).toFixed(2))} km` : `${Number(metres.toFixed(2))} m`;
}

/**
 * What a set did, in words: "60 kg × 8", "Bodyweight × 12", "45 s", "40 m with 32 kg", "500 m in 1:50",
 * "85 kg × 3 (missed)".
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
  if (set.distanceM)
    return `${formatMetres(set.distanceM)}${set.seconds ? ` in ${formatSeconds(set.seconds)}` : ""}${load ? ` with ${load}` : ""}`;
  if (set.seconds) return `${formatSeconds(set.seconds)}${load ? ` with ${load}` : ""}`;
  return `${load ?? "Bodyweight"} × ${set.reps}`;
}

/** A record's value in its unit (RECORD_UNITS): weight, kg × reps, a time, a distance, or a pace per km. */
export function formatRecordValue(kind: RecordKind, value: number, unit: WeightUnit): string {
  switch (RECORD_UNITS[kind]) {
    case "seconds":
      return formatSeconds(value);
    case "metres":
      return formatMetres(value);
    case "metres_per_second":
      return `${formatSeconds(Math.round(1000 / value))} /km`;
    case "kg_reps":
      return `${formatWeight(value, unit)} × reps`;
    default:
      return formatWeight(value, unit);
  }
}
