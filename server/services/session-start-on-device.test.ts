/**
 * A workout started on a device with no signal: its first save creates it under the device's uid,
 * on PGlite and Postgres, through the save contract the logger uses.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { sessionSets, users, workoutSessions } from "@/db/schema";
import { sessionSaveSchema, type SessionSaveInput } from "@/lib/athlete/session-sync";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { addDayExercise, addSplitDay, createSplit } from "./splits";
import { finishSession, saveSessionChanges, startSession } from "./sessions";

let database: TestDatabase;
let alice: number;
let bob: number;
let curl: number;
let pullUp: number;
let day: number;
let armsDay: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const library = await seedExerciseLibrary(database.db);
  curl = library.get("Dumbbell Curl")!;
  pullUp = library.get("Pull-Up")!;
  [{ id: alice }, { id: bob }] = await database.db
    .insert(users)
    .values([{ email: "offline-alice@example.com" }, { email: "offline-bob@example.com" }])
    .returning({ id: users.id });
  const split = await createSplit(database.db, alice, "Pull");
  day = await addSplitDay(database.db, alice, split, "Pull day");
  await addDayExercise(database.db, alice, day, pullUp, { targetSets: 4, targetRepsMin: 6, targetRepsMax: 8, note: "Slow" });
  await addDayExercise(database.db, alice, day, curl, { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null });
  armsDay = await addSplitDay(database.db, alice, split, "Arms day");
  await addDayExercise(database.db, alice, armsDay, curl, { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null });
});

afterAll(async () => {
  await database?.drop();
});

/** The first save a device sends for a workout it started from the pull day (or another), with one set logged. */
function firstSave(startedAt: number, dayId = day) {
  const pullSlot = randomUUID();
  const curlSlot = randomUUID();
  const input: SessionSaveInput = {
    baseRevision: 0,
    unit: "kg",
    start: {
      splitDayId: dayId,
      name: "Pull day",
      startedAt,
      slots: [
        { id: pullSlot, exerciseId: pullUp, position: 0, supersetGroup: null },
        { id: curlSlot, exerciseId: curl, position: 1, supersetGroup: null },
      ],
    },
    sets: [
      {
        id: randomUUID(),
        slotId: pullSlot,
        position: 0,
        values: { weightKg: 10, reps: 8, rpe: null, missed: false, setType: "normal", seconds: null, distanceM: null },
        times: {
          weightKg: startedAt,
          reps: startedAt,
          rpe: startedAt,
          missed: startedAt,
          setType: startedAt,
          position: startedAt,
        },
      },
    ],
  };
  return { input, pullSlot, curlSlot };
}

const save = (userId: number, uid: string, input: SessionSaveInput, at?: Date) =>
  saveSessionChanges(database.db, userId, { uid }, sessionSaveSchema.parse(input), at);

async function inProgress(userId: number) {
  return database.db
    .select({ id: workoutSessions.id })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), isNull(workoutSessions.finishedAt)));
}

