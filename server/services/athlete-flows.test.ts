/** The athlete's data layer end to end, on a fresh database with the built-in library. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { assessments, exercises, splits, users, workoutSessions } from "@/db/schema";
import { canPerformWith } from "@/lib/equipment";
import { assessmentSchema, equipmentAnswerSchema } from "@/lib/athlete/assessment";
import { customExerciseSchema } from "@/lib/athlete/custom-exercise";
import { parseExerciseFilters, EXERCISES_PER_PAGE } from "@/lib/athlete/exercise-filters";
import { logSets } from "@/test/session-saves";
import { asStringList, getExercise, listExercises, listMuscles } from "@/server/queries/exercises";
import { regenerateProgram, saveAssessment, saveEquipmentReassessment } from "./program";
import {
  addDayExercise,
  addSplitDay,
  copySplit,
  createSplit,
  deleteSplit,
  moveDayExercise,
  moveSplit,
  moveSplitDay,
  removeDayExercise,
  renameSplit,
  updateDayExercise,
} from "./splits";
import { deleteSession, startSession } from "./sessions";
import { recentRecords, recordsInSession, weeklyVolume } from "@/server/queries/training-progress";
import {
  getSession,
  listSessions,
  listSessionsInProgress,
  loggingContext,
  nextWorkout,
  sessionsBetween,
} from "@/server/queries/sessions";
import { getGeneratedProgram, getSplit, listSplits } from "@/server/queries/splits";
import { createCustomExercise, EXERCISE_NAME_TAKEN } from "./custom-exercises";

let database: TestDatabase;
let library: Map<string, number>;
let userId: number;
const answers = assessmentSchema.parse({
  sport: "Climbing",
  age: "28",
  experienceLevel: "beginner",
  goal: "hypertrophy",
  daysPerWeek: "3",
  equipment: "basic_equipment",
  items: ["dumbbells", "pull_up_bar"],
});

beforeAll(async () => {
  database = await createTestDatabase();
  library = await seedExerciseLibrary(database.db);
  [{ id: userId }] = await database.db
    .insert(users)
    .values({ email: "flow@example.com", weightUnit: "lb" })
    .returning({ id: users.id });
});
afterAll(async () => {
  await database?.drop();
});

async function equipmentOf(exerciseId: number): Promise<string[]> {
  const [row] = await database.db.select({ e: exercises.equipmentRequired }).from(exercises).where(eq(exercises.id, exerciseId));
  return asStringList(row.e);
}

describe("the assessment and the generated program", () => {
  it("saves the answers and builds a program that uses only the equipment owned", async () => {
    await saveAssessment(database.db, userId, answers);
    const [stored] = await database.db.select().from(assessments).where(eq(assessments.userId, userId));
    expect(stored).toMatchObject({ equipment: "basic_equipment", equipmentItems: ["dumbbells", "pull_up_bar"], daysPerWeek: 3 });
    const program = await getGeneratedProgram(database.db, userId);
    expect(program?.source).toBe("generated");
    expect(program?.days.map((d) => d.name)).toEqual(["Full body A", "Full body B", "Full body C"]);
    const used = program!.days.flatMap((d) => d.exercises);
    expect(used.length).toBeGreaterThan(6);
    for (const item of used) {
      expect(canPerformWith("basic_equipment", answers.items, await equipmentOf(item.exerciseId))).toBe(true);
      expect(item.note).toMatch(/works/);
    }
  });

  it("replaces the generated program rather than adding another", async () => {
    await saveAssessment(database.db, userId, { ...answers, daysPerWeek: 4 });
    await regenerateProgram(database.db, userId);
    const generated = await listSplits(database.db, userId, "generated");
    expect(generated).toHaveLength(1);
    expect(generated[0].dayCount).toBe(4);
  });

  it("says whether regenerating changed the program: the same answers give the same program", async () => {
    await saveAssessment(database.db, userId, { ...answers, daysPerWeek: 3 });
    expect((await regenerateProgram(database.db, userId)).changed).toBe(false);
    await database.db.update(assessments).set({ daysPerWeek: 4 }).where(eq(assessments.userId, userId));
    expect((await regenerateProgram(database.db, userId)).changed).toBe(true);
  });

  it("re-assessment clears the flag, keeps the other answers and rebuilds the program", async () => {
    const before = new Date(Date.now() - 60_000);
    await database.db
      .update(assessments)
      .set({
        needsReassessment: true,
        reassessmentReason: "Basic equipment without specific items",
        flaggedAt: before,
        updatedAt: before,
      })
      .where(eq(assessments.userId, userId));
    await saveEquipmentReassessment(database.db, userId, equipmentAnswerSchema.parse({ equipment: "no_equipment" }));
    const [row] = await database.db.select().from(assessments).where(eq(assessments.userId, userId));
    expect(row).toMatchObject({
      needsReassessment: false,
      reassessmentReason: null,
      flaggedAt: null,
      equipment: "no_equipment",
      equipmentItems: [],
      daysPerWeek: 4,
    });
    expect(row.updatedAt.getTime()).toBeGreaterThan(before.getTime());
    const program = await getGeneratedProgram(database.db, userId);
    for (const item of program!.days.flatMap((d) => d.exercises)) expect(await equipmentOf(item.exerciseId)).toEqual([]);
  });

  it("re-assessment of a legacy row with only equipment plans with safe defaults", async () => {
    const [{ id }] = await database.db.insert(users).values({ email: "legacy@example.com" }).returning({ id: users.id });
    await database.db
      .insert(assessments)
      .values({ userId: id, equipment: ["basic_equipment", "full_gym"], equipmentItems: null, needsReassessment: true });
    await saveEquipmentReassessment(database.db, id, equipmentAnswerSchema.parse({ equipment: "full_gym" }));
    expect((await listSplits(database.db, id, "generated"))[0].dayCount).toBe(3);
  });

  it("cannot be edited in place, but can be copied into an editable split", async () => {
    const program = (await getGeneratedProgram(database.db, userId))!;
    await expect(renameSplit(database.db, userId, program.id, "Mine")).rejects.toThrow(/Copy it/);
    const copyId = await copySplit(database.db, userId, program.id, "My program");
    const copy = await getSplit(database.db, userId, copyId);
    expect(copy?.source).toBe("custom");
    expect(copy?.days.map((d) => [d.name, d.exercises.map((e) => [e.exerciseId, e.targetSets])])).toEqual(
      program.days.map((d) => [d.name, d.exercises.map((e) => [e.exerciseId, e.targetSets])]),
    );
  });
});

describe("splits", () => {
  it("create, rename, reorder and delete splits, days and exercises", async () => {
    const db = database.db;
    const a = await createSplit(db, userId, "A");
    const b = await createSplit(db, userId, "B");
    await moveSplit(db, userId, b, "up");
    const order = (await listSplits(db, userId, "custom")).map((s) => s.name);
    expect(order.indexOf("B")).toBeLessThan(order.indexOf("A"));

    const push = await addSplitDay(db, userId, a, "Push");
    const pull = await addSplitDay(db, userId, a, "Pull");
    await moveSplitDay(db, userId, pull, "up");
    const bench = await addDayExercise(db, userId, push, library.get("Dumbbell Bench Press")!, {
      targetSets: 3,
      targetRepsMin: 8,
      targetRepsMax: 12,
      note: null,
    });
    const fly = await addDayExercise(db, userId, push, library.get("Dumbbell Fly")!, {
      targetSets: 2,
      targetRepsMin: 12,
      targetRepsMax: 15,
      note: "slow",
    });
    await moveDayExercise(db, userId, fly, "up");
    await updateDayExercise(db, userId, bench, { targetSets: 4, targetRepsMin: 6, targetRepsMax: 8, note: null });
    await renameSplit(db, userId, a, "Push/Pull");

    let split = await getSplit(db, userId, a);
    expect(split?.name).toBe("Push/Pull");
    expect(split?.days.map((d) => d.name)).toEqual(["Pull", "Push"]);
    expect(split?.days[1].exercises.map((e) => [e.exerciseName, e.targetSets, e.targetRepsMin, e.targetRepsMax])).toEqual([
      ["Dumbbell Fly", 2, 12, 15],
      ["Dumbbell Bench Press", 4, 6, 8],
    ]);

    await removeDayExercise(db, userId, fly);
    split = await getSplit(db, userId, a);
    expect(split?.days[1].exercises.map((e) => e.id)).toEqual([bench]);

    await deleteSplit(db, userId, a);
    expect(await getSplit(db, userId, a)).toBeNull();
  });
});

describe("sessions", () => {
  it("start from a split day, save in pounds as kilograms, and finish once", async () => {
    const db = database.db;
    const program = (await getGeneratedProgram(db, userId))!;
    const day = program.days[0];
    const exerciseId = day.exercises[0].exerciseId;
    const id = await startSession(db, userId, { splitDayId: day.id });
    const sets = (weights: number[]) => weights.map((w) => ({ exerciseId, weight: w, reps: 8, rpe: 8 }));

    await logSets(db, userId, id, sets([45]), { unit: "lb" });
    expect(await listSessionsInProgress(db, userId)).toEqual([expect.objectContaining({ id, setCount: 1 })]);
    // Saving more sets adds them beside the first: the first keeps its row.
    const before = (await getSession(db, userId, id))!.sets.map((s) => s.id);
    await logSets(db, userId, id, sets([50]), { unit: "lb" });
    expect((await getSession(db, userId, id))!.sets.map((s) => s.id).slice(0, 1)).toEqual(before);
    const first = await logSets(db, userId, id, sets([55]), {
      unit: "lb",
      finished: true,
      name: day.name,
      durationMinutes: 50,
      notes: " good ",
    });
    expect(first.snapshot.finishedAt).not.toBeNull();
    const again = await logSets(db, userId, id, [], { finished: true });
    expect(again.snapshot.finishedAt).toBe(first.snapshot.finishedAt);

    const session = await getSession(db, userId, id);
    expect(session).toMatchObject({ name: day.name, splitDayId: day.id, durationSeconds: 3000, notes: "good" });
    expect(session?.sets.map((s) => s.weightKg)).toEqual([20.41, 22.68, 24.95]);
    expect(await listSessionsInProgress(db, userId)).toEqual([]);
    // Next up: the day after the one just trained.
    expect((await nextWorkout(db, userId))?.day.id).toBe(program.days[1].id);

    // Records: 50 lb and 55 lb beat the sets before them.
    const records = await recordsInSession(db, userId, id);
    expect(records.map((r) => r.set.weightKg)).toEqual([22.68, 24.95]);
    expect((await recentRecords(db, userId, "UTC"))[0]).toMatchObject({
      sessionId: id,
      exerciseName: day.exercises[0].exerciseName,
    });

    // The next session sees these sets as "last time", and the records to beat.
    const next = await startSession(db, userId, { splitDayId: day.id });
    const [row] = await db.select().from(workoutSessions).where(eq(workoutSessions.id, next));
    const current = { sessionId: next, startedAt: new Date(row.startedAt.getTime() + 1) };
    const context = await loggingContext(db, userId, [exerciseId], current);
    expect(context.previous.get(exerciseId)?.sets.map((s) => s.weightKg)).toEqual([20.41, 22.68, 24.95]);
    expect(context.records.get(exerciseId)).toEqual([
      { weightKg: 24.95, reps: 8, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
    ]);

    const list = await listSessions(db, userId, 1);
    expect(list.items.map((s) => s.id)).toEqual([next, id]);
    expect(list.items[1]).toMatchObject({ setCount: 3, exerciseCount: 1, volumeKg: (20.41 + 22.68 + 24.95) * 8 });
    const month = await sessionsBetween(db, userId, new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
    expect(month.map((s) => s.id).sort()).toEqual([id, next].sort());

    expect(await deleteSession(db, userId, next)).toBe(true);
    expect(await getSession(db, userId, next)).toBeNull();
  });

  it("weights weekly volume by activation", async () => {
    const db = database.db;
    const [{ id: athlete }] = await db.insert(users).values({ email: "volume@example.com" }).returning({ id: users.id });
    const pushUp = (await getExercise(db, athlete, library.get("Push-Up")!))!;
    const id = await startSession(db, athlete);
    const sets = [1, 2, 3].map(() => ({ exerciseId: pushUp.id, weight: 0, reps: 15 }));
    await logSets(db, athlete, id, sets, { finished: true });
    const [week] = await weeklyVolume(db, athlete, new Date(Date.now() - 86_400_000), "UTC");
    // Three sets of an exercise that works a muscle at 70% count 2.1 sets for it.
    for (const muscle of pushUp.muscles) {
      expect(week.setsByMuscle[muscle.name]).toBeCloseTo((3 * muscle.activation) / 100, 5);
    }
  });
});

describe("the exercise library", () => {
  it("filters by type, muscle, equipment and difficulty in SQL, and paginates", async () => {
    const db = database.db;
    const all = await listExercises(db, userId, parseExerciseFilters({}));
    expect(all.total).toBe(library.size);
    expect(all.items).toHaveLength(EXERCISES_PER_PAGE);
    const page2 = await listExercises(db, userId, parseExerciseFilters({ page: "2" }));
    expect(page2.items[0].name > all.items.at(-1)!.name).toBe(true);

    const dumbbell = await listExercises(db, userId, parseExerciseFilters({ type: "dumbbell", difficulty: "1" }));
    expect(dumbbell.items.every((e) => e.type === "dumbbell" && e.difficulty === 1)).toBe(true);

    const bar = await listExercises(db, userId, parseExerciseFilters({ equipment: "pull_up_bar" }));
    expect(bar.items.map((e) => e.name)).toContain("Pull-Up");
    expect(bar.items.every((e) => e.equipmentRequired.includes("pull_up_bar"))).toBe(true);

    const none = await listExercises(db, userId, parseExerciseFilters({ equipment: "none" }));
    expect(none.items.every((e) => e.equipmentRequired.length === 0)).toBe(true);

    const quads = (await listMuscles(db)).find((m) => m.name === "Quadriceps")!;
    const legs = await listExercises(db, userId, parseExerciseFilters({ muscle: String(quads.id) }));
    expect(legs.items.map((e) => e.name)).toContain("Barbell Back Squat");
    expect(legs.items.map((e) => e.name)).not.toContain("Barbell Bench Press");

    const search = await listExercises(db, userId, parseExerciseFilters({ q: "curl" }));
    expect(search.items.length).toBeGreaterThan(1);
    expect(search.items.every((e) => /curl/i.test(e.name))).toBe(true);
    expect((await listExercises(db, userId, parseExerciseFilters({ q: "100%_" }))).total).toBe(0);
  });

  it("keeps to the athlete's equipment when asked", async () => {
    const owned = { equipment: "basic_equipment" as const, items: ["dumbbells"] };
    const fits = await listExercises(database.db, userId, { ...parseExerciseFilters({ fits: "1" }), page: 1 }, owned);
    expect(fits.total).toBeGreaterThan(0);
    expect(fits.total).toBeLessThan(library.size);
    // The SQL filter agrees with canPerformWith on every exercise, including names backfilled from the type.
    expect(fits.items.every((e) => canPerformWith("basic_equipment", owned.items, e.equipmentRequired))).toBe(true);
    const [backfilled] = await database.db
      .insert(exercises)
      .values({ name: "Backfilled Dumbbell Curl", type: "dumbbell", difficulty: 2, equipmentRequired: ["dumbbell"] })
      .returning();
    const withBackfilled = await listExercises(
      database.db,
      userId,
      { ...parseExerciseFilters({ fits: "1", q: "Backfilled" }), page: 1 },
      owned,
    );
    expect(withBackfilled.items.map((e) => e.id)).toEqual([backfilled.id]);
    const noEquipment = await listExercises(
      database.db,
      userId,
      { ...parseExerciseFilters({ fits: "1", q: "Backfilled" }), page: 1 },
      { equipment: "no_equipment", items: [] },
    );
    expect(noEquipment.total).toBe(0);
    await database.db.delete(exercises).where(eq(exercises.id, backfilled.id));
    const everything = await listExercises(
      database.db,
      userId,
      { ...parseExerciseFilters({ fits: "1" }), page: 1 },
      { equipment: "full_gym", items: [] },
    );
    expect(everything.total).toBe(library.size);
  });

  it("adds a private exercise, and refuses a name already taken with a field error", async () => {
    const muscle = (await listMuscles(database.db))[0];
    const form = { name: "Towel Row", type: "bodyweight", difficulty: "1", muscle1: String(muscle.id), activation1: "70" };
    const id = await createCustomExercise(database.db, userId, customExerciseSchema.parse(form));
    expect(id).toBeGreaterThan(0);
    const sled = await createCustomExercise(
      database.db,
      userId,
      customExerciseSchema.parse({ ...form, name: "Sled Push", type: "machine", measure: "distance" }),
    );
    const [stored] = await database.db
      .select({ type: exercises.type, measure: exercises.measure })
      .from(exercises)
      .where(eq(exercises.id, sled));
    expect(stored).toEqual({ type: "machine", measure: "distance" });
    await expect(
      createCustomExercise(database.db, userId, customExerciseSchema.parse({ ...form, name: "towel row" })),
    ).rejects.toMatchObject({
      message: EXERCISE_NAME_TAKEN,
      options: { field: "name" },
    });
    await expect(
      createCustomExercise(database.db, userId, customExerciseSchema.parse({ ...form, name: "Barbell Back Squat" })),
    ).rejects.toMatchObject({
      options: { field: "name" },
    });
  });

  it("lets another athlete name a private exercise like someone else's, never like the library's", async () => {
    const muscle = (await listMuscles(database.db))[0];
    const form = { name: "Towel Row", type: "bodyweight", difficulty: "1", muscle1: String(muscle.id), activation1: "70" };
    const [{ id: otherId }] = await database.db
      .insert(users)
      .values({ email: "other-flow@example.com" })
      .returning({ id: users.id });
    const mine = await createCustomExercise(database.db, otherId, customExerciseSchema.parse({ ...form, name: "TOWEL ROW" }));
    expect(await getExercise(database.db, otherId, mine)).toMatchObject({ name: "TOWEL ROW" });
    // Each sees only their own.
    expect(await getExercise(database.db, userId, mine)).toBeFalsy();
    await expect(
      createCustomExercise(database.db, otherId, customExerciseSchema.parse({ ...form, name: "barbell back squat" })),
    ).rejects.toMatchObject({
      message: EXERCISE_NAME_TAKEN,
      options: { field: "name" },
    });
  });

  it("keeps one generated split per athlete in the splits table", async () => {
    const rows = await database.db.select().from(splits).where(eq(splits.userId, userId));
    expect(rows.filter((s) => s.source === "generated")).toHaveLength(1);
  });
});
