import { describe, expect, it } from "vitest";
import { addDayExerciseSchema, formatTargets, splitNameSchema, targetsSchema } from "./split-input";

describe("targetsSchema", () => {
  it("coerces the form's strings", () => {
    expect(targetsSchema.parse({ targetSets: "3", targetRepsMin: "8", targetRepsMax: "12", note: "" })).toEqual({
      targetSets: 3,
      targetRepsMin: 8,
      targetRepsMax: 12,
      note: null,
      supersetGroup: null,
    });
  });

  it("reads a single rep count as a range of one", () => {
    expect(targetsSchema.parse({ targetSets: "5", targetRepsMin: "5", targetRepsMax: "" }).targetRepsMax).toBe(5);
  });

  it("puts an upside-down range on the max field", () => {
    const result = targetsSchema.safeParse({ targetSets: "3", targetRepsMin: "12", targetRepsMax: "8" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["targetRepsMax"]);
  });

  it("keeps sets and reps within the database's limits", () => {
    expect(targetsSchema.safeParse({ targetSets: "0", targetRepsMin: "8" }).success).toBe(false);
    expect(targetsSchema.safeParse({ targetSets: "21", targetRepsMin: "8" }).success).toBe(false);
    expect(targetsSchema.safeParse({ targetSets: "3", targetRepsMin: "101" }).success).toBe(false);
  });

  it("asks for an exercise, by the picker, when none was chosen", () => {
    const result = addDayExerciseSchema.safeParse({ dayId: "3", exerciseId: "", targetSets: "3", targetRepsMin: "8" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["exerciseId", "Choose an exercise to add."],
    ]);
  });

  it("needs the day and the exercise when adding", () => {
    expect(addDayExerciseSchema.safeParse({ dayId: "", exerciseId: "4", targetSets: "3", targetRepsMin: "8" }).success).toBe(
      false,
    );
  });
});

describe("splitNameSchema", () => {
  it("trims and requires a name", () => {
    expect(splitNameSchema.parse({ name: "  Push " })).toEqual({ name: "Push" });
    expect(splitNameSchema.safeParse({ name: "  " }).success).toBe(false);
  });
});

describe("formatTargets", () => {
  it("writes sets × reps", () => {
    expect(formatTargets({ targetSets: 3, targetRepsMin: 8, targetRepsMax: 12 })).toBe("3 × 8–12");
    expect(formatTargets({ targetSets: 5, targetRepsMin: 5, targetRepsMax: 5 })).toBe("5 × 5");
  });

  it("names the unit of a timed or distance target", () => {
    expect(formatTargets({ targetSets: 3, targetRepsMin: 40, targetRepsMax: 42, measure: "time" })).toBe("3 × 40–42 s");
    expect(formatTargets({ targetSets: 2, targetRepsMin: 20, targetRepsMax: 20, measure: "distance" })).toBe("2 × 20 m");
    expect(formatTargets({ targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, measure: "reps_load" })).toBe("3 × 8–12");
  });
});
