import { describe, expect, it } from "vitest";
import { displayWeight, formatWeight, fromStoredKg, isWeightUnit, kgToLb, lbToKg, toStoredKg } from "./units";

describe("kg and lb conversion", () => {
  it("uses the exact definition of the pound", () => {
    expect(lbToKg(1)).toBe(0.45359237);
    expect(kgToLb(0.45359237)).toBe(1);
    expect(lbToKg(100)).toBeCloseTo(45.359237, 10);
  });

  it.each([
    [135, "lb", 61.23],
    [225, "lb", 102.06],
    [45, "lb", 20.41],
    [100, "kg", 100],
    [61.25, "kg", 61.25],
    [102.456, "kg", 102.46],
  ] as const)("stores %d %s as %d kg", (value, unit, kg) => {
    expect(toStoredKg(value, unit)).toBe(kg);
  });

  it.each([
    [61.23, "lb", 135],
    [20, "lb", 44.1],
    [60, "lb", 132.3],
    [100, "kg", 100],
    [0, "lb", 0],
  ] as const)("shows stored %d kg as %d %s", (kg, unit, shown) => {
    expect(fromStoredKg(kg, unit)).toBe(shown);
  });
});

describe("round trip through storage", () => {
  it("returns every pound value on a 0.05 lb grid up to 2000 lb exactly", () => {
    const broken: number[] = [];
    for (let i = 0; i <= 40_000; i++) {
      const lb = i / 20;
      if (fromStoredKg(toStoredKg(lb, "lb"), "lb") !== lb) broken.push(lb);
    }
    expect(broken).toEqual([]);
  });

  it.each([45, 95, 135, 137.5, 136.25, 182.75, 315, 405, 500.25, 1000])("keeps %d lb (a plate sum) unchanged", (lb) => {
    expect(fromStoredKg(toStoredKg(lb, "lb"), "lb")).toBe(lb);
    expect(formatWeight(toStoredKg(lb, "lb"), "lb")).toBe(`${lb} lb`);
  });

  it("returns every kilogram value with two decimals exactly", () => {
    const broken: number[] = [];
    for (let i = 0; i <= 100_000; i++) {
      const kg = i / 100;
      if (fromStoredKg(toStoredKg(kg, "kg"), "kg") !== kg) broken.push(kg);
    }
    expect(broken).toEqual([]);
  });
});

describe("formatWeight", () => {
  it.each([
    [100, "kg", "100 kg"],
    [61.25, "kg", "61.25 kg"],
    [62.5, "kg", "62.5 kg"],
    [61.23, "lb", "135 lb"],
    [60, "lb", "132.3 lb"],
    [102.5, "lb", "226 lb"],
    [100, "lb", "220.5 lb"],
    [10, "lb", "22 lb"],
    [102.06, "kg", "102.1 kg"],
    [0, "kg", "0 kg"],
    [0.001, "kg", "0 kg"],
  ] as const)("shows %d kg in %s as %s", (kg, unit, text) => {
    expect(formatWeight(kg, unit)).toBe(text);
  });
});

describe("displayWeight: as typed, or converted and rounded to 0.1", () => {
  it("reads every plate sum typed in pounds (0.25 lb steps to 2000 lb) back exactly", () => {
    const broken: number[] = [];
    for (let i = 0; i <= 8000; i++) {
      const lb = i / 4;
      if (displayWeight(toStoredKg(lb, "lb"), "lb") !== lb) broken.push(lb);
    }
    expect(broken).toEqual([]);
  });

  it("reads a pound weight typed to 0.05 back exactly when it is not also a round kilogram weight", () => {
    for (const lb of [135.05, 135.1, 132.15, 132.3, 225.95, 100.05]) expect(displayWeight(toStoredKg(lb, "lb"), "lb")).toBe(lb);
  });

  it("reads every kilogram weight to 0.05 kg (to 1500 kg) back exactly", () => {
    const broken: number[] = [];
    for (let i = 0; i <= 30_000; i++) {
      const kg = i / 20;
      if (displayWeight(toStoredKg(kg, "kg"), "kg") !== kg) broken.push(kg);
    }
    expect(broken).toEqual([]);
  });

  it("shows a converted weight to 0.1 of the unit, never with a 0.05 tail", () => {
    const tails: number[] = [];
    for (let i = 0; i <= 6000; i++) {
      const kg = i / 4;
      const lb = displayWeight(kg, "lb");
      if (Math.abs(lb - kgToLb(kg)) > 0.05 + 1e-9) tails.push(kg);
      if (!Number.isInteger(Math.round(lb * 100) / 5) || (Math.round(lb * 100) % 10 !== 0 && Math.round(lb * 100) % 25 !== 0))
        tails.push(kg);
    }
    expect(tails).toEqual([]);
    expect(displayWeight(toStoredKg(225, "lb"), "kg")).toBe(102.1);
    expect(displayWeight(toStoredKg(135, "lb"), "kg")).toBe(61.2);
  });
});

describe("isWeightUnit", () => {
  it("accepts exactly kg and lb", () => {
    expect(isWeightUnit("kg")).toBe(true);
    expect(isWeightUnit("lb")).toBe(true);
    expect(isWeightUnit("lbs")).toBe(false);
    expect(isWeightUnit("KG")).toBe(false);
  });
});
