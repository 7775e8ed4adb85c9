import { describe, expect, it } from "vitest";
import { rowSchemaFor } from "./row-schemas";
import type { DumpTableName } from "./tables";

const validUser = {
  id: 1,
  email: "ada@example.com",
  name: null,
  role: "admin",
  weight_unit: "kg",
  created_at: "2025-01-01T10:00:00.123456+00:00",
};
const validSet = {
  id: 1,
  session_id: 1,
  exercise_id: 1,
  exercise_slot_id: "6f1c2a4e-0b8d-4c3e-9a51-2d7e8f901234",
  position: 0,
  reps: 5,
  weight_kg: 102.5,
  rpe: 8.5,
  notes: null,
  created_at: "2025-01-01T10:00:00+00:00",
};

function problems(table: DumpTableName, row: Record<string, unknown>): string[] {
  const result = rowSchemaFor(table).safeParse(row);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join(".") || (i as { keys?: string[] }).keys?.join(",")}: ${i.message}`);
}

describe("dump row validation", () => {
  it("accepts rows as the export writes them", () => {
    expect(problems("users", validUser)).toEqual([]);
    expect(problems("session_sets", validSet)).toEqual([]);
  });

  it("accepts a row that leaves out columns with defaults or NULL (a dump from an older schema)", () => {
    expect(problems("users", { id: 2, email: "old@example.com" })).toEqual([]);
  });

  it.each([
    ["users", { ...validUser, email: "Ada@Example.com" }, "email: must be lower-case"],
    ["users", { ...validUser, role: "owner" }, "role:"],
    ["users", { ...validUser, id: undefined }, "id:"],
    ["users", { ...validUser, id: 1.5 }, "id:"],
    ["users", { ...validUser, created_at: "yesterday" }, "created_at:"],
    ["users", { ...validUser, name: "nul\u0000byte" }, "name: must not contain a NUL character"],
    ["users", { ...validUser, favourite_colour: "red" }, "favourite_colour:"],
    ["users", { id: 3 }, "email:"],
    ["users", { ...validUser, created_at: "0000-01-01T00:00:00+00:00" }, "created_at: year 0000 does not exist"],
    ["assessments", { id: 1, user_id: 1, equipment: ["full\u0000gym"] }, "equipment: must not contain a NUL character"],
    ["session_sets", { ...validSet, weight_kg: 10.125 }, "weight_kg: must have at most 2 decimal places"],
    ["session_sets", { ...validSet, weight_kg: 100000 }, "weight_kg: must be less than 100000"],
    ["session_sets", { ...validSet, reps: 40000 }, "reps:"],
    ["session_sets", { ...validSet, rpe: 11 }, "rpe: must be between 1 and 10"],
    ["exercises", { id: 1, name: "x".repeat(201), type: "barbell" }, "name:"],
    ["exercises", { id: 1, name: "Press", type: "barbell", difficulty: 4 }, "difficulty: must be 1, 2 or 3"],
    [
      "split_day_exercises",
      { id: 1, split_day_id: 1, exercise_id: 1, target_reps_min: 12, target_reps_max: 8 },
      "target_reps_max:",
    ],
    [
      "exercise_muscles",
      { exercise_id: 1, muscle_id: 1, activation_rating: 101 },
      "activation_rating: must be between 0 and 100",
    ],
    ["assessments", { id: 1, user_id: 1, age: 4 }, "age: must be between 5 and 120"],
  ] as const)("rejects a bad %s row (%s)", (table, row, expected) => {
    expect(problems(table, row as Record<string, unknown>).join("\n")).toContain(expected);
  });

  it("accepts any JSON in jsonb columns, since legacy equipment answers come in every shape", () => {
    for (const equipment of ["full_gym", ["basic_equipment", "full_gym"], { full_gym: true }, 42, null]) {
      expect(problems("assessments", { id: 1, user_id: 1, equipment })).toEqual([]);
    }
  });
});
