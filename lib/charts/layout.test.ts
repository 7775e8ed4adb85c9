import { describe, expect, it } from "vitest";
import { barAxis, lineChartLayout, MAX_X_LABELS, xLabelIndexes } from "./layout";

describe("lineChartLayout", () => {
  it("spreads sessions evenly from edge to edge and puts the highest value highest", () => {
    const layout = lineChartLayout([100, 110, 105]);
    expect(layout.points.map((p) => p.x)).toEqual([0, 50, 100]);
    const [a, b, c] = layout.points.map((p) => p.y);
    expect(b).toBeLessThan(c);
    expect(c).toBeLessThan(a);
    expect(layout.path.startsWith("M0,")).toBe(true);
  });

  it("rounds the value axis to nice ticks that hold every point", () => {
    const layout = lineChartLayout([97.5, 112.5, 131]);
    const values = layout.yTicks.map((t) => t.value);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...values)).toBeLessThanOrEqual(97.5);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(131);
    for (const v of values) expect(v % 5, `${v} is a round number`).toBe(0);
    for (const p of layout.points) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(100);
    }
  });

  it("reversed: the lowest value (the fastest pace) is at the top", () => {
    const layout = lineChartLayout([300, 280], { reversed: true });
    expect(layout.points[1].y).toBeLessThan(layout.points[0].y);
    const top = layout.yTicks.find((t) => t.at === 0);
    expect(top?.value).toBeLessThanOrEqual(280);
  });

  it("whole ticks for whole units (seconds) when the range is narrow", () => {
    const layout = lineChartLayout([10, 12], { wholeTicks: true });
    expect(layout.yTicks.map((t) => t.value)).toEqual([10, 11, 12]);
    expect(lineChartLayout([10, 12]).yTicks.length).toBeGreaterThan(3);
  });

  it("one session, or the same value each time, sits in the middle of a band around it", () => {
    const one = lineChartLayout([80]);
    expect(one.points).toEqual([{ x: 50, y: expect.closeTo(50, 0) }]);
    const flat = lineChartLayout([0, 0, 0]);
    for (const p of flat.points) expect(p.y).toBeCloseTo(50, 0);
  });

  it("draws nothing for no sessions", () => {
    expect(lineChartLayout([])).toEqual({ path: "", points: [], yTicks: [], xTicks: [] });
  });
});

describe("xLabelIndexes", () => {
  it("labels every session when they fit, else the first, the last and evenly spread ones", () => {
    expect(xLabelIndexes(3)).toEqual([0, 1, 2]);
    const many = xLabelIndexes(40);
    expect(many).toHaveLength(MAX_X_LABELS);
    expect(many[0]).toBe(0);
    expect(many.at(-1)).toBe(39);
    expect([...many].sort((a, b) => a - b)).toEqual(many);
  });
});

describe("barAxis", () => {
  it("starts at zero, ends at a round number past the largest bar, ticks whole numbers", () => {
    const axis = barAxis([3.4, 12, 20]);
    expect(axis.ticks[0]).toEqual({ value: 0, at: 0 });
    expect(axis.max).toBeGreaterThanOrEqual(20);
    expect(axis.at(axis.max)).toBe(100);
    for (const t of axis.ticks) expect(Number.isInteger(t.value)).toBe(true);
  });

  it("keeps bars inside the track and has an axis with no data", () => {
    const axis = barAxis([]);
    expect(axis.max).toBeGreaterThanOrEqual(1);
    expect(axis.at(-2)).toBe(0);
    expect(axis.at(1e6)).toBe(100);
  });
});
