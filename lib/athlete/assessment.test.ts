import { describe, expect, it } from "vitest";
import {
  assessmentSchema,
  equipmentAnswerSchema,
  equipmentPrefill,
  ITEMS_REQUIRED_MESSAGE,
  programAnswersFromAssessment,
} from "./assessment";

const form = {
  sport: "  Rowing ",
  age: "31",
  experienceLevel: "intermediate",
  goal: "strength",
  daysPerWeek: "4",
  equipment: "full_gym",
};

describe("assessmentSchema", () => {
  it("accepts the form's strings and coerces the numbers", () => {
    const parsed = assessmentSchema.parse(form);
    expect(parsed).toEqual({
      sport: "Rowing",
      age: 31,
      experienceLevel: "intermediate",
      goal: "strength",
      daysPerWeek: 4,
      equipment: "full_gym",
      items: [],
    });
  });

  it("requires at least one item with basic equipment, on the items field", () => {
    const result = assessmentSchema.safeParse({ ...form, equipment: "basic_equipment" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["items"], message: ITEMS_REQUIRED_MESSAGE })]);
  });

  it("takes one ticked item as a string and several as an array", () => {
    expect(assessmentSchema.parse({ ...form, equipment: "basic_equipment", items: "dumbbells" }).items).toEqual(["dumbbells"]);
    expect(
      assessmentSchema.parse({ ...form, equipment: "basic_equipment", items: ["pull_up_bar", "bench", "bench"] }).items,
    ).toEqual(["bench", "pull_up_bar"]);
  });

  it("stores no items for no equipment or a full gym", () => {
    expect(assessmentSchema.parse({ ...form, equipment: "no_equipment", items: ["dumbbells"] }).items).toEqual([]);
  });

  it("refuses unknown items, equipment and out-of-range numbers", () => {
    expect(assessmentSchema.safeParse({ ...form, equipment: "basic_equipment", items: ["treadmill"] }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...form, equipment: "home_gym" }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...form, daysPerWeek: "7" }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...form, age: "abc" }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...form, sport: "   " }).success).toBe(false);
  });
});

describe("equipmentAnswerSchema", () => {
  it("validates the re-assessment form alone", () => {
    expect(equipmentAnswerSchema.parse({ equipment: "basic_equipment", items: "kettlebells" })).toEqual({
      equipment: "basic_equipment",
      items: ["kettlebells"],
    });
    expect(equipmentAnswerSchema.safeParse({ equipment: "basic_equipment" }).success).toBe(false);
  });
});

describe("equipmentPrefill", () => {
  it.each([
    ["full_gym", "full_gym"],
    [["no_equipment", "basic_equipment"], "basic_equipment"],
    [["basic_equipment", "full_gym"], "full_gym"],
    [["full_gym", "treadmill"], "full_gym"],
    ["home_gym", null],
    [[], null],
    [42, null],
    [null, null],
  ])("pre-selects the highest valid choice of %j", (equipment, expected) => {
    expect(equipmentPrefill(equipment, []).equipment).toBe(expected);
  });

  it("keeps the known items and drops the rest", () => {
    expect(equipmentPrefill("basic_equipment", ["pull_up_bar", "treadmill", "dumbbells"]).items).toEqual([
      "dumbbells",
      "pull_up_bar",
    ]);
    expect(equipmentPrefill("basic_equipment", "dumbbells").items).toEqual(["dumbbells"]);
    expect(equipmentPrefill("basic_equipment", null).items).toEqual([]);
  });
});

describe("programAnswersFromAssessment", () => {
  it("fills the answers a legacy row lacks with the safest program", () => {
    expect(
      programAnswersFromAssessment({
        experienceLevel: null,
        goal: null,
        daysPerWeek: null,
        equipment: ["basic_equipment"],
        equipmentItems: ["dumbbells"],
      }),
    ).toEqual({
      experienceLevel: "beginner",
      goal: "general_fitness",
      daysPerWeek: 3,
      equipment: "basic_equipment",
      items: ["dumbbells"],
    });
  });

  it("clamps days per week to the templates' range", () => {
    const row = { experienceLevel: "advanced" as const, goal: "strength" as const, equipment: "full_gym", equipmentItems: [] };
    expect(programAnswersFromAssessment({ ...row, daysPerWeek: 7 }).daysPerWeek).toBe(6);
    expect(programAnswersFromAssessment({ ...row, daysPerWeek: 1 }).daysPerWeek).toBe(2);
  });
});
