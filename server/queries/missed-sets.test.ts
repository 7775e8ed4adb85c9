/**
 * A missed attempt is stored and shown, but every read that counts work leaves it out: the records the
 * logger compares with, a session's volume, its records, the records timeline and weekly volume.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { users, workoutSessions } from "@/db/schema";
import { logSets, type TestSet } from "@/test/session-saves";
import { startSession } from "@/server/services/sessions";
import { listSessions, loggingContext } from "./sessions";
import { recentRecords, recordsInSession, weeklyVolume } from "./training-progress";

let database: TestDatabase;
let bench: number;

beforeAll(async () => {
  database = await createTestDatabase();
  bench = (await seedExerciseLibrary(database.db)).get("Barbell Bench Press")!;
});

afterAll(async () => {
  await database?.drop();
});

async function athlete(email: string): Promise<number> {
  const [{ id }] = await database.db.insert(users).values({ email }).returning({ id: users.id });
  return id;
}

/** A finished session of `userId` started `daysAgo` days ago. */
async function loggedSession(userId: number, daysAgo: number, sets: Omit<TestSet, "exerciseId">[]): Promise<number> {
  const db = database.db;
  const id = await startSession(db, userId);
  await logSets(
    db,
    userId,
    id,
    sets.map((s) => ({ exerciseId: bench, rpe: 8, ...s })),
    { finished: true },
  );
  await db
    .update(workoutSessions)
    .set({ startedAt: new Date(Date.now() - daysAgo * 86_400_000) })
    .where(eq(workoutSessions.id, id));
  return id;
}

describe("a missed attempt", () => {
  it("is no personal record of the session, nor in the records timeline", async () => {
    const dana = await athlete("dana@example.com");
    await loggedSession(dana, 7, [{ weight: 80, reps: 3 }]);
    const today = await loggedSession(dana, 0, [{ weight: 85, reps: 3, missed: true }]);
    expect(await recordsInSession(database.db, dana, today)).toEqual([]);
    expect(await recentRecords(database.db, dana, "UTC")).toEqual([]);
  });

  it("is no earlier best a later set must beat", async () => {
    const erin = await athlete("erin@example.com");
    await loggedSession(erin, 14, [{ weight: 80, reps: 3 }]);
    await loggedSession(erin, 7, [{ weight: 90, reps: 3, missed: true }]);
    const today = await loggedSession(erin, 0, [{ weight: 85, reps: 3 }]);
    const [event] = await recordsInSession(database.db, erin, today);
    expect(event.records.find((r) => r.kind === "heaviest_weight")).toMatchObject({ value: 85, previous: 80 });
  });

  it("never stands in for the record the logger compares with, even when it is the heaviest at its reps and RPE", async () => {
    const fay = await athlete("fay@example.com");
    await loggedSession(fay, 30, [{ weight: 100, reps: 5 }]);
    await loggedSession(fay, 20, [{ weight: 120, reps: 5, missed: true }]);
    // Two later sessions, so neither of the heavy ones is "recent".
    await loggedSession(fay, 10, [{ weight: 60, reps: 5 }]);
    await loggedSession(fay, 5, [{ weight: 60, reps: 5 }]);
    const today = await startSession(database.db, fay);
    const [session] = await database.db
      .select({ startedAt: workoutSessions.startedAt })
      .from(workoutSessions)
      .where(eq(workoutSessions.id, today));
    const context = await loggingContext(database.db, fay, [bench], { sessionId: today, startedAt: session.startedAt });
    const holders = context.records.get(bench) ?? [];
    expect(holders.map((s) => [s.weightKg, s.reps, s.missed])).toEqual([[100, 5, false]]);
  });

  it("adds nothing to a session's volume", async () => {
    const gus = await athlete("gus@example.com");
    await loggedSession(gus, 0, [
      { weight: 100, reps: 5 },
      { weight: 110, reps: 2, missed: true },
    ]);
    const { items } = await listSessions(database.db, gus, 1);
    expect(items.map((s) => s.volumeKg)).toEqual([500]);
  });

  it("adds nothing to weekly muscle volume", async () => {
    const hal = await athlete("hal@example.com");
    await loggedSession(hal, 0, [{ weight: 110, reps: 2, missed: true }]);
    const weeks = await weeklyVolume(database.db, hal, new Date(Date.now() - 7 * 86_400_000), "UTC");
    expect(weeks.every((w) => Object.keys(w.setsByMuscle).length === 0)).toBe(true);
  });
});