describe("a workout started on a device", () => {
  it("is created by its first save, with the device's slots, the plan's targets and the set, once", async () => {
    const uid = randomUUID();
    const startedAt = Date.now() - 20 * 60_000;
    const { input, pullSlot, curlSlot } = firstSave(startedAt);
    const saved = await save(alice, uid, input);
    expect(saved.conflicts).toEqual([]);
    expect(saved.snapshot).toMatchObject({ uid, name: "Pull day", finishedAt: null });
    expect(saved.snapshot.exercises.map((e) => [e.id, e.exerciseId, e.target])).toEqual([
      [pullSlot, pullUp, { sets: 4, repsMin: 6, repsMax: 8, note: "Slow" }],
      [curlSlot, curl, { sets: 3, repsMin: 8, repsMax: 12, note: null }],
    ]);
    expect(saved.snapshot.sets).toHaveLength(1);
    const [row] = await database.db.select().from(workoutSessions).where(eq(workoutSessions.uid, uid));
    expect(row.startedAt.getTime()).toBe(startedAt);
    expect(row.splitDayId).toBe(day);

    // The same save again (its answer was lost on a bad connection) finds the session: nothing twice.
    const again = await save(alice, uid, input);
    expect(again.snapshot.id).toBe(saved.snapshot.id);
    expect(await database.db.select().from(sessionSets).where(eq(sessionSets.sessionId, saved.snapshot.id))).toHaveLength(1);
    // It is read by its uid as by its key.
    expect(await sessionSnapshot(database.db, alice, { uid })).toEqual(
      await sessionSnapshot(database.db, alice, saved.snapshot.id),
    );
  });

  it("kept beside another in progress, as finished, with a notice, when two devices each started a day", async () => {
    for (const { id } of await inProgress(alice)) await finishSession(database.db, alice, id);
    const first = randomUUID();
    const second = randomUUID();
    const [phone, laptop] = await Promise.all([
      save(alice, first, firstSave(Date.now() - 30 * 60_000).input),
      save(alice, second, firstSave(Date.now() - 25 * 60_000, armsDay).input),
    ]);
    const results = [phone, laptop];
    // Whichever reached the server second is the finished one; nothing of either is lost.
    const later = results.find((r) => r.conflicts.length > 0)!;
    expect(later.conflicts).toEqual([{ kind: "session", id: later.snapshot.uid, reason: "started_elsewhere" }]);
    expect(later.snapshot.finishedAt).not.toBeNull();
    expect(results.filter((r) => r.snapshot.finishedAt === null)).toHaveLength(1);
    for (const r of results) expect(r.snapshot.sets).toHaveLength(1);
    expect(await inProgress(alice)).toHaveLength(1);
  });

  it("merged into the other when two devices each started the same plan day, nothing of either lost", async () => {
    for (const { id } of await inProgress(alice)) await finishSession(database.db, alice, id);
    const phoneUid = randomUUID();
    const laptopUid = randomUUID();
    const phone = firstSave(Date.now() - 30 * 60_000);
    const laptop = firstSave(Date.now() - 25 * 60_000);
    const results = await Promise.all([save(alice, phoneUid, phone.input), save(alice, laptopUid, laptop.input)]);
    // Whichever reached the server second was merged into the first, and told so.
    const later = results.find((r) => r.conflicts.some((c) => c.reason === "merged"))!;
    const laterUid = later === results[0] ? phoneUid : laptopUid;
    const [firstDevice, laterDevice] = later === results[0] ? [laptop, phone] : [phone, laptop];
    expect(later.conflicts).toContainEqual({ kind: "session", id: laterUid, reason: "merged" });
    expect(later.snapshot.uid).not.toBe(laterUid);
    expect(later.snapshot.finishedAt).toBeNull();
    expect(later.snapshot.exercises.map((e) => e.id)).toEqual([firstDevice.pullSlot, firstDevice.curlSlot]);
    expect(later.mergedSlots).toEqual({
      [laterDevice.pullSlot]: firstDevice.pullSlot,
      [laterDevice.curlSlot]: firstDevice.curlSlot,
    });
    // Both devices logged pull-up set 1: both are kept, in the one slot.
    expect(later.snapshot.sets.filter((s) => s.slotId === firstDevice.pullSlot).map((s) => s.position)).toEqual([0, 1]);
    expect(await inProgress(alice)).toEqual([{ id: later.snapshot.id }]);

    // The merged device goes on saving under its own ids: its curl lands in the workout's curl slot.
    const curlSet = { ...laterDevice.input.sets![0], id: randomUUID(), slotId: laterDevice.curlSlot, position: 0 };
    const next = await save(alice, laterUid, {
      baseRevision: later.snapshot.revision,
      unit: "kg",
      finish: false,
      exercises: [],
      sets: [curlSet],
    });
    expect(next.snapshot.id).toBe(later.snapshot.id);
    expect(next.snapshot.sets.find((s) => s.id === curlSet.id)?.slotId).toBe(firstDevice.curlSlot);
    // Its uid reads the merged workout; the first save sent again changes nothing.
    expect(await sessionSnapshot(database.db, alice, { uid: laterUid })).toEqual(
      await sessionSnapshot(database.db, alice, later.snapshot.id),
    );
    const again = await save(alice, laterUid, laterDevice.input);
    expect(again.snapshot.sets).toHaveLength(3);
    expect(again.snapshot.exercises).toHaveLength(2);
  });

  it("starts in the past at most: a device clock ahead of the server's does not date it later", async () => {
    for (const { id } of await inProgress(alice)) await finishSession(database.db, alice, id);
    const uid = randomUUID();
    const now = new Date();
    await save(alice, uid, firstSave(now.getTime() + 3_600_000).input, now);
    const [row] = await database.db.select().from(workoutSessions).where(eq(workoutSessions.uid, uid));
    expect(row.startedAt.getTime()).toBe(now.getTime());
  });

  it("is not found without how it was started, nor under another athlete's uid", async () => {
    const { input } = firstSave(Date.now());
    const { start: _start, ...withoutStart } = input;
    await expect(save(alice, randomUUID(), withoutStart)).rejects.toMatchObject({ status: 404 });
    const aliceSession = (await sessionSnapshot(database.db, alice, (await inProgress(alice))[0].id))!;
    await expect(save(bob, aliceSession.uid, input)).rejects.toMatchObject({ status: 404 });
    expect(await sessionSnapshot(database.db, bob, { uid: aliceSession.uid })).toBeNull();
  });

  it("refuses an exercise outside the athlete's library, by field", async () => {
    const { input } = firstSave(Date.now());
    input.start!.slots[1].exerciseId = 999_999;
    await expect(save(bob, randomUUID(), input)).rejects.toMatchObject({ options: { field: "start.slots.1.exerciseId" } });
  });

  it("still starts from the server's Start button, which gives the session a uid of its own", async () => {
    const id = await startSession(database.db, bob, {});
    const snapshot = (await sessionSnapshot(database.db, bob, id))!;
    expect(snapshot.uid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
