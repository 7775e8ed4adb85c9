import { barAxis } from "@/lib/charts/layout";

export type MuscleVolumeRow = { muscle: string; sets: number; min: number; max: number; status: "below" | "within" | "above" };

/** The bar's colour by status; the page's legend uses the same Tailwind colours. */
const STATUS_BAR = { below: "bg-amber-500", within: "bg-emerald-600", above: "bg-red-600" } as const;
const STATUS_WORDS = { below: "below target", within: "on target", above: "above target" } as const;

/**
 * Weekly activation-weighted sets per muscle against its target range, drawn on the server as HTML: a
 * row per muscle, the target range a pale band on the row's track and the athlete's sets a narrower bar
 * over it, coloured by status, on one count axis from zero. Fills its box (the page gives it a height);
 * the page draws the legend and the table.
 */
export default function MuscleVolumeChart({ rows }: { rows: MuscleVolumeRow[] }) {
  const axis = barAxis(rows.flatMap((r) => [r.sets, r.max]));
  return (
    <figure
      className="flex h-full w-full flex-col text-xs text-slate-700"
      data-chart="bars"
      aria-label="Weighted sets per muscle this week, against each muscle's target range"
    >
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div aria-hidden className="pointer-events-none absolute inset-y-0 right-4 left-28">
          {axis.ticks.map((t) => (
            <span
              key={t.value}
              className="absolute inset-y-0 border-l border-dashed border-slate-200"
              style={{ left: `${t.at}%` }}
            />
          ))}
        </div>
        {rows.map((r) => (
          <div
            key={r.muscle}
            className="flex min-h-0 flex-1 items-center"
            title={`${r.muscle}: ${r.sets} (target ${r.min}–${r.max})`}
          >
            <span className="w-28 shrink-0 truncate pr-2 text-right">{r.muscle}</span>
            <span className="relative mr-4 h-3.5 flex-1">
              <span
                className="absolute inset-y-0 rounded-sm bg-slate-300"
                style={{ left: `${axis.at(r.min)}%`, width: `${axis.at(r.max) - axis.at(r.min)}%` }}
              />
              <span
                className={`absolute inset-y-[3px] left-0 rounded-sm ${STATUS_BAR[r.status]}`}
                style={{ width: `${axis.at(r.sets)}%` }}
              />
              <span className="sr-only">
                {r.sets} weighted sets, {STATUS_WORDS[r.status]} ({r.min}–{r.max})
              </span>
            </span>
          </div>
        ))}
      </div>
      <div aria-hidden className="relative mt-1 mr-4 ml-28 h-4 text-slate-600 tabular-nums">
        {axis.ticks.map((t) => (
          <span key={t.value} className="absolute -translate-x-1/2" style={{ left: `${t.at}%` }}>
            {t.value}
          </span>
        ))}
      </div>
    </figure>
  );
}
