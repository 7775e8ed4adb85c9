import { describe, expect, it } from "vitest";
import { type PastSet, suggestNextSession } from "./progression";

const sets = (weightKg: number, reps: number[], rpe: number | null = null): PastSet[] =>
  reps.map((r) => ({ weightKg, reps: r, rpe }));
const range = { min: 8, max: 12 };

describe("suggestNextSession (double progression)", () => {
  it.each([
    // [what, type, unit, sessions newest first, expected weightKg, reps, kind]
    ["a barbell lift at the top of the range adds 2.5 kg", "barbell", "kg", [sets(80, [12, 12, 12], 8)], 82.5, 8, "increase"],
    ["a dumbbell at the top moves to the next dumbbell", "dumbbell", "kg", [sets(22, [12, 12, 12])], 24, 8, "increase"],
    ["a dumbbell past 30 kg moves by 2.5", "dumbbell", "kg", [sets(30, [12, 12])], 32.5, 8, "increase"],
    ["the top at RPE 9 is not yet an increase", "barbell", "kg", [sets(80, [12, 12, 12], 9)], 80, 12, "repeat"],
    ["one set short of the top repeats the weight, one rep more", "barbell", "kg", [sets(80, [12, 11, 10])], 80, 12, "repeat"],
    ["below the range aims for its bottom", "barbell", "kg", [sets(80, [6, 5, 5])], 80, 8, "repeat"],
    ["two sessions short of the bottom deload 10%", "barbell", "kg", [sets(100, [6, 5]), sets(100, [7, 6])], 90, 8, "deload"],
    ["a deload lands on a loadable barbell weight", "barbell", "kg", [sets(85, [6, 5]), sets(85, [7, 6])], 75, 8, "deload"],
    ["a deload lands on a dumbbell that exists", "dumbbell", "kg", [sets(26, [6]), sets(26, [7])], 22, 8, "deload"],
  ] as const)("%s", (_what, exerciseType, unit, sessions, weightKg, reps, kind) => {
    expect(suggestNextSession({ exerciseType, unit, repRange: range, sessions })).toMatchObject({ weightKg, reps, kind });
  });

  it("adds 5 lb for a pound athlete, and says so in pounds", () => {
    // 135 lb stored as 61.23 kg.
    const suggestion = suggestNextSession({
      exerciseType: "barbell",
      unit: "lb",
      repRange: range,
      sessions: [sets(61.23, [12, 12, 12])],
    });
    expect(suggestion).toMatchObject({ weightKg: 63.5, reps: 8, kind: "increase" });
    expect(suggestion?.why).toContain("add 5 lb");
  });

  it("moves a pound athlete's dumbbell up the pound rack", () => {
    // 50 lb dumbbells are 22.68 kg.
    expect(
      suggestNextSession({ exerciseType: "dumbbell", unit: "lb", repRange: range, sessions: [sets(22.68, [12, 12])] })?.weightKg,
    ).toBe(24.95);
  });

  it("asks a bodyweight athlete at the top of the range for one rep more", () => {
    expect(
      suggestNextSession({ exerciseType: "bodyweight", unit: "kg", repRange: range, sessions: [sets(0, [12, 12, 12])] }),
    ).toMatchObject({ weightKg: 0, reps: 13, kind: "increase" });
  });

  it("never deloads bodyweight work", () => {
    expect(
      suggestNextSession({ exerciseType: "bodyweight", unit: "kg", repRange: range, sessions: [sets(0, [5]), sets(0, [6])] })
        ?.kind,
    ).toBe("repeat");
  });

  it("leaves warm-ups out", () => {
    const last = [{ weightKg: 40, reps: 5, warmup: true }, ...sets(80, [12, 12, 12])];
    expect(suggestNextSession({ exerciseType: "barbell", unit: "kg", repRange: range, sessions: [last] })?.weightKg).toBe(82.5);
  });

  it("judges the heaviest sets: a back-off set does not hold the increase back… unless it fell short", () => {
    expect(
      suggestNextSession({
        exerciseType: "barbell",
        unit: "kg",
        repRange: range,
        sessions: [[...sets(80, [12, 12]), ...sets(70, [10])]],
      })?.kind,
    ).toBe("repeat");
  });

  it("has nothing to suggest without an earlier working set", () => {
    expect(suggestNextSession({ exerciseType: "barbell", unit: "kg", repRange: range, sessions: [] })).toBeNull();
    expect(
      suggestNextSession({
        exerciseType: "barbell",
        unit: "kg",
        repRange: range,
        sessions: [[{ weightKg: 40, reps: 5, warmup: true }]],
      }),
    ).toBeNull();
  });

  it("explains itself in one line", () => {
    const why = suggestNextSession({
      exerciseType: "barbell",
      unit: "kg",
      repRange: range,
      sessions: [sets(80, [12, 12, 12], 8)],
    })?.why;
    expect(why).toBe("Every set reached 12 reps at RPE 8 or easier: add 2.5 kg and start again at 8.");
  });
});
