import { describe, expect, it } from "vitest";
import { Profile } from "@garmin/fitsdk";
import { EXACT_FIT_EXERCISES, fitExerciseFor } from "./exercise-category";

describe("an exercise's FIT category", () => {
  it("names only categories and exercise names that FIT's profile holds", () => {
    const categories = Object.values(Profile.types.exerciseCategory);
    const types = Profile.types as Record<string, Record<number, string> | undefined>;
    for (const exercise of EXACT_FIT_EXERCISES) {
      expect(categories).toContain(exercise.category);
      if (exercise.name) expect(Object.values(types[`${exercise.category}ExerciseName`] ?? {})).toContain(exercise.name);
    }
  });

  it.each([
    ["Barbell Bench Press", "benchPress", "barbellBenchPress"],
    ["Barbell Back Squat", "squat", "barbellBackSquat"],
    ["Deadlift", "deadlift", "barbellDeadlift"],
    ["Plank", "plank", "plank"],
    ["Pull-Up", "pullUp", "pullUp"],
    ["Overhead Press", "shoulderPress", "overheadBarbellPress"],
    // Custom exercises and variations are placed by their words, with no exact name.
    ["Paused Bench Press", "benchPress", undefined],
    ["Zercher Squat", "squat", undefined],
    ["Deficit Deadlift", "deadlift", undefined],
    ["Chest-Supported Row", "row", undefined],
    ["Spider Curl", "curl", undefined],
    ["Reverse Lunge with Pause", "lunge", undefined],
    ["Weighted Push-Up", "pushUp", undefined],
    ["Bench Dip with Feet Up", "tricepsExtension", undefined],
    ["Copenhagen Plank", "plank", undefined],
    ["Bulgarian Split Squat (barbell)", "lunge", undefined],
    ["Single-Leg Romanian Deadlift", "deadlift", undefined],
  ])("maps %s to %s", (name, category, fitName) => {
    expect(fitExerciseFor(name)).toEqual({ category, ...(fitName ? { name: fitName } : {}) });
  });

  it.each(["Wall Sit", "Side-Lying Hip Abduction", "Prone Y-T-W Raise", "My own thing"])("leaves %s unset", (name) => {
    expect(fitExerciseFor(name)).toBeNull();
  });
});
