"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type MuscleVolumeRow = { muscle: string; sets: number; min: number; max: number; status: "below" | "within" | "above" };

/** Shared with the legend the page draws under the chart. */
export const STATUS_COLOURS = { below: "#f59e0b", within: "#059669", above: "#dc2626" } as const;

/**
 * Weekly activation-weighted sets per muscle against its target range: the range is a pale band
 * (an invisible bar up to the minimum, then a visible one to the maximum) on one axis, and the
 * athlete's sets a narrower bar over it, coloured by status. The page draws the legend.
 */
export default function MuscleVolumeChart({ rows }: { rows: MuscleVolumeRow[] }) {
  const data = rows.map((r) => ({ ...r, bandStart: r.min, band: r.max - r.min }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={-14}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 12, fill: "#475569" }} allowDecimals={false} />
        <YAxis type="category" dataKey="muscle" width={120} tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
        <Tooltip
          formatter={(value, name, item) => {
            const row = item.payload as MuscleVolumeRow;
            if (name === "Weighted sets") return [`${value} (target ${row.min}–${row.max})`, name];
            return null;
          }}
        />
        <Bar
          dataKey="bandStart"
          stackId="target"
          fill="transparent"
          legendType="none"
          barSize={14}
          isAnimationActive={false}
          name=" "
        />
        <Bar dataKey="band" stackId="target" fill="#cbd5e1" name="Target range" barSize={14} isAnimationActive={false} />
        <Bar dataKey="sets" name="Weighted sets" barSize={8} isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.muscle} fill={STATUS_COLOURS[row.status]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
