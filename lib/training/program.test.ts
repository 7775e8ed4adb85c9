import { describe, expect, it } from "vitest";
import { EXERCISE_LIBRARY } from "@/db/seed-data/exercises";
import type { EquipmentChoice } from "@/lib/equipment";
import { generateProgram, type ProgramAssessment, type ProgramExerciseCandidate } from "./program";
import { DIFFICULTY_CAP } from "./program-templates";
import { EXPERIENCE_LEVELS, TRAINING_GOALS, type ExperienceLevel } from "./types";

// The built-in library with ids, as the app loads it from the database.
const LIBRARY: ProgramExerciseCandidate[] = EXERCISE_LIBRARY.map((e, i) => ({ ...e, id: 101 + i }));
const byId = new Map(LIBRARY.map((e) => [e.id, e]));

const assessment = (overrides: Partial<ProgramAssessment> = {}): ProgramAssessment => ({
  daysPerWeek: 3,
  experienceLevel: "intermediate",
  goal: "hypertrophy",
  equipment: "full_gym",
  equipmentItems: [],
  ...overrides,
});

const programExercises = (a: ProgramAssessment, exercises = LIBRARY) =>
  generateProgram(a, exercises).days.flatMap((d) => d.exercises);

const BASIC_ITEMS = ["dumbbells", "bench", "pull_up_bar"];
const EQUIPMENT_PROFILES: [EquipmentChoice, string[]][] = [
  ["no_equipment", []],
  ["basic_equipment", BASIC_ITEMS],
  ["basic_equipment", ["dumbbells"]],
  ["basic_equipment", ["barbell", "squat_rack", "bench"]],
  ["full_gym", []],
];

/** Every combination of answers, for properties that must hold whatever the athlete chose. */
const everyAnswer: ProgramAssessment[] = EQUIPMENT_PROFILES.flatMap(([equipment, equipmentItems]) =>
  EXPERIENCE_LEVELS.flatMap((experienceLevel) =>
    TRAINING_GOALS.flatMap((goal) =>
      [1, 2, 3, 4, 5, 6, 7].map((daysPerWeek) => ({ equipment, equipmentItems, experienceLevel, goal, daysPerWeek })),
    ),
  ),
);

/** A small exercise for targeted tests: one muscle list, no equipment unless given. */
function exercise(
  id: number,
  name: string,
  muscles: Record<string, number>,
  extra: Partial<ProgramExerciseCandidate> = {},
): ProgramExerciseCandidate {
  return {
    id,
    name,
    type: "bodyweight",
    difficulty: 1,
    equipmentRequired: [],
    muscles: Object.entries(muscles).map(([muscle, activation]) => ({ muscle, activation })),
    ...extra,
  };
}

const SQUAT_MUSCLES = { Quadriceps: 85, "Gluteus maximus": 70 };

