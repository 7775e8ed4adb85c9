import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EXERCISE_NAME_SUFFIXES,
  SPLIT_NAME_SUFFIXES,
  classifyExerciseName,
  classifySplitName,
  stripLegacySuffixes,
} from "./rules";

const exercise = (name: string, otherNames: string[] = []) => classifyExerciseName({ name, otherNames });
const split = (name: string, otherNames: string[] = []) => classifySplitName({ name, otherNames });

describe("stripping exercise names", () => {
  it.each([
    ["Bench Press 💪", "Bench Press"],
    ["Incline Bench Press 💪", "Incline Bench Press"],
    ["Front Squats 🦵", "Front Squats"],
    ["Bench Press 💪\uFE0F", "Bench Press"],
    ["Bench Press   💪", "Bench Press"],
    ["Bench Press 💪 💪", "Bench Press"],
    ["Squats and Bench Press 💪 🦵", "Squats and Bench Press"],
  ])("strips %j to %j", (name, stripped) => {
    expect(exercise(name)).toEqual({ status: "migrated", before: { name }, after: { name: stripped } });
  });

  it.each([
    ["Deadlift 💪", "an emoji the transform never added to that name"],
    ["bench press 💪", "the transform was case-sensitive"],
    ["Back Squat 🦵", "Squat is not Squats"],
    ["Bench Press💪", "no space before the emoji"],
    ["Bench Press 💪 x", "the emoji is not at the end"],
    ["Front Squats 📅", "the split emoji on an exercise"],
    ["Bench Press", "nothing to strip"],
  ])("skips %j (%s)", (name) => {
    expect(exercise(name)).toEqual({ status: "skipped" });
  });

  it("stops peeling once the rest no longer qualifies", () => {
    expect(stripLegacySuffixes("Deadlift 💪 Bench Press 💪", EXERCISE_NAME_SUFFIXES)).toBe("Deadlift 💪 Bench Press");
    expect(stripLegacySuffixes("Squats Press 💪 🦵", EXERCISE_NAME_SUFFIXES)).toBe("Squats Press 💪");
  });
});

describe("names the owner already has", () => {
  it("is an error when the stripped name equals another exercise's name, ignoring case", () => {
    expect(exercise("Bench Press 💪", ["bench press"])).toMatchObject({
      status: "error",
      before: { name: "Bench Press 💪" },
      reason: expect.stringMatching(/would be "Bench Press", the same as another exercise of the same owner \("bench press"\)/),
    });
  });

  it("is an error when another name would be stripped to the same name, for both of them", () => {
    expect(exercise("Squats Bench Press 💪", ["Squats Bench Press 🦵"]).status).toBe("error");
    expect(exercise("Squats Bench Press 🦵", ["Squats Bench Press 💪"]).status).toBe("error");
  });

  it("migrates when the other names only start alike", () => {
    expect(exercise("Bench Press 💪", ["Bench Press Wide", "Bench Press 🦵"]).status).toBe("migrated");
  });
});

describe("split names", () => {
  it("strips the calendar from any split name", () => {
    expect(split("Push Pull Legs 📅")).toEqual({
      status: "migrated",
      before: { name: "Push Pull Legs 📅" },
      after: { name: "Push Pull Legs" },
    });
    expect(split("Upper/Lower 📅 📅")).toMatchObject({ after: { name: "Upper/Lower" } });
  });

  it("skips a split without it, and the exercise emoji", () => {
    expect(split("Upper/Lower")).toEqual({ status: "skipped" });
    expect(split("Bench Press 💪")).toEqual({ status: "skipped" });
  });

  it("is an error when the athlete has another split of that name, or nothing is left", () => {
    expect(split("Upper/Lower 📅", ["UPPER/LOWER"]).status).toBe("error");
    expect(split(" 📅")).toMatchObject({ status: "error", reason: expect.stringMatching(/nothing is left/) });
  });
});

describe("properties", () => {
  const piece = fc.constantFrom("Bench Press", "Squats", "Row", " ", "💪", "🦵", "📅", "\uFE0F", "x");
  const name = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));

  it("strips only from the end, and a second pass finds nothing more", () => {
    fc.assert(
      fc.property(name, (n) => {
        for (const suffixes of [EXERCISE_NAME_SUFFIXES, SPLIT_NAME_SUFFIXES]) {
          const stripped = stripLegacySuffixes(n, suffixes);
          expect(n.startsWith(stripped)).toBe(true);
          expect(stripLegacySuffixes(stripped, suffixes)).toBe(stripped);
        }
      }),
    );
  });

  it("never leaves two of an owner's names equal after a run", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 5, selector: (n) => n.toLowerCase() }), (names) => {
        const finals = names.map((n, i) => {
          const outcome = exercise(
            n,
            names.filter((_, j) => j !== i),
          );
          return (outcome.status === "migrated" ? (outcome.after?.name as string) : n).toLowerCase();
        });
        expect(new Set(finals).size).toBe(finals.length);
      }),
    );
  });
});
