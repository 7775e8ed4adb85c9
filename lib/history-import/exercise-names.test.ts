import { describe, expect, it } from "vitest";
import { EXERCISE_LIBRARY } from "@/db/seed-data/exercises";
import { matchExercise, words } from "./exercise-names";

const library = EXERCISE_LIBRARY.map((e, i) => ({ id: i + 1, name: e.name, type: e.type }));
const matched = (name: string) => matchExercise(name, library)?.name ?? null;

describe("words", () => {
  it("ignores case, hyphens, parentheses and plurals, and joins pull-ups", () => {
    expect(words("Pull-Ups (Weighted)")).toEqual(["pullup", "weighted"]);
    expect(words("Bench Press (Barbell)")).toEqual(["bench", "press", "barbell"]);
  });
});

describe("matchExercise", () => {
  it.each([
    ["Barbell Bench Press", "Barbell Bench Press"],
    ["Bench Press (Barbell)", "Barbell Bench Press"],
    ["Bench Press (Dumbbell)", "Dumbbell Bench Press"],
    ["Incline Bench Press (Barbell)", "Incline Barbell Bench Press"],
    ["Squat (Barbell)", "Barbell Back Squat"],
    ["Deadlift (Barbell)", "Deadlift"],
    ["Romanian Deadlift (Barbell)", "Romanian Deadlift"],
    ["Bent Over Row (Barbell)", "Barbell Bent-Over Row"],
    ["Overhead Press (Barbell)", "Overhead Press"],
    ["Shoulder Press (Dumbbell)", "Dumbbell Shoulder Press"],
    ["Lateral Raise (Dumbbell)", "Dumbbell Lateral Raise"],
    ["Bicep Curl (Dumbbell)", "Dumbbell Curl"],
    ["Hammer Curl (Dumbbell)", "Hammer Curl"],
    ["Pull Up", "Pull-Up"],
    ["Pull-ups", "Pull-Up"],
    ["Chin Up", "Chin-Up"],
    ["Push Up", "Push-Up"],
    ["Triceps Dip", "Parallel Bar Dip"],
    ["Plank", "Plank"],
    ["hanging leg raises", "Hanging Leg Raise"],
    // The library covers the gym's machines too.
    ["Leg Press", "Leg Press"],
    ["Cable Crossover", "Cable Crossover"],
    ["Bench Press (Smith Machine)", "Smith Machine Bench Press"],
  ])("matches %j to %j", (name, expected) => {
    expect(matched(name)).toBe(expected);
  });

  it.each(["Zercher Squat", "Belt Squat", ""])("leaves %j for the athlete to choose", (name) => {
    expect(matched(name)).toBeNull();
  });
});
