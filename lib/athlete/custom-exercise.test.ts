import { describe, expect, it } from "vitest";
import { customExerciseSchema } from "./custom-exercise";

const form = {
  name: " Landmine Press ",
  type: "barbell",
  difficulty: "2",
  equipment: "barbell",
  notes: "",
  muscle1: "3",
  activation1: "80",
  muscle2: "",
  activation2: "",
  muscle3: "",
  activation3: "",
};

describe("customExerciseSchema", () => {
  it("keeps how its sets are logged, and refuses a measure it does not know", () => {
    expect(customExerciseSchema.parse({ ...form, measure: "distance" }).measure).toBe("distance");
    expect(customExerciseSchema.safeParse({ ...form, measure: "laps" }).success).toBe(false);
  });

  it("turns the form's rows into muscles and ignores the empty ones", () => {
    expect(customExerciseSchema.parse({ ...form, muscle2: "5", activation2: "40" })).toEqual({
      name: "Landmine Press",
      type: "barbell",
      measure: "reps_load",
      difficulty: 2,
      equipment: ["barbell"],
      notes: null,
      muscles: [
        { muscleId: 3, activation: 80 },
        { muscleId: 5, activation: 40 },
      ],
    });
  });

  it("requires at least one muscle, on the first muscle field", () => {
    const result = customExerciseSchema.safeParse({ ...form, muscle1: "", activation1: "" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["muscle1"]);
  });

  it("asks for the missing half of a muscle row", () => {
    const result = customExerciseSchema.safeParse({ ...form, muscle2: "5" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["activation2"]);
  });

  it("refuses the same muscle twice and ratings outside 1-100", () => {
    expect(customExerciseSchema.safeParse({ ...form, muscle2: "3", activation2: "20" }).error?.issues[0].message).toBe(
      "This muscle is already listed.",
    );
    expect(customExerciseSchema.safeParse({ ...form, activation1: "140" }).success).toBe(false);
  });

  it("accepts no equipment at all for a bodyweight exercise", () => {
    const { equipment, ...rest } = form;
    void equipment;
    expect(customExerciseSchema.parse({ ...rest, type: "bodyweight" }).equipment).toEqual([]);
  });
});
