import { describe, expect, it } from "vitest";
import { issuesByPath, sessionSaveSchema, setsToStore } from "./session-input";

const base = { name: "Upper", unit: "kg" as const, finished: false, sets: [{ exerciseId: 1, weight: 100, reps: 5, rpe: 8 }] };

describe("sessionSaveSchema", () => {
  it("accepts a session with sets, RPE optional", () => {
    const parsed = sessionSaveSchema.parse({ ...base, sets: [...base.sets, { exerciseId: 2, weight: 0, reps: 12 }] });
    expect(parsed.sets).toHaveLength(2);
  });

  it("reports problems by set and field", () => {
    const result = sessionSaveSchema.safeParse({ ...base, name: " ", sets: [{ exerciseId: 1, weight: -5, reps: 2.5, rpe: 11 }] });
    expect(result.success).toBe(false);
    const errors = issuesByPath(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["name", "sets.0.reps", "sets.0.rpe", "sets.0.weight"]);
  });

  it("refuses half-steps other than .5 for RPE", () => {
    expect(sessionSaveSchema.safeParse({ ...base, sets: [{ exerciseId: 1, weight: 50, reps: 5, rpe: 8.3 }] }).success).toBe(false);
    expect(sessionSaveSchema.safeParse({ ...base, sets: [{ exerciseId: 1, weight: 50, reps: 5, rpe: 8.5 }] }).success).toBe(true);
  });

  it("refuses unknown keys, so a client cannot slip in a user or session id", () => {
    expect(sessionSaveSchema.safeParse({ ...base, userId: 2 }).success).toBe(false);
    expect(sessionSaveSchema.safeParse({ ...base, sets: [{ ...base.sets[0], sessionId: 9 }] }).success).toBe(false);
  });

  it("refuses weights beyond any lift, in either unit", () => {
    expect(sessionSaveSchema.safeParse({ ...base, sets: [{ exerciseId: 1, weight: 4000, reps: 1 }] }).success).toBe(false);
    expect(sessionSaveSchema.safeParse({ ...base, unit: "lb", sets: [{ exerciseId: 1, weight: 3000, reps: 1 }] }).success).toBe(true);
  });
});

describe("setsToStore", () => {
  it("stores pounds as kilograms rounded to 0.01 and numbers positions in order", () => {
    const parsed = sessionSaveSchema.parse({ ...base, unit: "lb", sets: [{ exerciseId: 3, weight: 225, reps: 5 }, { exerciseId: 3, weight: 135, reps: 8, rpe: 7 }] });
    expect(setsToStore(parsed)).toEqual([
      { exerciseId: 3, position: 0, reps: 5, weightKg: 102.06, rpe: null },
      { exerciseId: 3, position: 1, reps: 8, weightKg: 61.23, rpe: 7 },
    ]);
  });
});
