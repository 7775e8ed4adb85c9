/**
 * Where a chart's marks go, as percentages of its plot area, so a server component can draw it as SVG
 * and HTML with no chart code in the browser: the chart is there at first paint, costs the phone no
 * JavaScript, and is as wide as its box at any screen width (the page gives the box its height).
 *
 * The scales, their ticks and the line's curve are d3's (d3-scale, d3-shape): the same maths the
 * chart library used, without the library.
 */
import { scaleLinear } from "d3-scale";
import { curveMonotoneX, line } from "d3-shape";

/** Percent of the plot area from its left (x) and top (y). */
export type PlotPoint = { x: number; y: number };
export type Tick = { value: number; at: number };

export type LineChartLayout = {
  /** An SVG path in a 0–100 box, for `viewBox="0 0 100 100"` stretched over the plot area. */
  path: string;
  points: PlotPoint[];
  /** Value ticks: `at` is percent from the top. */
  yTicks: Tick[];
  /** Which points' labels to show on the x axis: `at` is percent from the left. */
  xTicks: { index: number; at: number }[];
};

/** Few enough labels for a phone's width: "12 Nov" is about 40 px, the plot on a 360 px screen about 215. */
export const MAX_X_LABELS = 4;
const Y_TICKS = 4;

/**
 * A series over sessions, evenly spaced in order (a session is a step, whatever the days between), its
 * value axis rounded to nice numbers around the data; `reversed` puts the lowest value at the top (pace:
 * fewer seconds is faster, and faster reads as higher); `wholeTicks` keeps only whole-number ticks
 * (seconds), unless fewer than two would be left.
 */
export function lineChartLayout(values: readonly number[], { reversed = false, wholeTicks = false } = {}): LineChartLayout {
  if (values.length === 0) return { path: "", points: [], yTicks: [], xTicks: [] };
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    // One value (or the same one each time): a band around it, so the line sits in the middle.
    const pad = Math.max(Math.abs(min) * 0.1, 1);
    min -= pad;
    max += pad;
  }
  const y = scaleLinear()
    .domain([min, max])
    .range(reversed ? [0, 100] : [100, 0])
    .nice(Y_TICKS);
  const x = (i: number) => (values.length === 1 ? 50 : (i / (values.length - 1)) * 100);
  const points = values.map((v, i) => ({ x: round(x(i)), y: round(y(v)) }));
  const path =
    line<PlotPoint>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveMonotoneX)(points) ?? "";
  return {
    path,
    points,
    yTicks: keepWhole(y.ticks(Y_TICKS), wholeTicks).map((value) => ({ value, at: round(y(value)) })),
    xTicks: xLabelIndexes(values.length).map((index) => ({ index, at: round(x(index)) })),
  };
}

/** The first and last session always, and evenly spread ones between, at most MAX_X_LABELS. */
export function xLabelIndexes(count: number, max = MAX_X_LABELS): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

export type BarAxis = { max: number; ticks: Tick[]; at: (value: number) => number };

/** A count axis from zero for horizontal bars: nice whole-number ticks, `at` percent from the left. */
export function barAxis(values: readonly number[]): BarAxis {
  const x = scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .range([0, 100])
    .nice(5);
  const ticks = x
    .ticks(5)
    .filter(Number.isInteger)
    .map((value) => ({ value, at: round(x(value)) }));
  return { max: x.domain()[1], ticks, at: (value: number) => round(Math.min(100, Math.max(0, x(value)))) };
}

function keepWhole(ticks: number[], wholeOnly: boolean): number[] {
  const whole = ticks.filter(Number.isInteger);
  return wholeOnly && whole.length >= 2 ? whole : ticks;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
