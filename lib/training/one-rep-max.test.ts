import { describe, expect, it } from "vitest";
import { brzyckiOneRepMax, effectiveReps, epleyOneRepMax, estimateOneRepMax } from "./one-rep-max";

describe("epleyOneRepMax", () => {
  it.each([
    [100, 5, 116.667],
    [100, 10, 133.333],
    [60, 20, 100],
    [100, 1, 100],
  ])("%d kg × %d estimates %d kg", (weight, reps, expected) => {
    expect(epleyOneRepMax(weight, reps)).toBeCloseTo(expected, 2);
  });

  it.each([
    [100, 0],
    [0, 5],
    [-20, 5],
    [Number.NaN, 5],
  ])("has nothing to estimate from %d kg × %d", (weight, reps) => {
    expect(epleyOneRepMax(weight, reps)).toBeNull();
  });
});

describe("brzyckiOneRepMax", () => {
  it.each([
    [100, 1, 100],
    [100, 5, 112.5],
    [100, 10, 133.333],
    [100, 36, 3600],
  ])("%d kg × %d estimates %d kg", (weight, reps, expected) => {
    expect(brzyckiOneRepMax(weight, reps)).toBeCloseTo(expected, 2);
  });

  it.each([37, 40, 0])("is undefined at %d reps", (reps) => {
    expect(brzyckiOneRepMax(100, reps)).toBeNull();
  });

  it("agrees with Epley at exactly 10 reps, so switching formulas there leaves no jump", () => {
    expect(brzyckiOneRepMax(80, 10)).toBeCloseTo(epleyOneRepMax(80, 10)!, 10);
  });
});

describe("effectiveReps", () => {
  it.each([
    [5, undefined, 5],
    [5, null, 5],
    [5, 10, 5],
    [5, 8, 7],
    [3, 7.5, 5.5],
    [5, 0, 5],
    [5, 11, 5],
  ])("%d reps at RPE %s count as %d reps to failure", (reps, rpe, expected) => {
    expect(effectiveReps(reps, rpe)).toBe(expected);
  });
});

describe("estimateOneRepMax", () => {
  it("uses Brzycki up to 10 reps and names it", () => {
    const estimate = estimateOneRepMax({ weightKg: 100, reps: 5 });
    expect(estimate).toMatchObject({ method: "brzycki", label: "Brzycki", rpeAdjusted: false, reliable: true });
    expect(estimate?.valueKg).toBeCloseTo(112.5, 6);
  });

  it("uses Epley beyond 10 reps and marks more than 12 as unreliable", () => {
    const eleven = estimateOneRepMax({ weightKg: 60, reps: 11 });
    expect(eleven).toMatchObject({ method: "epley", label: "Epley", reliable: true });
    expect(eleven?.valueKg).toBeCloseTo(82, 6);
    expect(estimateOneRepMax({ weightKg: 40, reps: 20 })).toMatchObject({ method: "epley", reliable: false });
  });

  it("adds reps in reserve from RPE and says so in the label", () => {
    const estimate = estimateOneRepMax({ weightKg: 100, reps: 5, rpe: 8 });
    expect(estimate).toMatchObject({
      method: "brzycki",
      rpeAdjusted: true,
      effectiveReps: 7,
      label: "Brzycki, adjusted for RPE 8",
    });
    expect(estimate?.valueKg).toBeCloseTo(120, 6);
    expect(estimateOneRepMax({ weightKg: 100, reps: 5, rpe: 8.5 })?.label).toBe("Brzycki, adjusted for RPE 8.5");
  });

  it("treats RPE 10 as a set to failure, with no adjustment", () => {
    expect(estimateOneRepMax({ weightKg: 100, reps: 5, rpe: 10 })).toMatchObject({
      rpeAdjusted: false,
      label: "Brzycki",
      effectiveReps: 5,
    });
  });

  it("takes a single at RPE 10 (or without RPE) as the 1RM itself", () => {
    expect(estimateOneRepMax({ weightKg: 180, reps: 1 })).toMatchObject({
      valueKg: 180,
      method: "single",
      label: "Actual single",
    });
    expect(estimateOneRepMax({ weightKg: 180, reps: 1, rpe: 10 })).toMatchObject({ valueKg: 180, method: "single" });
  });

  it("estimates above a single that had reps in reserve", () => {
    const estimate = estimateOneRepMax({ weightKg: 180, reps: 1, rpe: 8 });
    expect(estimate).toMatchObject({ method: "brzycki", effectiveReps: 3 });
    expect(estimate?.valueKg).toBeCloseTo(190.588, 2);
  });

  it("ignores an RPE outside 1-10 instead of guessing", () => {
    expect(estimateOneRepMax({ weightKg: 100, reps: 5, rpe: 0 })).toMatchObject({ rpeAdjusted: false, effectiveReps: 5 });
  });

  it.each([
    ["no reps", { weightKg: 100, reps: 0 }],
    ["no load (bodyweight only)", { weightKg: 0, reps: 12 }],
    ["a negative weight", { weightKg: -5, reps: 5 }],
  ])("returns null for %s", (_case, set) => {
    expect(estimateOneRepMax(set)).toBeNull();
  });

  it("honours a forced formula", () => {
    expect(estimateOneRepMax({ weightKg: 100, reps: 5 }, "epley")).toMatchObject({ method: "epley", label: "Epley" });
    expect(estimateOneRepMax({ weightKg: 60, reps: 15 }, "brzycki")).toMatchObject({ method: "brzycki" });
  });

  it("falls back to Epley, and names it, when forced Brzycki is out of its range", () => {
    const estimate = estimateOneRepMax({ weightKg: 20, reps: 40 }, "brzycki");
    expect(estimate).toMatchObject({ method: "epley", label: "Epley", reliable: false });
    expect(estimate?.valueKg).toBeCloseTo(46.667, 2);
  });
});
