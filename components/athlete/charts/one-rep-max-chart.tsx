"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type OneRepMaxChartPoint = { date: string; label: string; value: number; formula: string; set: string };

/** Estimated 1RM per session (recharts). Loaded lazily: see ./lazy.tsx. */
export default function OneRepMaxChart({ points, unit }: { points: OneRepMaxChartPoint[]; unit: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
        <YAxis
          domain={["auto", "auto"]}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          width={64}
          unit={` ${unit}`}
          tickFormatter={(v: number) => String(Math.round(v))}
        />
        <Tooltip
          formatter={(value, _name, item) => [
            `${value} ${unit}`,
            `e1RM (${(item.payload as OneRepMaxChartPoint).formula}; ${(item.payload as OneRepMaxChartPoint).set})`,
          ]}
          labelFormatter={(label) => String(label)}
        />
        <Line
          type="monotone"
          dataKey="value"
          name="Estimated 1RM"
          stroke="#1f57d6"
          strokeWidth={2.5}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
