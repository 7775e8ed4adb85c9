import { describe, expect, it } from "vitest";
import { durationText, exportedWeight } from "./export-rows";
import { parseDurationText } from "./local-time";
import { storedSetValues, unstorableReason } from "./set-mapping";
import type { StoredSet } from "./stored";
import { toStoredKg } from "@/lib/training/units";

const set = (values: Partial<StoredSet>): StoredSet => ({
  line: 2,
  setIndex: 1,
  setType: "normal",
  weight: 100,
  weightUnit: null,
  reps: 5,
  distance: null,
  distanceUnit: null,
  seconds: null,
  rpe: null,
  notes: null,
  ...values,
});

describe("storedSetValues", () => {
  it("converts a weight the file labels by its own unit, and one it does not by the athlete's choice", () => {
    expect(storedSetValues(set({ weightUnit: "lb", weight: 225 }), "kg").weightKg).toBe(102.06);
    expect(storedSetValues(set({ weight: 225 }), "lb").weightKg).toBe(102.06);
    expect(storedSetValues(set({ weight: 100 }), "kg").weightKg).toBe(100);
  });

  it("stores a bodyweight set (no weight) as 0 kg, with its RPE and notes", () => {
    expect(storedSetValues(set({ weight: null, rpe: 8.5, notes: "strict" }), "kg")).toEqual({ reps: 5, missed: false, weightKg: 0, rpe: 8.5, notes: "strict" });
  });
});

describe("unstorableReason", () => {
  it("refuses timed and distance sets without reps, for now", () => {
    expect(unstorableReason(set({ reps: 0, seconds: 60 }))).toMatch(/timed or distance/);
    expect(unstorableReason(set({ reps: null, distance: 5 }))).toMatch(/timed or distance/);
    expect(unstorableReason(set({ reps: 0 }))).toBe("The set has no reps.");
    expect(unstorableReason(set({}))).toBeNull();
  });
});

describe("the export's values read back exactly", () => {
  it.each([0, 59, 60, 3600, 3661, 5400, 86_399])("duration %i s", (seconds) => {
    expect(parseDurationText(durationText(seconds))).toBe(seconds);
  });

  it("weights in pounds come back to the stored hundredth of a kilogram", () => {
    for (let hundredths = 0; hundredths <= 50_000; hundredths += 7) {
      const kg = hundredths / 100;
      expect(toStoredKg(Number(exportedWeight(kg, "lb")), "lb")).toBe(kg);
    }
  });
});
