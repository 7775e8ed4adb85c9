import { LineChart } from "./line-chart";

export type OneRepMaxChartPoint = { date: string; label: string; tick: string; value: number; formula: string; set: string };

/** Estimated 1RM per session, drawn on the server (./line-chart.tsx). */
export default function OneRepMaxChart({ points, unit }: { points: OneRepMaxChartPoint[]; unit: string }) {
  return (
    <LineChart
      label="Estimated 1RM per session"
      formatTick={(v) => `${Math.round(v)} ${unit}`}
      points={points.map((p) => ({
        label: p.label,
        tick: p.tick,
        value: p.value,
        title: `e1RM ${p.value} ${unit} (${p.formula}; ${p.set})`,
      }))}
    />
  );
}
