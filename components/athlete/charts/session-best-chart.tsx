"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetres, formatSeconds } from "@/components/athlete/format";
import { distanceUnitFor } from "@/lib/training/distance";
import type { WeightUnit } from "@/lib/training/units";
import type { SessionBestKind } from "@/lib/athlete/record-events";
import { RECORD_LABELS } from "@/lib/training/records";

export type SessionBestChartPoint = { date: string; label: string; value: number; display: string; set: string };

/**
 * A timed or distance exercise's best per session (recharts): hold in seconds, distance in metres, or
 * pace as time per km or mi (the athlete's distance unit), drawn with faster higher up. Loaded lazily: see ./lazy.tsx.
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
      : (v: number) => (kind === "best_pace" ? `${formatSeconds(v)}/${distanceUnitFor(unit)}` : formatSeconds(v));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
        <YAxis
          domain={["auto", "auto"]}
          reversed={kind === "best_pace"}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          width={72}
          tickFormatter={tick}
        />
        <Tooltip
          formatter={(_value, _name, item) => [
            (item.payload as SessionBestChartPoint).display,
            `${RECORD_LABELS[kind]} (${(item.payload as SessionBestChartPoint).set})`,
          ]}
          labelFormatter={(label) => String(label)}
        />
        <Line
          type="monotone"
          dataKey="value"
          name={RECORD_LABELS[kind]}
          stroke="#1f57d6"
          strokeWidth={2.5}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
