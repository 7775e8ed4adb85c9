import { formatMetres, formatSeconds } from "@/components/athlete/format";
import { distanceUnitFor } from "@/lib/training/distance";
import type { WeightUnit } from "@/lib/training/units";
import type { SessionBestKind } from "@/lib/athlete/record-events";
import { RECORD_LABELS } from "@/lib/training/records";
import { LineChart } from "./line-chart";

export type SessionBestChartPoint = { date: string; label: string; tick: string; value: number; display: string; set: string };

/**
 * A timed or distance exercise's best per session: hold in seconds, distance in metres, or pace as time
 * per km or mi (the athlete's distance unit), drawn with faster higher up. Drawn on the server (./line-chart.tsx).
 */
export default function SessionBestChart({
  points,
  kind,
  unit,
}: {
  points: SessionBestChartPoint[];
  kind: SessionBestKind;
  unit: WeightUnit;
}) {
  const tick =
    kind === "longest_distance"
      ? (v: number) => formatMetres(v, unit)
      : (v: number) =>
          kind === "best_pace" ? `${formatSeconds(Math.round(v))}/${distanceUnitFor(unit)}` : formatSeconds(Math.round(v));
  return (
    <LineChart
      label={`${RECORD_LABELS[kind]} per session`}
      reversed={kind === "best_pace"}
      wholeTicks={kind !== "longest_distance"}
      formatTick={tick}
      points={points.map((p) => ({
        label: p.label,
        tick: p.tick,
        value: p.value,
        title: `${RECORD_LABELS[kind]} ${p.display} (${p.set})`,
      }))}
    />
  );
}
