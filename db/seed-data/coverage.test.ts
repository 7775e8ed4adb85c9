import { describe, expect, it } from "vitest";
import { EQUIPMENT_ITEMS, GYM_ONLY_EQUIPMENT, normalizedRequirements } from "../../lib/equipment";
import { generateProgram } from "../../lib/training/program";
import { EXERCISE_LIBRARY } from "./exercises";

// The library covers every piece of equipment the app names: onboarding's items and the gym's machines.
const library = EXERCISE_LIBRARY.map((e, i) => ({ ...e, id: i + 1 }));
const needs = (item: string) => library.filter((e) => normalizedRequirements(e.equipmentRequired).includes(item));

describe("library coverage", () => {
  it.each([...EQUIPMENT_ITEMS, ...GYM_ONLY_EQUIPMENT])("has at least six exercises that need %s", (item) => {
    expect(needs(item).length).toBeGreaterThanOrEqual(6);
  });

  // A gym machine is not an onboarding item; listing it alone is the sharpest test that the
  // generator prefers what the athlete has over an all-bodyweight week.
  it.each([...EQUIPMENT_ITEMS, ...GYM_ONLY_EQUIPMENT])("puts %s into the program of an athlete who owns only that", (item) => {
    for (const experienceLevel of ["beginner", "intermediate", "advanced"] as const) {
      for (const daysPerWeek of [2, 3, 4, 6]) {
        const program = generateProgram(
          { daysPerWeek, experienceLevel, goal: "hypertrophy", equipment: "basic_equipment", equipmentItems: [item] },
          library,
        );
        const ids = new Set(needs(item).map((e) => e.id));
        const used = program.days.flatMap((d) => d.exercises).filter((e) => ids.has(e.exerciseId));
        expect(used.length, `${item}, ${experienceLevel}, ${daysPerWeek} days`).toBeGreaterThan(0);
      }
    }
  });

  it("gives timed exercises their targets in seconds", () => {
    const program = generateProgram(
      {
        daysPerWeek: 3,
        experienceLevel: "beginner",
        goal: "hypertrophy",
        equipment: "basic_equipment",
        equipmentItems: ["jump_rope"],
      },
      library,
    );
    const timed = program.days
      .flatMap((d) => d.exercises)
      .filter((e) => library.find((x) => x.id === e.exerciseId)!.measure === "time");
    expect(timed.length).toBeGreaterThan(0);
    for (const e of timed) expect([e.targetRepsMin, e.targetRepsMax], e.name).toEqual([30, 60]);
  });

  it("gives an athlete with kettlebells and bands a program that uses both", () => {
    const program = generateProgram(
      {
        daysPerWeek: 3,
        experienceLevel: "intermediate",
        goal: "general_fitness",
        equipment: "basic_equipment",
        equipmentItems: ["kettlebells", "resistance_bands"],
      },
      library,
    );
    const types = program.days.flatMap((d) => d.exercises).map((e) => library.find((x) => x.id === e.exerciseId)!.type);
    expect(types).toContain("kettlebell");
    expect(types).toContain("band");
  });
});
