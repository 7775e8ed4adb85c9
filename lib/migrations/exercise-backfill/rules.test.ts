import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyOutcome } from "@/lib/migrations/outcome";
import { type ExerciseColumns, classifyExercise } from "./rules";

const exercise = (type: unknown, difficulty: unknown, equipmentRequired: unknown): ExerciseColumns => ({
  name: "Row",
  type,
  difficulty,
  equipmentRequired,
});

describe("difficulty, where it was never set", () => {
  it.each([
    ["barbell", 3],
    ["dumbbell", 2],
    ["bodyweight", 1],
  ])("comes from the type: %s is %i", (type, difficulty) => {
    expect(classifyExercise(exercise(type, null, ["x"]))).toEqual({
      status: "migrated",
      before: expect.anything(),
      after: { difficulty },
    });
  });

  it.each([1, 2, 3])("is kept when already set (%i), even if the type suggests another", (difficulty) => {
    expect(classifyExercise(exercise("barbell", difficulty, ["barbell"]))).toEqual({ status: "skipped" });
  });
});

describe("equipment_required, where it is empty", () => {
  it.each(["barbell", "dumbbell", "bodyweight"])("becomes [type] for %s", (type) => {
    expect(classifyExercise(exercise(type, 2, []))).toEqual({
      status: "migrated",
      before: expect.anything(),
      after: { equipmentRequired: [type] },
    });
  });

  it("is kept when it lists anything", () => {
    expect(classifyExercise(exercise("dumbbell", 2, ["dumbbells", "bench"]))).toEqual({ status: "skipped" });
  });

  it("is backfilled together with difficulty in one change", () => {
    expect(classifyExercise(exercise("bodyweight", null, []))).toMatchObject({
      status: "migrated",
      after: { difficulty: 1, equipmentRequired: ["bodyweight"] },
    });
  });
});

describe("bad data is an error, left untouched", () => {
  it.each([
    ["null", null, "equipment_required is null"],
    ["text", "barbell", "equipment_required is the text"],
    ["an object", { barbell: true }, "equipment_required is an object"],
    ["a number", 0, "equipment_required is the number 0"],
  ])("equipment_required that is %s", (_label, value, message) => {
    expect(classifyExercise(exercise("barbell", null, value))).toMatchObject({
      status: "error",
      reason: expect.stringContaining(message),
    });
  });

  it.each([0, 4, 2.5, "3"])("difficulty %j outside 1-3", (difficulty) => {
    expect(classifyExercise(exercise("barbell", difficulty, []))).toMatchObject({ status: "error" });
  });

  it("a type the old system did not have", () => {
    expect(classifyExercise(exercise("sled", null, []))).toMatchObject({
      status: "error",
      reason: expect.stringContaining('type "sled"'),
    });
  });
});

describe("properties", () => {
  const inputs = fc.record({
    name: fc.constant("Row"),
    type: fc.oneof(fc.constantFrom("barbell", "dumbbell", "bodyweight"), fc.jsonValue()),
    difficulty: fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: -1, max: 5 }), fc.jsonValue()),
    equipmentRequired: fc.oneof(fc.constant([]), fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue()),
  });

  it("is total and deterministic", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const outcome = classifyExercise(input);
        expect(["migrated", "skipped", "error"]).toContain(outcome.status);
        expect(classifyExercise(structuredClone(input))).toEqual(outcome);
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent: a second pass skips or reports the same error", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const once = applyOutcome(input, classifyExercise(input));
        expect(["skipped", "error"]).toContain(classifyExercise(once).status);
      }),
      { numRuns: 1000 },
    );
  });
});
