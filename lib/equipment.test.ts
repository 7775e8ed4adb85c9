import { describe, expect, it } from "vitest";
import { canPerformWith, isEquipmentChoice, requirementNamesSatisfiedBy } from "./equipment";

describe("canPerformWith", () => {
  it.each([
    ["no_equipment", [], [], true],
    ["no_equipment", [], ["dumbbells"], false],
    ["basic_equipment", ["dumbbells", "bench"], ["dumbbells", "bench"], true],
    ["basic_equipment", ["dumbbells"], ["dumbbells", "bench"], false],
    ["basic_equipment", ["dumbbells"], [], true],
    ["full_gym", [], ["cable_machine"], true],
    // Backfilled from the exercise type, as the old system did (docs/operator-guide.md, "Exercise backfill"):
    ["no_equipment", [], ["bodyweight"], true],
    ["basic_equipment", ["dumbbells"], ["dumbbell"], true],
    ["basic_equipment", ["bench"], ["barbell"], false],
  ] as const)("%s owning %j can do an exercise needing %j: %s", (choice, owned, required, expected) => {
    expect(canPerformWith(choice, owned, required)).toBe(expected);
  });
});

describe("isEquipmentChoice", () => {
  it("accepts exactly the three names, case-sensitive", () => {
    expect(isEquipmentChoice("full_gym")).toBe(true);
    expect(isEquipmentChoice("Full_Gym")).toBe(false);
    expect(isEquipmentChoice(" full_gym")).toBe(false);
    expect(isEquipmentChoice(["full_gym"])).toBe(false);
  });
});

describe("requirementNamesSatisfiedBy", () => {
  it("includes the owned items, the aliases they satisfy, and what needs nothing", () => {
    expect(requirementNamesSatisfiedBy(["dumbbells", "bench"]).sort()).toEqual(["bench", "bodyweight", "dumbbell", "dumbbells"]);
    expect(requirementNamesSatisfiedBy([])).toEqual(["bodyweight"]);
  });
});
