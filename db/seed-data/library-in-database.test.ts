import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { exerciseMuscles, exercises, muscles } from "../schema";
import { canPerformWith } from "../../lib/equipment";
import { generateProgram, type ProgramExerciseCandidate } from "../../lib/training/program";
import { EXERCISE_LIBRARY } from "./exercises";
import { MUSCLES } from "./muscles";

// The library must satisfy the database's own rules (name length and uniqueness, difficulty and
// rating CHECKs, the type enum), and work for program generation once read back from it.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await db.transaction(async (tx) => {
    const muscleRows = await tx
      .insert(muscles)
      .values(MUSCLES.map((m) => ({ name: m.name, region: m.region })))
      .returning();
    const muscleId = new Map(muscleRows.map((m) => [m.name, m.id]));
    const exerciseRows = await tx
      .insert(exercises)
      .values(
        EXERCISE_LIBRARY.map((e) => ({
          name: e.name,
          type: e.type,
          difficulty: e.difficulty,
          equipmentRequired: [...e.equipmentRequired],
          notes: e.notes,
        })),
      )
      .returning({ id: exercises.id, name: exercises.name });
    const exerciseId = new Map(exerciseRows.map((e) => [e.name, e.id]));
    await tx.insert(exerciseMuscles).values(
      EXERCISE_LIBRARY.flatMap((e) =>
        e.muscles.map((m) => ({
          exerciseId: exerciseId.get(e.name)!,
          muscleId: muscleId.get(m.muscle)!,
          activationRating: m.activation,
        })),
      ),
    );
  });
});
afterAll(async () => {
  await database?.drop();
});

/** The library as the app reads it: exercises with their equipment list and muscle ratings. */
async function loadLibrary(): Promise<ProgramExerciseCandidate[]> {
  const rows = await database.db
    .select({
      id: exercises.id,
      name: exercises.name,
      type: exercises.type,
      difficulty: exercises.difficulty,
      equipmentRequired: exercises.equipmentRequired,
      muscle: muscles.name,
      activation: exerciseMuscles.activationRating,
    })
    .from(exercises)
    .innerJoin(exerciseMuscles, eq(exerciseMuscles.exerciseId, exercises.id))
    .innerJoin(muscles, eq(muscles.id, exerciseMuscles.muscleId));
  const byId = new Map<number, ProgramExerciseCandidate>();
  for (const row of rows) {
    let exercise = byId.get(row.id);
    if (!exercise) {
      const equipment = Array.isArray(row.equipmentRequired)
        ? row.equipmentRequired.filter((x): x is string => typeof x === "string")
        : [];
      exercise = {
        id: row.id,
        name: row.name,
        type: row.type,
        difficulty: row.difficulty,
        equipmentRequired: equipment,
        muscles: [],
      };
      byId.set(row.id, exercise);
    }
    exercise.muscles = [...exercise.muscles, { muscle: row.muscle, activation: row.activation }];
  }
  return [...byId.values()];
}

describe("the built-in library in the database", () => {
  it("is stored whole: every exercise, muscle and rating", async () => {
    expect(await database.db.$count(exercises)).toBe(EXERCISE_LIBRARY.length);
    expect(await database.db.$count(muscles)).toBe(MUSCLES.length);
    expect(await database.db.$count(exerciseMuscles)).toBe(EXERCISE_LIBRARY.reduce((n, e) => n + e.muscles.length, 0));
  });

  it("keeps equipment lists as jsonb arrays of item names", async () => {
    const [pullUp] = await database.db.select().from(exercises).where(eq(exercises.name, "Pull-Up"));
    expect(pullUp.equipmentRequired).toEqual(["pull_up_bar"]);
    expect(pullUp.createdBy).toBeNull();
  });

  it("generates a program from the rows read back, using only allowed equipment", async () => {
    const library = await loadLibrary();
    const items = ["dumbbells", "bench", "pull_up_bar"];
    const program = generateProgram(
      {
        daysPerWeek: 4,
        experienceLevel: "intermediate",
        goal: "hypertrophy",
        equipment: "basic_equipment",
        equipmentItems: items,
      },
      library,
    );
    const ids = new Map(library.map((e) => [e.id, e]));
    const chosen = program.days.flatMap((d) => d.exercises);
    expect(chosen.length).toBeGreaterThanOrEqual(20);
    for (const e of chosen)
      expect(canPerformWith("basic_equipment", items, ids.get(e.exerciseId)!.equipmentRequired), e.name).toBe(true);
  });

  it("generates the same program whatever order the database returns rows in", async () => {
    const library = await loadLibrary();
    const answers = {
      daysPerWeek: 6,
      experienceLevel: "advanced",
      goal: "strength",
      equipment: "full_gym",
      equipmentItems: [],
    } as const;
    expect(generateProgram(answers, [...library].reverse())).toEqual(generateProgram(answers, library));
  });
});
