import { describe, expect, it } from "vitest";
import { warmupRamp } from "./warmups";

describe("warmupRamp", () => {
  it("ramps three sets toward a heavy working weight, in plate steps", () => {
    expect(warmupRamp(100, "kg")).toEqual([
      { weight: 40, reps: 5 },
      { weight: 60, reps: 3 },
      { weight: 80, reps: 2 },
    ]);
    expect(warmupRamp(225, "lb")).toEqual([
      { weight: 90, reps: 5 },
      { weight: 135, reps: 3 },
      { weight: 180, reps: 2 },
    ]);
  });

  it("uses two sets below 60 kg and never goes under the empty bar", () => {
    expect(warmupRamp(50, "kg")).toEqual([
      { weight: 25, reps: 5 },
      { weight: 37.5, reps: 3 },
    ]);
    expect(warmupRamp(30, "kg")).toEqual([
      { weight: 20, reps: 5 },
      { weight: 22.5, reps: 3 },
    ]);
  });

  it("has nothing to ramp to without a working weight", () => {
    expect(warmupRamp(0, "kg")).toEqual([]);
    expect(warmupRamp(Number.NaN, "kg")).toEqual([]);
  });
});
