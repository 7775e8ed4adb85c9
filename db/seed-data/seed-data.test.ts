import { describe, expect, it } from "vitest";

import { EQUIPMENT_ITEMS, GYM_ONLY_EQUIPMENT, type EquipmentChoice } from "../../lib/equipment";
import { generateProgram } from "../../lib/training/program";
import { splitTemplateFor } from "../../lib/training/program-templates";
import { EXERCISE_TYPES, EXPERIENCE_LEVELS, TRAINING_GOALS } from "../../lib/training/types";
import { WEEKLY_SET_TARGETS } from "../../lib/training/volume";
import { EXERCISE_LIBRARY } from "./exercises";
import { MUSCLE_REGIONS, MUSCLES } from "./muscles";

const muscleNames = new Set<string>(MUSCLES.map((m) => m.name));
const knownEquipment = new Set<string>([...EQUIPMENT_ITEMS, ...GYM_ONLY_EQUIPMENT]);
const byName = (name: string) => EXERCISE_LIBRARY.find((e) => e.name === name)!;

describe("muscles", () => {
  it("have unique names and a known region", () => {
    expect(muscleNames.size).toBe(MUSCLES.length);
    for (const m of MUSCLES) expect(MUSCLE_REGIONS).toContain(m.region);
  });

  it("cover every region", () => {
    expect(new Set(MUSCLES.map((m) => m.region))).toEqual(new Set(MUSCLE_REGIONS));
  });

  it("are each worked by at least one exercise", () => {
    const worked = new Set<string>(EXERCISE_LIBRARY.flatMap((e) => e.muscles.map((m) => m.muscle)));
    expect([...muscleNames].filter((m) => !worked.has(m))).toEqual([]);
  });

  it("each have a weekly volume target, and every target is a muscle", () => {
    expect(new Set(Object.keys(WEEKLY_SET_TARGETS))).toEqual(muscleNames);
  });
});

describe("exercise library", () => {
  it("has at least 40 exercises, at least 15 of each original type and 6 of each newer one", () => {
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(40);
    for (const type of EXERCISE_TYPES) {
      const least = ["barbell", "dumbbell", "bodyweight"].includes(type) ? 15 : 6;
      expect(EXERCISE_LIBRARY.filter((e) => e.type === type).length, type).toBeGreaterThanOrEqual(least);
    }
  });

  it("has unique names (ignoring case) of at most 200 characters, trimmed", () => {
    const lower = EXERCISE_LIBRARY.map((e) => e.name.toLowerCase());
    expect(new Set(lower).size).toBe(EXERCISE_LIBRARY.length);
    for (const { name } of EXERCISE_LIBRARY) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(200);
      expect(name).toBe(name.trim());
    }
  });

  it("has a known type and a difficulty of 1-3 for every exercise", () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(EXERCISE_TYPES, e.name).toContain(e.type);
      expect([1, 2, 3], e.name).toContain(e.difficulty);
    }
  });

  it("rates only listed muscles, once each, with whole numbers from 0 to 100", () => {
    for (const e of EXERCISE_LIBRARY) {
      const names = e.muscles.map((m) => m.muscle);
      expect(new Set(names).size, e.name).toBe(names.length);
      for (const { muscle, activation } of e.muscles) {
        expect(muscleNames.has(muscle), `${e.name}: ${muscle}`).toBe(true);
        expect(Number.isInteger(activation), `${e.name}: ${muscle}`).toBe(true);
        expect(activation).toBeGreaterThanOrEqual(0);
        expect(activation).toBeLessThanOrEqual(100);
      }
    }
  });

  it("gives every exercise a prime mover rated 70-95, or 60+ for an easy (difficulty 1) regression", () => {
    for (const e of EXERCISE_LIBRARY) {
      const top = Math.max(...e.muscles.map((m) => m.activation));
      expect(top, e.name).toBeGreaterThanOrEqual(e.difficulty === 1 ? 60 : 70);
      expect(top, e.name).toBeLessThanOrEqual(95);
    }
    const lowIntensity = EXERCISE_LIBRARY.filter((e) => Math.max(...e.muscles.map((m) => m.activation)) < 70);
    expect(lowIntensity.length).toBeLessThanOrEqual(8);
  });

  it("names only known equipment, once each", () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(new Set(e.equipmentRequired).size, e.name).toBe(e.equipmentRequired.length);
      for (const item of e.equipmentRequired) expect(knownEquipment.has(item), `${e.name}: ${item}`).toBe(true);
    }
  });

  it("asks for the bar, the bells, the band or the machine the type implies", () => {
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "barbell"))
      expect(e.equipmentRequired, e.name).toContain("barbell");
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "dumbbell"))
      expect(e.equipmentRequired, e.name).toContain("dumbbells");
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "kettlebell"))
      expect(e.equipmentRequired, e.name).toContain("kettlebells");
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "band"))
      expect(e.equipmentRequired, e.name).toContain("resistance_bands");
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "cable"))
      expect(e.equipmentRequired, e.name).toContain("cable_machine");
    for (const e of EXERCISE_LIBRARY.filter((x) => x.type === "machine")) {
      expect(
        e.equipmentRequired.some((item) => ["leg_press", "lat_pulldown_machine", "smith_machine"].includes(item)),
        e.name,
      ).toBe(true);
    }
  });

  it("asks for the apparatus bodyweight exercises hang or push from", () => {
    expect(byName("Pull-Up").equipmentRequired).toEqual(["pull_up_bar"]);
    expect(byName("Chin-Up").equipmentRequired).toEqual(["pull_up_bar"]);
    expect(byName("Parallel Bar Dip").equipmentRequired).toEqual(["dip_station"]);
    expect(byName("Push-Up").equipmentRequired).toEqual([]);
    expect(
      EXERCISE_LIBRARY.filter((e) => e.type === "bodyweight" && e.equipmentRequired.length === 0).length,
    ).toBeGreaterThanOrEqual(15);
  });

  it("gives every exercise a short coaching cue", () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(e.notes.trim().length, e.name).toBeGreaterThan(10);
      expect(e.notes.length, e.name).toBeLessThanOrEqual(200);
    }
  });

  it("contains the lifts the demo history in db/seed.ts logs", () => {
    const names = new Set(EXERCISE_LIBRARY.map((e) => e.name.toLowerCase()));
    for (const name of [
      "Barbell Bench Press",
      "Barbell Bent-Over Row",
      "Overhead Press",
      "Pull-Up",
      "Barbell Back Squat",
      "Romanian Deadlift",
      "Dumbbell Walking Lunge",
      "Plank",
    ]) {
      expect(names.has(name.toLowerCase()), name).toBe(true);
    }
  });
});

