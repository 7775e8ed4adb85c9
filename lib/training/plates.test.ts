import { describe, expect, it } from "vitest";
import { MAX_BAR_LOAD, plateLoad } from "./plates";

describe("plateLoad", () => {
  it.each([
    [100, [25, 15]],
    [60, [20]],
    [62.5, [20, 1.25]],
    [140, [25, 25, 10]],
    [20, []],
  ])("loads %s kg on a 20 kg bar as %j per side", (target, perSide) => {
    expect(plateLoad(target, { unit: "kg" })).toEqual({ total: target, perSide, exact: true });
  });

  it("loads pounds on a 45 lb bar", () => {
    expect(plateLoad(225, { unit: "lb" })).toEqual({ total: 225, perSide: [45, 45], exact: true });
    expect(plateLoad(185, { unit: "lb" })).toEqual({ total: 185, perSide: [45, 25], exact: true });
  });

  it("gives the nearest loadable weight when the target cannot be made", () => {
    expect(plateLoad(101, { unit: "kg" })).toMatchObject({ total: 100, exact: false });
    expect(plateLoad(102, { unit: "kg" })).toMatchObject({ total: 102.5, exact: false, perSide: [25, 15, 1.25] });
    // Halfway: the lighter one.
    expect(plateLoad(101.25, { unit: "kg" })).toMatchObject({ total: 100, exact: false });
  });

  it("uses only the plates the athlete owns, and their bar", () => {
    expect(plateLoad(60, { unit: "kg", bar: 15, plates: [10, 5, 2.5] })).toEqual({
      total: 60,
      perSide: [10, 10, 2.5],
      exact: true,
    });
    expect(plateLoad(50, { unit: "kg", plates: [20] })).toMatchObject({ total: 60, exact: false });
  });

  it("is the empty bar for anything at or below it", () => {
    expect(plateLoad(10, { unit: "kg" })).toEqual({ total: 20, perSide: [], exact: false });
    expect(plateLoad(Number.NaN, { unit: "kg" })).toMatchObject({ total: 20, perSide: [] });
  });

  it.each([
    ["more than a bar holds", 999_999_999, "kg"],
    ["just past a bar's load in kilograms", 700.5, "kg"],
    ["just past a bar's load in pounds", 1502.5, "lb"],
    ["more than two decimals", 100.125, "kg"],
    ["infinity", Number.POSITIVE_INFINITY, "kg"],
  ] as const)("loads nothing for %s", (_case, target, unit) => {
    expect(plateLoad(target, { unit })).toBeNull();
  });

  it("loads up to what a bar holds, with few plates", () => {
    expect(plateLoad(MAX_BAR_LOAD.kg, { unit: "kg" })).toMatchObject({ total: 700, exact: true });
    expect(plateLoad(MAX_BAR_LOAD.lb, { unit: "lb", plates: [2.5] })?.perSide.length).toBeLessThanOrEqual(291);
  });
});