describe("generateProgram: split by days per week", () => {
  it.each([
    [1, ["Full body"]],
    [2, ["Full body A", "Full body B"]],
    [3, ["Full body A", "Full body B", "Full body C"]],
    [4, ["Upper A", "Lower A", "Upper B", "Lower B"]],
    [5, ["Push A", "Pull A", "Legs A", "Push B", "Pull B"]],
    [6, ["Push A", "Pull A", "Legs A", "Push B", "Pull B", "Legs B"]],
    [7, ["Push A", "Pull A", "Legs A", "Push B", "Pull B", "Legs B"]],
  ])("%d days a week gives %j", (daysPerWeek, dayNames) => {
    const program = generateProgram(assessment({ daysPerWeek }), LIBRARY);
    expect(program.days.map((d) => d.name)).toEqual(dayNames);
    for (const day of program.days) expect(day.exercises.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    [1, "Full body, 1 day a week, for muscle growth"],
    [3, "Full body, 3 days a week, for muscle growth"],
    [4, "Upper/lower, 4 days a week, for muscle growth"],
    [6, "Push/pull/legs, 6 days a week, for muscle growth"],
  ])("names the %d-day program after its split", (daysPerWeek, name) => {
    expect(generateProgram(assessment({ daysPerWeek }), LIBRARY).name).toBe(name);
  });

  it("makes seven days the six-day rotation plus a rest day, and says so", () => {
    const program = generateProgram(assessment({ daysPerWeek: 7 }), LIBRARY);
    expect(program.days).toHaveLength(6);
    expect(program.notes.join(" ")).toMatch(/seventh day as rest/);
  });

  it("explains that five days train legs once", () => {
    expect(generateProgram(assessment({ daysPerWeek: 5 }), LIBRARY).notes.join(" ")).toMatch(/legs once/);
  });

  it("clamps days outside 1-7 and refuses a non-number", () => {
    expect(generateProgram(assessment({ daysPerWeek: 0 }), LIBRARY).days).toHaveLength(1);
    expect(generateProgram(assessment({ daysPerWeek: 12 }), LIBRARY).days).toHaveLength(6);
    expect(() => generateProgram(assessment({ daysPerWeek: Number.NaN }), LIBRARY)).toThrow(RangeError);
  });

  it("trains every major pattern across a week", () => {
    const program = generateProgram(assessment({ daysPerWeek: 4 }), LIBRARY);
    const why = program.days.flatMap((d) => d.exercises.map((e) => e.why.split(":")[0]));
    expect(new Set(why)).toEqual(
      new Set([
        "Horizontal push",
        "Horizontal pull",
        "Vertical push",
        "Vertical pull",
        "Biceps",
        "Triceps",
        "Squat",
        "Hip hinge",
        "Single-leg",
        "Calves",
        "Core",
        "Glutes",
        "Side delts",
        "Rear delts",
      ]),
    );
  });
});

describe("generateProgram: equipment", () => {
  it("uses only exercises that need no equipment for no_equipment, whatever the other answers", () => {
    for (const a of everyAnswer.filter((x) => x.equipment === "no_equipment")) {
      for (const e of programExercises(a)) expect(byId.get(e.exerciseId)!.equipmentRequired, e.name).toEqual([]);
    }
  });

  it("uses only owned items for basic_equipment, whatever the other answers", () => {
    for (const a of everyAnswer.filter((x) => x.equipment === "basic_equipment")) {
      for (const e of programExercises(a)) {
        for (const item of byId.get(e.exerciseId)!.equipmentRequired)
          expect(a.equipmentItems, `${e.name} needs ${item}`).toContain(item);
      }
    }
  });

  it("uses the owned equipment, not only bodyweight, for basic_equipment", () => {
    const used = programExercises(assessment({ equipment: "basic_equipment", equipmentItems: BASIC_ITEMS, daysPerWeek: 4 }));
    const items = new Set(used.flatMap((e) => byId.get(e.exerciseId)!.equipmentRequired));
    expect([...items].sort()).toEqual(["bench", "dumbbells", "pull_up_bar"]);
  });

  it("treats basic_equipment with no items like no equipment", () => {
    const none = generateProgram(assessment({ equipment: "no_equipment" }), LIBRARY);
    const basicEmpty = generateProgram(assessment({ equipment: "basic_equipment", equipmentItems: [] }), LIBRARY);
    expect(basicEmpty.days).toEqual(none.days);
  });

  it("gives a full gym barbell lifts", () => {
    const types = programExercises(assessment({ equipment: "full_gym", daysPerWeek: 4 })).map(
      (e) => byId.get(e.exerciseId)!.type,
    );
    expect(types).toContain("barbell");
  });

  it("leaves out a slot nothing fits, and says which", () => {
    const program = generateProgram(assessment({ equipment: "no_equipment", daysPerWeek: 4 }), LIBRARY);
    expect(program.notes.join(" ")).toMatch(/Nothing in the library fits your equipment for: biceps\./);
    expect(program.days.flatMap((d) => d.exercises).some((e) => e.why.startsWith("Biceps"))).toBe(false);
  });

  it("builds empty days, with a note, from an empty library", () => {
    const program = generateProgram(assessment(), []);
    expect(program.days.every((d) => d.exercises.length === 0)).toBe(true);
    expect(program.notes.join(" ")).toMatch(/Nothing in the library fits/);
  });
});

describe("generateProgram: difficulty", () => {
  it.each(EXPERIENCE_LEVELS)(
    "keeps %s athletes at their level, one step above only where nothing easier fits (and says so)",
    (level: ExperienceLevel) => {
      const cap = DIFFICULTY_CAP[level];
      for (const a of everyAnswer.filter((x) => x.experienceLevel === level)) {
        for (const e of programExercises(a)) {
          const difficulty = byId.get(e.exerciseId)!.difficulty!;
          expect(difficulty, e.name).toBeLessThanOrEqual(cap + 1);
          expect(e.why.includes("A step above your level"), e.name).toBe(difficulty > cap);
        }
      }
    },
  );

  it("gives beginners with a full gym only difficulty-1 exercises", () => {
    const difficulties = programExercises(assessment({ experienceLevel: "beginner", daysPerWeek: 6 })).map(
      (e) => byId.get(e.exerciseId)!.difficulty,
    );
    expect(new Set(difficulties)).toEqual(new Set([1]));
  });

  it("prefers exercises at the level's difficulty for intermediates", () => {
    const squat = [
      exercise(1, "Easy squat", SQUAT_MUSCLES, { difficulty: 1 }),
      exercise(2, "Harder squat", SQUAT_MUSCLES, { difficulty: 2 }),
    ];
    const [first] = programExercises(assessment({ daysPerWeek: 1 }), squat);
    expect(first.name).toBe("Harder squat");
  });

  it("falls back one level up for a beginner, and no further", () => {
    const onlyLevel2 = [exercise(1, "Squat", SQUAT_MUSCLES, { difficulty: 2 })];
    expect(programExercises(assessment({ experienceLevel: "beginner", daysPerWeek: 1 }), onlyLevel2)[0].why).toMatch(
      /A step above your level/,
    );
    const onlyLevel3 = [exercise(1, "Squat", SQUAT_MUSCLES, { difficulty: 3 })];
    const program = generateProgram(assessment({ experienceLevel: "beginner", daysPerWeek: 1 }), onlyLevel3);
    expect(program.days[0].exercises).toEqual([]);
    expect(program.notes.join(" ")).toMatch(/squat/);
  });

  it("treats an exercise with no difficulty (legacy rows) as difficulty 2", () => {
    const legacy = [exercise(1, "Legacy squat", SQUAT_MUSCLES, { difficulty: null })];
    expect(programExercises(assessment({ experienceLevel: "intermediate", daysPerWeek: 1 }), legacy)[0].why).not.toMatch(
      /above your level/,
    );
    expect(programExercises(assessment({ experienceLevel: "beginner", daysPerWeek: 1 }), legacy)[0].why).toMatch(
      /above your level/,
    );
  });
});

describe("generateProgram: sets, reps and why", () => {
  const mainLift = (a: Partial<ProgramAssessment>) => programExercises(assessment({ daysPerWeek: 4, ...a }))[0];
  const accessory = (a: Partial<ProgramAssessment>) =>
    programExercises(assessment({ daysPerWeek: 4, ...a })).find((e) => e.why.startsWith("Biceps"))!;
  const scheme = (e: { targetSets: number; targetRepsMin: number; targetRepsMax: number }) =>
    `${e.targetSets}×${e.targetRepsMin}-${e.targetRepsMax}`;

  it.each([
    ["strength", "5×3-5", "3×6-10"],
    ["hypertrophy", "4×8-12", "3×10-15"],
    ["endurance", "3×15-20", "2×15-20"],
    ["general_fitness", "3×8-12", "2×12-15"],
  ] as const)("sets %s main lifts at %s and accessories at %s", (goal, main, acc) => {
    expect(scheme(mainLift({ goal }))).toBe(main);
    expect(scheme(accessory({ goal }))).toBe(acc);
  });

  it("gives beginners at most three sets of a main lift", () => {
    expect(scheme(mainLift({ goal: "strength", experienceLevel: "beginner" }))).toBe("3×3-5");
    expect(scheme(mainLift({ goal: "hypertrophy", experienceLevel: "beginner" }))).toBe("3×8-12");
  });

  it("gives bodyweight main lifts 5-10 reps for strength, since no plates can be added", () => {
    expect(scheme(mainLift({ goal: "strength", equipment: "no_equipment" }))).toBe("5×5-10");
  });

  it("explains each choice with the slot and the top muscles it trains", () => {
    const bench = mainLift({});
    expect(bench.name).toBe("Barbell Bench Press");
    expect(bench.why).toBe("Horizontal push: works Pectoralis major (90), Anterior deltoid (70) and Triceps brachii (70).");
  });

  it("says when an exercise only works the slot's muscles as a secondary mover", () => {
    const row = programExercises(assessment({ equipment: "no_equipment", daysPerWeek: 4 })).find((e) =>
      e.why.startsWith("Vertical pull"),
    );
    expect(row?.why).toMatch(/closest option your equipment allows/);
  });
});

describe("generateProgram: choices", () => {
  it("never repeats an exercise within a day", () => {
    for (const a of everyAnswer) {
      for (const day of generateProgram(a, LIBRARY).days) {
        const ids = day.exercises.map((e) => e.exerciseId);
        expect(new Set(ids).size, `${day.name} ${JSON.stringify(a)}`).toBe(ids.length);
      }
    }
  });

  it("varies the exercises between days of the same kind", () => {
    const program = generateProgram(assessment({ daysPerWeek: 6, goal: "hypertrophy" }), LIBRARY);
    const pushA = program.days[0].exercises[0].name;
    const pushB = program.days[3].exercises[0].name;
    expect(pushA).not.toBe(pushB);
  });

  it("repeats the main lifts of a strength program, as strength is specific to the lift", () => {
    const program = generateProgram(assessment({ daysPerWeek: 6, goal: "strength" }), LIBRARY);
    expect(program.days[3].exercises[0].name).toBe(program.days[0].exercises[0].name);
  });

  it("does not vary into a clearly worse exercise", () => {
    // Only one good row: Upper B repeats it rather than taking a weak substitute.
    const exercises = [
      exercise(1, "Good row", { Rhomboids: 85, Trapezius: 70 }),
      exercise(2, "Weak row", { Rhomboids: 60, Trapezius: 55 }),
    ];
    const rows = generateProgram(assessment({ daysPerWeek: 4 }), exercises).days.flatMap((d) =>
      d.exercises.filter((e) => e.why.startsWith("Horizontal pull")),
    );
    expect(rows.map((r) => r.name)).toEqual(["Good row", "Good row"]);
  });

  it("breaks ties by name", () => {
    const twins = [exercise(2, "Squat B", SQUAT_MUSCLES), exercise(1, "Squat A", SQUAT_MUSCLES)];
    expect(programExercises(assessment({ daysPerWeek: 1 }), twins)[0].name).toBe("Squat A");
  });
});

describe("generateProgram: determinism", () => {
  it("gives the same program for the same answers", () => {
    for (const a of everyAnswer.filter((_, i) => i % 7 === 0)) {
      expect(generateProgram(a, LIBRARY)).toEqual(generateProgram({ ...a }, LIBRARY));
    }
  });

  it("does not depend on the order the exercises come in", () => {
    const reversed = [...LIBRARY].reverse();
    const shuffled = [...LIBRARY].sort((a, b) => ((a.id * 7919) % 97) - ((b.id * 7919) % 97));
    for (const a of everyAnswer.filter((_, i) => i % 5 === 0)) {
      const program = generateProgram(a, LIBRARY);
      expect(generateProgram(a, reversed)).toEqual(program);
      expect(generateProgram(a, shuffled)).toEqual(program);
    }
  });
});
