/**
 * The logging page's one-statement read gives what the separate reads give (getSession, the day's
 * plan, loggingContext), and only ever the signed-in athlete's own data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { SET_COLUMNS, sessionSets, users, workoutSessions } from "@/db/schema";
import { logSets } from "@/test/session-saves";
import { addDayExercise, addSplitDay, createSplit } from "@/server/services/splits";
import { startSession } from "@/server/services/sessions";
import { loggerSession } from "./logger";
import { contextSetsQuery, loggingContext } from "./sessions";
import { sessionSnapshot } from "./session-snapshot";
import { contextFromHistory } from "@/lib/athlete/logging-context";

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
async function loggedSession(
  userId: number,
  daysAgo: number,
  sets: [number, number, number][],
  splitDayId?: number,
): Promise<number> {
  const db = database.db;
  const id = await startSession(db, userId, { splitDayId });
  await logSets(
    db,
    userId,
    id,
    sets.map(([exerciseId, weight, reps]) => ({ exerciseId, weight, reps, rpe: 8 })),
    { finished: true },
  );
  await db
    .update(workoutSessions)
    .set({ startedAt: new Date(Date.now() - daysAgo * 86_400_000) })
    .where(eq(workoutSessions.id, id));
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const library = await seedExerciseLibrary(db);
  bench = library.get("Barbell Bench Press")!;
  squat = library.get("Barbell Back Squat")!;
  curl = library.get("Dumbbell Curl")!;
  [{ id: alice }, { id: bob }] = await db
    .insert(users)
    .values([{ email: "alice@example.com" }, { email: "bob@example.com" }])
    .returning({ id: users.id });
  const split = await createSplit(db, alice, "Alice A/B");
  aliceDay = await addSplitDay(db, alice, split, "Day A");
  await addDayExercise(db, alice, aliceDay, squat, {
    ...targets,
    targetSets: 5,
    targetRepsMin: 5,
    targetRepsMax: 5,
    note: "Brace",
  });
  await addDayExercise(db, alice, aliceDay, bench, targets);

  await loggedSession(
    alice,
    14,
    [
      [bench, 80, 5],
      [squat, 100, 5],
      [curl, 12, 12],
    ],
    aliceDay,
  );
  await loggedSession(
    alice,
    7,
    [
      [bench, 70, 10],
      [bench, 72.5, 8],
    ],
    aliceDay,
  );
  // Bob's heavier bench is not Alice's record.
  await loggedSession(bob, 3, [[bench, 140, 5]]);
  // A session started after today's must not count as earlier.
  await db
    .update(workoutSessions)
    .set({ startedAt: new Date(Date.now() + 3_600_000) })
    .where(eq(workoutSessions.id, await loggedSession(alice, 0, [[bench, 200, 1]])));
  // Today's session, from day A, with an unplanned curl logged first.
  current = await loggedSession(alice, 0, [[curl, 14, 10]], aliceDay);
  await db.update(workoutSessions).set({ finishedAt: null }).where(eq(workoutSessions.id, current));
});

afterAll(async () => {
  await database?.drop();
});

describe("the logging page's read", () => {
  it("gives the session with its slots and sets as sessionSnapshot does", async () => {
    const data = await loggerSession(database.db, alice, current);
    expect(data?.snapshot).toEqual(await sessionSnapshot(database.db, alice, current));
    expect(data?.snapshot.sets.map((s) => [s.weightKg, s.reps, s.rpe])).toEqual([[14, 10, 8]]);
  });

  it("gives the day's plan as slots in order, with its targets, before the exercise added on the day", async () => {
    const data = await loggerSession(database.db, alice, current);
    expect(data?.snapshot.exercises.map((e) => [e.exerciseName, e.target])).toEqual([
      ["Barbell Back Squat", { sets: 5, repsMin: 5, repsMax: 5, note: "Brace" }],
      ["Barbell Bench Press", { sets: 3, repsMin: 8, repsMax: 12, note: null }],
      ["Dumbbell Curl", null],
    ]);
  });

  it("gives last time's sets and the records to beat for every logged or planned exercise, as loggingContext does", async () => {
    const data = await loggerSession(database.db, alice, current);
    const session = data!.session;
    const expected = await loggingContext(database.db, alice, [curl, squat, bench], {
      sessionId: current,
      startedAt: session.startedAt,
    });
    expect(data?.context).toEqual(expected);
    expect(data?.context.previous.get(bench)?.sets).toEqual([
      { weightKg: 70, reps: 10, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
      { weightKg: 72.5, reps: 8, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
    ]);
    expect(data?.context.records.get(bench)).toEqual(
      expect.arrayContaining([
        { weightKg: 80, reps: 5, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
      ]),
    );
    expect(data?.context.previous.get(curl)?.sets).toEqual([
      { weightKg: 12, reps: 12, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
    ]);
    // The last two sessions of each exercise, newest first, for the progression suggestion.
    expect(data?.context.recent.get(bench)).toEqual([
      [
        { weightKg: 70, reps: 10, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
        { weightKg: 72.5, reps: 8, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null },
      ],
      [{ weightKg: 80, reps: 5, rpe: 8, missed: false, setType: "normal", seconds: null, distanceM: null }],
    ]);
  });

  it("gives an empty plan and no history to a session started empty with nothing logged", async () => {
    const [{ id: dora }] = await database.db.insert(users).values({ email: "dora@example.com" }).returning({ id: users.id });
    const empty = await startSession(database.db, dora);
    const data = await loggerSession(database.db, dora, empty);
    expect(data).toMatchObject({ session: { id: empty, splitDayId: null }, snapshot: { sets: [], exercises: [] } });
    expect(data?.context.previous.size).toBe(0);
  });

  it("is null for another athlete's session", async () => {
    expect(await loggerSession(database.db, bob, current)).toBeNull();
  });

  it("never shows another athlete's plan, even from a session pointing at their day", async () => {
    const sneaky = await startSession(database.db, bob);
    await database.db.update(workoutSessions).set({ splitDayId: aliceDay }).where(eq(workoutSessions.id, sneaky));
    const data = await loggerSession(database.db, bob, sneaky);
    expect(data?.snapshot.exercises).toEqual([]);
    expect(data?.context.previous.size).toBe(0);
  });
});

describe("the history the logger reads", () => {
  it("is bounded, yet gives the same last time and records as the whole history would", async () => {
    const db = database.db;
    const [{ id: carla }] = await db.insert(users).values({ email: "carla@example.com" }).returning({ id: users.id });
    // 60 earlier sessions of varied weights, reps and RPE (a fixed pseudo-random sequence).
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let day = 60; day >= 1; day--) {
      const id = await startSession(db, carla);
      const sets = Array.from({ length: 4 }, () => ({
        exerciseId: bench,
        weight: 40 + next(60) * 2.5,
        reps: 1 + next(12),
        rpe: next(3) === 0 ? null : 6 + next(9) / 2,
      }));
      await logSets(db, carla, id, sets, { finished: true });
      await db
        .update(workoutSessions)
        .set({ startedAt: new Date(Date.now() - day * 86_400_000) })
        .where(eq(workoutSessions.id, id));
    }
    const today = await startSession(db, carla);
    await logSets(db, carla, today, [{ exerciseId: bench, weight: 60, reps: 5, rpe: null }]);

    const whole = await db
      .select({
        sessionId: sessionSets.sessionId,
        startedAt: workoutSessions.startedAt,
        exerciseId: sessionSets.exerciseId,
        ...SET_COLUMNS,
      })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(and(eq(workoutSessions.userId, carla), ne(workoutSessions.id, today)))
      .orderBy(desc(workoutSessions.startedAt), desc(workoutSessions.id), asc(sessionSets.position), asc(sessionSets.id));
    expect(whole).toHaveLength(240);

    const data = await loggerSession(db, carla, today);
    const fromWhole = contextFromHistory(whole);
    expect(data?.context.previous).toEqual(fromWhole.previous);
    expect(data?.context.records).toEqual(fromWhole.records);
    expect(data?.context.recent).toEqual(fromWhole.recent);
    expect(data?.context.recent.get(bench)).toHaveLength(2);
    expect(data?.context.records.get(bench)?.length).toBeGreaterThan(0);
    const started = data!.session.startedAt;
    const [{ kept }] = await queryRows<{ kept: number }>(
      db,
      sql`SELECT count(*)::int AS kept FROM (${contextSetsQuery(carla, sql`${bench}::int`, { sessionId: sql`${today}::int`, startedAt: sql`${started.toISOString()}::timestamptz` })}) c`,
    );
    // The last two sessions' 8 sets, and at most one per rep count (1-12) and RPE (null, 6-10 by halves).
    expect(kept).toBeLessThan(whole.length);
    expect(await loggingContext(db, carla, [bench], { sessionId: today, startedAt: started })).toEqual(fromWhole);
  });
});
