/**
 * The logging page's one-statement read gives what the separate reads give (getSession, the day's
 * plan, loggingContext), and only ever the signed-in athlete's own data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { users, workoutSessions } from "@/db/schema";
import { sessionSaveSchema } from "@/lib/athlete/session-input";
import { addDayExercise, addSplitDay, createSplit } from "./splits";
import { getSession, loggingContext, saveSession, startSession } from "./sessions";
import { loggerSession } from "./logger";

let database: TestDatabase;
let alice: number;
let bob: number;
let bench: number;
let squat: number;
let curl: number;
let aliceDay: number;
let current: number;

const targets = { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null };

/** A saved session of `userId` started `daysAgo` days ago, with sets of [exerciseId, kg, reps]. */
async function loggedSession(userId: number, daysAgo: number, sets: [number, number, number][], splitDayId?: number): Promise<number> {
  const db = database.db;
  const id = await startSession(db, userId, { splitDayId });
  const input = sessionSaveSchema.parse({ name: "Workout", unit: "kg", finished: true, sets: sets.map(([exerciseId, weight, reps]) => ({ exerciseId, weight, reps, rpe: 8 })) });
  await saveSession(db, userId, id, input);
  await db.update(workoutSessions).set({ startedAt: new Date(Date.now() - daysAgo * 86_400_000) }).where(eq(workoutSessions.id, id));
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const library = await seedExerciseLibrary(db);
  bench = library.get("Barbell Bench Press")!;
  squat = library.get("Barbell Back Squat")!;
  curl = library.get("Dumbbell Curl")!;
  [{ id: alice }, { id: bob }] = await db.insert(users).values([{ email: "alice@example.com" }, { email: "bob@example.com" }]).returning({ id: users.id });
  const split = await createSplit(db, alice, "Alice A/B");
  aliceDay = await addSplitDay(db, alice, split, "Day A");
  await addDayExercise(db, alice, aliceDay, squat, { ...targets, targetSets: 5, targetRepsMin: 5, targetRepsMax: 5, note: "Brace" });
  await addDayExercise(db, alice, aliceDay, bench, targets);

  await loggedSession(alice, 14, [[bench, 80, 5], [squat, 100, 5], [curl, 12, 12]], aliceDay);
  await loggedSession(alice, 7, [[bench, 70, 10], [bench, 72.5, 8]], aliceDay);
  // Bob's heavier bench is not Alice's record.
  await loggedSession(bob, 3, [[bench, 140, 5]]);
  // Today's session, from day A, with an unplanned curl logged first.
  current = await loggedSession(alice, 0, [[curl, 14, 10]], aliceDay);
  await db.update(workoutSessions).set({ finishedAt: null }).where(eq(workoutSessions.id, current));
  // A session started after today's must not count as earlier.
  await db.update(workoutSessions).set({ startedAt: new Date(Date.now() + 3_600_000) }).where(eq(workoutSessions.id, await loggedSession(alice, 0, [[bench, 200, 1]])));
});

afterAll(async () => {
  await database?.drop();
});

describe("the logging page's read", () => {
  it("gives the session with its sets as getSession does", async () => {
    const data = await loggerSession(database.db, alice, current);
    expect(data?.session).toEqual(await getSession(database.db, alice, current));
    expect(data?.session.sets.map((s) => [s.exerciseName, s.weightKg, s.reps, s.rpe])).toEqual([["Dumbbell Curl", 14, 10, 8]]);
  });

  it("gives the day's plan in order, with its targets", async () => {
    const data = await loggerSession(database.db, alice, current);
    expect(data?.planned).toEqual([
      { exerciseId: squat, exerciseName: "Barbell Back Squat", exerciseType: "barbell", targetSets: 5, targetRepsMin: 5, targetRepsMax: 5, note: "Brace" },
      { exerciseId: bench, exerciseName: "Barbell Bench Press", exerciseType: "barbell", targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null },
    ]);
  });

  it("gives last time's sets and the records to beat for every logged or planned exercise, as loggingContext does", async () => {
    const data = await loggerSession(database.db, alice, current);
    const session = data!.session;
    const expected = await loggingContext(database.db, alice, [curl, squat, bench], { sessionId: current, startedAt: session.startedAt });
    expect(data?.context).toEqual(expected);
    expect(data?.context.previous.get(bench)?.sets).toEqual([
      { weightKg: 70, reps: 10, rpe: 8 },
      { weightKg: 72.5, reps: 8, rpe: 8 },
    ]);
    expect(data?.context.records.get(bench)).toEqual(expect.arrayContaining([{ weightKg: 80, reps: 5, rpe: 8 }]));
    expect(data?.context.previous.get(curl)?.sets).toEqual([{ weightKg: 12, reps: 12, rpe: 8 }]);
  });

  it("gives an empty plan and no history to a session started empty with nothing logged", async () => {
    const empty = await startSession(database.db, alice);
    const data = await loggerSession(database.db, alice, empty);
    expect(data).toMatchObject({ session: { id: empty, splitDayId: null, sets: [] }, planned: [] });
    expect(data?.context.previous.size).toBe(0);
  });

  it("is null for another athlete's session", async () => {
    expect(await loggerSession(database.db, bob, current)).toBeNull();
  });

  it("never shows another athlete's plan, even from a session pointing at their day", async () => {
    const sneaky = await startSession(database.db, bob);
    await database.db.update(workoutSessions).set({ splitDayId: aliceDay }).where(eq(workoutSessions.id, sneaky));
    const data = await loggerSession(database.db, bob, sneaky);
    expect(data?.planned).toEqual([]);
    expect(data?.context.previous.size).toBe(0);
  });
});
