/**
 * A user can only ever see and change their own sessions, splits and custom exercises. Two athletes,
 * every read and write of the athlete's data layer tried across the line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { exercises, sessionSets, splits, users, workoutSessions } from "@/db/schema";
import { parseExerciseFilters } from "@/lib/athlete/exercise-filters";
import { customExerciseSchema } from "@/lib/athlete/custom-exercise";
import { sessionSaveSchema } from "@/lib/athlete/session-sync";
import { logSets, type TestSet } from "@/test/session-saves";
import { getExercise, listExerciseOptions, listExercises } from "./exercises";
import {
  addDayExercise,
  addSplitDay,
  copySplit,
  createSplit,
  deleteSplit,
  deleteSplitDay,
  moveSplit,
  removeDayExercise,
  renameSplit,
  renameSplitDay,
  updateDayExercise,
} from "@/server/services/splits";
import { deleteSession, finishSession, saveSessionChanges, startSession } from "@/server/services/sessions";
import { historySets, loggedExercises, recentRecords, recordsInSession } from "./training-progress";
import { regenerateProgram, saveAssessment } from "@/server/services/program";
import { getSession, listSessions, loggingContext, nextWorkout } from "./sessions";
import { getSplit, getSplitDay, listSplits } from "./splits";
import { createCustomExercise } from "@/server/services/custom-exercises";

let database: TestDatabase;
let alice: number;
let bob: number;
let library: Map<string, number>;
let bench: number;
let aliceExercise: number;
let aliceSplit: number;
let aliceDay: number;
let aliceItem: number;
let aliceSession: number;

const targets = { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null };
const save = (sets: TestSet[], finished = true) => ({ finished, name: "Push", durationMinutes: 45, notes: "ok", sets });
const saveSession = (db: Parameters<typeof logSets>[0], userId: number, sessionId: number, input: ReturnType<typeof save>) =>
  logSets(db, userId, sessionId, input.sets, input);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  library = await seedExerciseLibrary(db);
  bench = library.get("Barbell Bench Press")!;
  [{ id: alice }, { id: bob }] = await db
    .insert(users)
    .values([{ email: "alice@example.com" }, { email: "bob@example.com" }])
    .returning({ id: users.id });

  const muscle = (await db.query.muscles.findFirst())!;
  aliceExercise = await createCustomExercise(
    db,
    alice,
    customExerciseSchema.parse({
      name: "Alice's Secret Press",
      type: "dumbbell",
      difficulty: "2",
      equipment: "dumbbells",
      muscle1: String(muscle.id),
      activation1: "80",
    }),
  );
  aliceSplit = await createSplit(db, alice, "Alice A/B");
  aliceDay = await addSplitDay(db, alice, aliceSplit, "Day A");
  aliceItem = await addDayExercise(db, alice, aliceDay, aliceExercise, targets);
  aliceSession = await startSession(db, alice, { splitDayId: aliceDay });
  await saveSession(
    db,
    alice,
    aliceSession,
    save([
      { exerciseId: aliceExercise, weight: 20, reps: 10 },
      { exerciseId: bench, weight: 60, reps: 8 },
    ]),
  );
});

afterAll(async () => {
  await database?.drop();
});

describe("custom exercises", () => {
  it("are listed, opened and offered only to their owner", async () => {
    const db = database.db;
    const search = parseExerciseFilters({ q: "Secret" });
    expect((await listExercises(db, alice, search)).items.map((e) => e.id)).toEqual([aliceExercise]);
    expect((await listExercises(db, bob, search)).items).toEqual([]);
    expect(await getExercise(db, bob, aliceExercise)).toBeNull();
    expect((await getExercise(db, alice, aliceExercise))?.custom).toBe(true);
    expect((await listExerciseOptions(db, bob)).some((e) => e.id === aliceExercise)).toBe(false);
  });

  it("cannot be put in another athlete's split or session", async () => {
    const db = database.db;
    const bobSplit = await createSplit(db, bob, "Bob");
    const bobDay = await addSplitDay(db, bob, bobSplit, "Day");
    await expect(addDayExercise(db, bob, bobDay, aliceExercise, targets)).rejects.toMatchObject({
      options: { field: "exerciseId" },
    });
    const bobSession = await startSession(db, bob);
    await expect(
      saveSession(db, bob, bobSession, save([{ exerciseId: aliceExercise, weight: 20, reps: 10 }])),
    ).rejects.toMatchObject({
      options: { field: "exercises.0.exerciseId" },
    });
    expect((await getSession(db, bob, bobSession))?.sets).toEqual([]);
    await finishSession(db, bob, bobSession);
  });
});

describe("splits", () => {
  it("are listed and read only by their owner", async () => {
    const db = database.db;
    expect((await listSplits(db, bob)).some((s) => s.id === aliceSplit)).toBe(false);
    expect(await getSplit(db, bob, aliceSplit)).toBeNull();
    expect(await getSplitDay(db, bob, aliceDay)).toBeNull();
    expect(await getSplit(db, alice, aliceSplit)).not.toBeNull();
  });

  it("refuse every change from another athlete and stay as they were", async () => {
    const db = database.db;
    const attempts: (() => Promise<unknown>)[] = [
      () => renameSplit(db, bob, aliceSplit, "Mine now"),
      () => moveSplit(db, bob, aliceSplit, "up"),
      () => deleteSplit(db, bob, aliceSplit),
      () => copySplit(db, bob, aliceSplit, "Copy"),
      () => addSplitDay(db, bob, aliceSplit, "Sneaky day"),
      () => renameSplitDay(db, bob, aliceDay, "Renamed"),
      () => deleteSplitDay(db, bob, aliceDay),
      () => addDayExercise(db, bob, aliceDay, bench, targets),
      () => updateDayExercise(db, bob, aliceItem, { ...targets, targetSets: 9 }),
      () => removeDayExercise(db, bob, aliceItem),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 404 });
    const split = await getSplit(db, alice, aliceSplit);
    expect(split).toMatchObject({ name: "Alice A/B", days: [{ name: "Day A", exercises: [{ id: aliceItem, targetSets: 3 }] }] });
  });

  it("are never suggested to another athlete as the next workout", async () => {
    expect((await nextWorkout(database.db, alice))?.split.id).toBe(aliceSplit);
    expect((await nextWorkout(database.db, bob))?.split.id).not.toBe(aliceSplit);
  });

  it("cannot start a session from another athlete's day", async () => {
    await expect(startSession(database.db, bob, { splitDayId: aliceDay })).rejects.toMatchObject({ status: 404 });
  });
});

describe("sessions", () => {
  it("are read, listed and counted only for their owner", async () => {
    const db = database.db;
    expect(await getSession(db, bob, aliceSession)).toBeNull();
    expect((await listSessions(db, bob, 1)).items.some((s) => s.id === aliceSession)).toBe(false);
    expect((await historySets(db, bob)).some((s) => s.sessionId === aliceSession)).toBe(false);
    expect((await loggedExercises(db, bob)).some((e) => e.id === aliceExercise)).toBe(false);
    expect(await recordsInSession(db, bob, aliceSession)).toEqual([]);
  });

  it("cannot be saved over or deleted by another athlete", async () => {
    const db = database.db;
    const forged = sessionSaveSchema.parse({ baseRevision: 0, unit: "kg", name: { value: "Mine now", at: 1 } });
    await expect(saveSessionChanges(db, bob, aliceSession, forged)).rejects.toMatchObject({ status: 404 });
    expect(await deleteSession(db, bob, aliceSession)).toBe(false);
    const kept = await getSession(db, alice, aliceSession);
    expect(kept?.sets.map((s) => [s.exerciseId, s.weightKg, s.reps])).toEqual([
      [aliceExercise, 20, 10],
      [bench, 60, 8],
    ]);
  });

  it("never show another athlete's sets as 'last time' or records", async () => {
    const db = database.db;
    const bobSession = await startSession(db, bob);
    await saveSession(db, bob, bobSession, save([{ exerciseId: bench, weight: 100, reps: 5 }]));
    const later = await startSession(db, alice);
    const [row] = await db.select().from(workoutSessions).where(eq(workoutSessions.id, later));
    const { previous } = await loggingContext(db, alice, [bench], {
      sessionId: later,
      startedAt: new Date(row.startedAt.getTime() + 1000),
    });
    expect(previous.get(bench)?.sets).toEqual([
      { weightKg: 60, reps: 8, rpe: null, missed: false, setType: "normal", seconds: null, distanceM: null },
    ]);
    expect((await recentRecords(db, alice, "UTC")).every((r) => r.sessionId !== bobSession)).toBe(true);
  });
});

describe("the generated program", () => {
  it("is rebuilt for its owner only", async () => {
    const db = database.db;
    const answers = {
      sport: "Rowing",
      age: 30,
      experienceLevel: "beginner" as const,
      goal: "strength" as const,
      daysPerWeek: 3,
      equipment: "full_gym" as const,
      items: [],
    };
    await saveAssessment(db, alice, answers);
    await saveAssessment(db, bob, { ...answers, daysPerWeek: 4 });
    const aliceBefore = await listSplits(db, alice, "generated");
    await regenerateProgram(db, bob);
    expect(await listSplits(db, alice, "generated")).toEqual(aliceBefore);
    const all = await db.select({ userId: splits.userId }).from(splits).where(eq(splits.source, "generated"));
    expect(all.map((s) => s.userId).sort()).toEqual([alice, bob].sort());
  });
});

describe("deleting an account's data", () => {
  it("does not touch the other athlete's", async () => {
    const db = database.db;
    await db.delete(users).where(eq(users.id, bob));
    expect(await getSession(db, alice, aliceSession)).not.toBeNull();
    expect((await db.select().from(exercises).where(eq(exercises.id, aliceExercise))).length).toBe(1);
    expect((await db.select().from(sessionSets).where(eq(sessionSets.sessionId, aliceSession))).length).toBe(2);
  });
});
