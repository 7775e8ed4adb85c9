import { describe, expect, it } from "vitest";
import { slotSuggestions } from "./slot-suggestions";

const target = { sets: 3, repsMin: 8, repsMax: 12, note: null };
const slot = (id: string, exerciseId: number, withTarget = true) => ({ id, exerciseId, target: withTarget ? target : null });
const sets = (kg: number, ...reps: number[]) => reps.map((r) => ({ weightKg: kg, reps: r, rpe: 8 }));

describe("slotSuggestions", () => {
  const types = new Map([
    [1, "barbell"],
    [2, "dumbbell"],
    [3, "bodyweight"],
  ]);

  it("adds the barbell step when every set reached the top of the range, in the athlete's unit", () => {
    const recent = new Map([[1, [sets(60, 12, 12, 12)]]]);
    expect(slotSuggestions([slot("a", 1)], recent, types, "kg")).toEqual({
      a: { weight: "62.5", reps: "8", kind: "increase", why: expect.stringContaining("add 2.5 kg") },
    });
    const lb = slotSuggestions([slot("a", 1)], new Map([[1, [sets(61.23, 12, 12, 12)]]]), types, "lb");
    expect(lb.a).toMatchObject({ weight: "140", reps: "8", kind: "increase" });
  });

  it("goes to the next dumbbell, repeats when short of the top, and deloads after two sessions short of the bottom", () => {
    expect(slotSuggestions([slot("d", 2)], new Map([[2, [sets(12, 12, 12)]]]), types, "kg").d).toMatchObject({
      weight: "14",
      kind: "increase",
    });
    expect(slotSuggestions([slot("a", 1)], new Map([[1, [sets(60, 10, 9)]]]), types, "kg").a).toMatchObject({
      weight: "60",
      reps: "11",
      kind: "repeat",
    });
    expect(slotSuggestions([slot("a", 1)], new Map([[1, [sets(60, 6, 5), sets(60, 7, 6)]]]), types, "kg").a).toMatchObject({
      weight: "52.5",
      reps: "8",
      kind: "deload",
    });
  });

  it("suggests reps, not weight, for bodyweight work", () => {
    expect(slotSuggestions([slot("b", 3)], new Map([[3, [sets(0, 12, 12)]]]), types, "kg").b).toMatchObject({
      weight: "",
      reps: "13",
    });
  });

  it("gives nothing for an exercise without a rep range or without history", () => {
    const recent = new Map([[1, [sets(60, 12)]]]);
    expect(slotSuggestions([slot("x", 1, false), slot("y", 2)], recent, types, "kg")).toEqual({});
  });
});
