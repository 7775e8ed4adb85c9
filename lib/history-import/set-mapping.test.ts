import { describe, expect, it } from "vitest";
import { durationText, exportedWeight } from "@/lib/history-export/rows";
import { parseDurationText } from "./local-time";
import { exerciseTypeFromName, measureFromSets, storedSetValues, supersetGroups, unstorableReason } from "./set-mapping";
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
    expect(storedSetValues(set({ weightUnit: "lb", weight: 225 }), "kg")!.weightKg).toBe(102.06);
    expect(storedSetValues(set({ weight: 225 }), "lb")!.weightKg).toBe(102.06);
    expect(storedSetValues(set({ weight: 100 }), "kg")!.weightKg).toBe(100);
  });

  it("stores a bodyweight set (no weight) as 0 kg, with its RPE and notes", () => {
    expect(storedSetValues(set({ weight: null, rpe: 8.5, notes: "strict" }), "kg")).toEqual({
      reps: 5,
      missed: false,
      weightKg: 0,
      rpe: 8.5,
      notes: "strict",
      setType: "normal",
      seconds: null,
      distanceM: null,
    });
  });
});

describe("unstorableReason", () => {
  it("stores a set with reps, a time, a distance or a weight alone, and refuses one with none", () => {
    expect(unstorableReason(set({ reps: 0, seconds: 60 }))).toBeNull();
    expect(unstorableReason(set({ reps: null, distance: 5 }))).toBeNull();
    expect(unstorableReason(set({ reps: null, weight: 140 }))).toBeNull();
    expect(unstorableReason(set({}))).toBeNull();
    expect(unstorableReason(set({ reps: 0, weight: 0 }))).toBe("The set has no reps, weight, time or distance.");
  });
});

describe("timed, distance and typed sets", () => {
  it("keeps the set type, the time, and the distance in metres (unlabelled distances in the athlete's unit)", () => {
    expect(storedSetValues(set({ reps: 0, weight: null, seconds: 60, setType: "warmup" }), "kg")).toMatchObject({
      reps: 0,
      setType: "warmup",
      seconds: 60,
      distanceM: null,
    });
    expect(storedSetValues(set({ reps: null, distance: 5.2, distanceUnit: "km", seconds: 1800 }), "lb")).toMatchObject({
      distanceM: 5200,
      seconds: 1800,
    });
    expect(storedSetValues(set({ reps: null, distance: 1 }), "lb")!.distanceM).toBe(1609.34);
    expect(storedSetValues(set({ reps: null, distance: 1 }), "kg")!.distanceM).toBe(1000);
  });

  it("numbers a workout's supersets 1, 2, 3 in the order the file names them", () => {
    expect(supersetGroups(["7", "7", null, "a", "a", "7"])).toEqual([1, 1, null, 2, 2, 1]);
  });

  it("guesses what an athlete's own exercise measures and its equipment", () => {
    expect(measureFromSets({ reps: true, weight: true, seconds: false, distance: false })).toBe("reps_load");
    expect(measureFromSets({ reps: false, weight: false, seconds: true, distance: false })).toBe("time");
    expect(measureFromSets({ reps: false, weight: false, seconds: true, distance: true })).toBe("distance_time");
    expect(exerciseTypeFromName("Cable Crossover")).toBe("cable");
    expect(exerciseTypeFromName("Leg Press (Machine)")).toBe("machine");
    expect(exerciseTypeFromName("Leg Press")).toBe("bodyweight");
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
