import { describe, expect, it } from "vitest";
import { storedSetValues } from "./set-mapping";
import type { StoredSet, StoredWorkout } from "./stored";
import { setWorthALook, storedDuration, workoutWorthALook } from "./worth-a-look";

const set = (values: Partial<StoredSet>): StoredSet => ({ line: 12, setIndex: 1, setType: "normal", ...values });
const workout = (durationSeconds: number | null): StoredWorkout => ({
  name: "Legs",
  startedAt: "2024-03-05T17:00:00.000Z",
  durationSeconds,
  notes: null,
  exercises: [{ name: "Squat", notes: null, supersetId: null, sets: [set({ line: 40, reps: 5 }), set({ line: 39, reps: 5 })] }],
});

describe("a workout past the 24 hours a session may last", () => {
  it("is listed at its first line, kept with its sets, its duration left empty", () => {
    expect(workoutWorthALook(workout(30 * 3600 + 5 * 60))).toEqual({
      line: 39,
      what: "“Legs” lasts 30 h 5 min (a timer left running?): a session lasts at most 24 hours.",
      outcome: "Imported with all its sets; its duration is left empty.",
    });
    expect(storedDuration(30 * 3600)).toBeNull();
  });

  it.each([null, 3600, 24 * 3600])("is not worth a look at %s seconds, and is stored as the file says", (seconds) => {
    expect(workoutWorthALook(workout(seconds))).toBeNull();
    expect(storedDuration(seconds)).toBe(seconds);
  });
});

describe("a set past what a set may hold", () => {
  it.each([
    {
      case: "3310 reps at 40 kg",
      set: { reps: 3310, weight: 40, weightUnit: "kg" as const },
      what: "3310 reps: a set holds at most 1,000.",
      outcome: "The set is imported without its reps.",
      stored: { reps: 0, weightKg: 40 },
    },
    {
      case: "a 1,585 km row",
      set: { distance: 1585, distanceUnit: "km" as const, seconds: 600 },
      what: "A distance of 1585 km: a set covers at most 1,000 km.",
      outcome: "The set is imported without its distance.",
      stored: { distanceM: null, seconds: 600 },
    },
    {
      case: "a 2,000 kg deadlift",
      set: { reps: 1, weight: 2000, weightUnit: "kg" as const },
      what: "A weight of 2000 kg: more than any lift on record (1,500 kg).",
      outcome: "The set is imported without its weight.",
      stored: { reps: 1, weightKg: 0 },
    },
    {
      case: "a 25-hour plank with nothing else",
      set: { seconds: 90_000 },
      what: "A time of 25:00:00: a set lasts at most 24 hours.",
      outcome: "The set is left out: nothing else in it can be stored.",
      stored: null,
    },
  ])("lists $case with what the import does, and the import does it", ({ set: values, what, outcome, stored }) => {
    expect(setWorthALook(set(values), null)).toEqual({ line: 12, what, outcome });
    const imported = storedSetValues(set(values), "kg");
    if (stored === null) expect(imported).toBeNull();
    else expect(imported).toMatchObject(stored);
  });

  it("judges an unlabelled weight in both units before the athlete chooses, and says what each does", () => {
    expect(setWorthALook(set({ reps: 1, weight: 2000 }), null)).toEqual({
      line: 12,
      what: "A weight of 2000 kg, if the weights are kilograms: more than any lift on record (1,500 kg).",
      outcome:
        "With weights in kilograms, the set is imported without its weight. With weights in pounds, the set is imported as the file says.",
    });
    // 2000 lb is 907 kg: a real lift, stored as the file says.
    expect(setWorthALook(set({ reps: 1, weight: 2000 }), "lb")).toBeNull();
    expect(storedSetValues(set({ reps: 1, weight: 2000 }), "lb")).toMatchObject({ reps: 1, weightKg: 907.18 });
  });

  it("leaves a set within every limit alone, stored as the file says", () => {
    const values = {
      reps: 1000,
      weight: 1500,
      weightUnit: "kg" as const,
      seconds: 86_400,
      distance: 1000,
      distanceUnit: "km" as const,
    };
    expect(setWorthALook(set(values), null)).toBeNull();
    expect(storedSetValues(set(values), "kg")).toMatchObject({
      reps: 1000,
      weightKg: 1500,
      seconds: 86_400,
      distanceM: 1_000_000,
    });
  });
});
