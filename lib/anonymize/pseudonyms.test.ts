import { describe, expect, it } from "vitest";
import {
  classifyExerciseName,
  classifySplitName,
  EXERCISE_NAME_SUFFIXES,
  SPLIT_NAME_SUFFIXES,
} from "@/lib/migrations/strip-legacy-name-suffixes/rules";
import {
  emailsIn,
  formerEmailPseudonym,
  keyedPseudonym,
  newPseudonymKey,
  pseudonymousName,
  replaceEmails,
  userPseudonymEmail,
} from "./pseudonyms";

const key = newPseudonymKey();
const exercise = (name: string) => pseudonymousName(name, key, { label: "Exercise", suffixes: EXERCISE_NAME_SUFFIXES });
const split = (name: string) => pseudonymousName(name, key, { label: "Split", suffixes: SPLIT_NAME_SUFFIXES });

describe("user pseudonyms", () => {
  it("number a person by id, at a domain no mail reaches", () => {
    expect(userPseudonymEmail(1842)).toBe("athlete-1842@example.invalid");
  });

  it("give an unknown email a keyed pseudonym that another key does not reproduce", () => {
    const a = formerEmailPseudonym(key, "Gone@Example.com");
    expect(a).toBe(formerEmailPseudonym(key, "gone@example.com"));
    expect(a).toMatch(/^someone-[0-9a-f]{16}@example\.invalid$/);
    expect(a).not.toBe(formerEmailPseudonym(newPseudonymKey(), "gone@example.com"));
    expect(a).not.toContain("gone");
  });
});

describe("emails in text", () => {
  it("are found inside sentences and JSON text, and replaced", () => {
    const text = 'Started by zoë@example.com, "told":"ops.team@gym.example.org" (cli:root@host)';
    expect(emailsIn(text)).toEqual(["zoë@example.com", "ops.team@gym.example.org"]);
    expect(replaceEmails(text, () => "X")).toBe('Started by X, "told":"X" (cli:root@host)');
  });
});

describe("pseudonymous names", () => {
  it("hide what was typed, the same way for the same name ignoring case", () => {
    const a = exercise("Towel Row at Grandma's");
    expect(a).toMatch(/^Exercise [0-9a-f]{16}$/);
    expect(exercise("TOWEL ROW AT GRANDMA'S").toLowerCase()).toBe(a.toLowerCase());
    expect(exercise("Towel Row")).not.toBe(a);
    expect(keyedPseudonym(key, "x")).not.toBe(keyedPseudonym(newPseudonymKey(), "x"));
  });

  it("keep names the rule keeps, and names with nothing typed", () => {
    const keep = (lower: string) => lower === "bench press";
    expect(pseudonymousName("Bench Press 💪", key, { label: "Exercise", suffixes: EXERCISE_NAME_SUFFIXES, keep })).toBe(
      "Bench Press 💪",
    );
    expect(split(" 📅")).toBe(" 📅");
    expect(split("")).toBe("");
  });

  // The copy must rehearse the name migrations with the original's outcome, row by row.
  const cases: [string, string[]][] = [
    ["Close-Grip Bench Press 💪", []],
    ["Close-Grip Bench Press 💪 💪", []],
    ["close-grip bench press 💪", []],
    ["Front Squats 🦵", []],
    ["Hammer Curl 💪", []],
    ["Bench Press 💪", ["Bench Press"]],
    ["Bench Press 💪", ["bench press"]],
    ["Bench Press 💪", ["BENCH PRESS 💪"]],
    ["My Squats 🦵️", ["my squats 📅"]],
  ];
  for (const [name, others] of cases) {
    it(`classify ${JSON.stringify(name)} beside ${JSON.stringify(others)} as the original is`, () => {
      const original = classifyExerciseName({ name, otherNames: others });
      const copy = classifyExerciseName({ name: exercise(name), otherNames: others.map(exercise) });
      expect(copy.status).toBe(original.status);
    });
  }

  const splitCases: [string, string[]][] = [
    ["Push Pull Legs 📅", ["Push Pull Legs"]],
    ["Upper/Lower 📅", []],
    [" 📅", []],
    ["Home", []],
  ];
  for (const [name, others] of splitCases) {
    it(`classify the split ${JSON.stringify(name)} beside ${JSON.stringify(others)} as the original is`, () => {
      const original = classifySplitName({ name, otherNames: others });
      const copy = classifySplitName({ name: split(name), otherNames: others.map(split) });
      expect(copy.status).toBe(original.status);
    });
  }
});
