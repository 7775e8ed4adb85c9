import { lineChartLayout } from "@/lib/charts/layout";

export type LineChartPoint = {
  /** The session, as the point's title names it ("Mon 9 Nov"). */
  label: string;
  /** The session on the axis, short enough to fit ("9 Nov"). */
  tick: string;
  value: number;
  /** What the point says when hovered. */
  title: string;
};

/**
 * A series over sessions, drawn on the server: the line and its dots are SVG stretched over the plot
 * area (strokes keep their width, a dot is a round cap on a zero-length stroke so it stays round), the
 * tick labels are HTML placed by percent, so text keeps its size at any width. Fills its box: the page
 * gives the box its height, so nothing moves.
 */
export function LineChart({
  points,
  formatTick,
  reversed = false,
  wholeTicks = false,
  label,
}: {
  points: readonly LineChartPoint[];
  formatTick: (value: number) => string;
  reversed?: boolean;
  /** Only whole-number ticks (the unit has no fractions worth showing: seconds). */
  wholeTicks?: boolean;
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  label: string;
}) {
  const layout = lineChartLayout(
    points.map((p) => p.value),
    { reversed, wholeTicks },
  );
  return (
    <figure className="relative h-full w-full text-xs text-slate-600" data-chart="line">
      <div className="absolute inset-y-2 right-3 bottom-6 left-18">
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full overflow-visible"
          role="img"
          aria-label={label}
        >
          {layout.yTicks.map((t) => (
            <line
              key={t.value}
              x1={0}
              x2={100}
              y1={t.at}
              y2={t.at}
              stroke="#e2e8f0"
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          <path d={layout.path} fill="none" stroke="#1f57d6" strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
          {layout.points.map((p, i) => (
            <path
              key={i}
              d={`M${p.x} ${p.y}h0`}
              stroke="#1f57d6"
              strokeWidth={7}
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            >
              <title>{`${points[i].label}: ${points[i].title}`}</title>
            </path>
          ))}
        </svg>
        {layout.yTicks.map((t) => (
          <span
            key={t.value}
            aria-hidden
            className="absolute right-full mr-2 -translate-y-1/2 whitespace-nowrap tabular-nums"
            style={{ top: `${t.at}%` }}
          >
            {formatTick(t.value)}
          </span>
        ))}
        {layout.xTicks.map((t, i) => (
          <span
            key={t.index}
            aria-hidden
            className={`absolute top-full mt-1 whitespace-nowrap ${
              i === 0 && layout.xTicks.length > 1
                ? ""
                : i === layout.xTicks.length - 1 && i > 0
                  ? "-translate-x-full"
                  : "-translate-x-1/2"
            }`}
            style={{ left: `${t.at}%` }}
          >
            {points[t.index].tick}
          </span>
        ))}
      </div>
    </figure>
  );
}