describe("enough exercises to build every program template", () => {
  const library = EXERCISE_LIBRARY.map((e, i) => ({ ...e, id: i + 1 }));
  const profiles: [string, EquipmentChoice, string[]][] = [
    ["no equipment", "no_equipment", []],
    ["basic (dumbbells, bench, pull-up bar)", "basic_equipment", ["dumbbells", "bench", "pull_up_bar"]],
    ["full gym", "full_gym", []],
  ];
  const answers = (equipment: EquipmentChoice, equipmentItems: string[]) =>
    EXPERIENCE_LEVELS.flatMap((experienceLevel) =>
      TRAINING_GOALS.flatMap((goal) =>
        [1, 2, 3, 4, 5, 6, 7].map((daysPerWeek) => ({ equipment, equipmentItems, experienceLevel, goal, daysPerWeek })),
      ),
    );

  it.each(profiles)(
    "gives %s at least four exercises every day, whatever the level, goal and days",
    (_label, equipment, items) => {
      for (const a of answers(equipment, items)) {
        for (const day of generateProgram(a, library).days) {
          expect(day.exercises.length, `${day.name} for ${JSON.stringify(a)}`).toBeGreaterThanOrEqual(4);
        }
      }
    },
  );

  it.each(profiles.slice(1))("fills every slot of every day for %s", (_label, equipment, items) => {
    for (const a of answers(equipment, items)) {
      const program = generateProgram(a, library);
      const template = splitTemplateFor(a.daysPerWeek);
      program.days.forEach((day, i) =>
        expect(day.exercises.length, `${day.name} for ${JSON.stringify(a)}`).toBe(template.days[i].slots.length),
      );
      expect(program.notes.join(" ")).not.toMatch(/Nothing in the library fits/);
    }
  });

  it("trains every main movement pattern each week with no equipment", () => {
    for (const a of answers("no_equipment", [])) {
      const program = generateProgram(a, library);
      const template = splitTemplateFor(a.daysPerWeek);
      const wanted = new Set(template.days.flatMap((d) => d.slots.filter((s) => s.role === "compound").map((s) => s.label)));
      const trained = new Set(program.days.flatMap((d) => d.exercises.map((e) => e.why.split(":")[0])));
      for (const label of wanted) expect(trained.has(label), `${label} for ${JSON.stringify(a)}`).toBe(true);
    }
  });
});
