/**
 * Saves from two devices on one session, through the real transaction on PGlite and Postgres: the
 * merge by identity (lib/athlete/session-merge) as the database holds it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { sql } from "drizzle-orm";
import { users, workoutSessions } from "@/db/schema";
import { sessionSaveSchema, type SessionSaveInput } from "@/lib/athlete/session-sync";
import { appendSetsInput } from "@/test/session-saves";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { getSession } from "@/server/queries/sessions";
import { addDayExercise, addSplitDay, createSplit } from "./splits";
import { finishSession, saveSessionChanges, startSession, WorkoutInProgressError } from "./sessions";

let database: TestDatabase;
let userId: number;
let curl: number;
let pullUp: number;
let day: number;

const targets = { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: null };
const save = (db: TestDatabase["db"], sessionId: number, input: SessionSaveInput) =>
  saveSessionChanges(db, userId, sessionId, sessionSaveSchema.parse(input));

beforeAll(async () => {
  database = await createTestDatabase();
  const library = await seedExerciseLibrary(database.db);
  curl = library.get("Dumbbell Curl")!;
  pullUp = library.get("Pull-Up")!;
  [{ id: userId }] = await database.db.insert(users).values({ email: "two-devices@example.com" }).returning({ id: users.id });
  const split = await createSplit(database.db, userId, "Pull");
  day = await addSplitDay(database.db, userId, split, "Pull day");
  await addDayExercise(database.db, userId, day, pullUp, { ...targets, targetSets: 4 });
  await addDayExercise(database.db, userId, day, curl, targets);
});

afterAll(async () => {
  await database?.drop();
});

describe("two devices saving one session", () => {
  it("keeps the laptop's set when the phone, which loaded before it, saves another", async () => {
    const db = database.db;
    const id = await startSession(db, userId, { splitDayId: day });
    // Every device shows the plan: the slots and their targets are the session's, not a draft's.
    const opened = (await sessionSnapshot(db, userId, id))!;
    expect(opened.exercises.map((e) => [e.exerciseId, e.target?.sets])).toEqual([
      [pullUp, 4],
      [curl, 3],
    ]);
    await save(
      db,
      id,
      await appendSetsInput(db, userId, id, [
        { exerciseId: pullUp, weight: 7.5, reps: 12 },
        { exerciseId: pullUp, weight: 7.5, reps: 10 },
      ]),
    );
    const phone = await appendSetsInput(db, userId, id, [{ exerciseId: curl, weight: 5, reps: 15 }]);
    const laptop = await appendSetsInput(db, userId, id, [{ exerciseId: pullUp, weight: 7.5, reps: 9 }]);
    await save(db, id, laptop);
    const merged = await save(db, id, phone);
    expect(merged.conflicts).toEqual([]);
    expect(merged.snapshot.sets.map((s) => [s.weightKg, s.reps])).toEqual([
      [7.5, 12],
      [7.5, 10],
      [7.5, 9],
      [5, 15],
    ]);
    await finishSession(db, userId, id);
  });

  it("keeps both of two concurrent saves of disjoint changes", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const a = await appendSetsInput(db, userId, id, [{ exerciseId: curl, weight: 10, reps: 10 }]);
    const b = await appendSetsInput(db, userId, id, [{ exerciseId: pullUp, weight: 0, reps: 8 }]);
    await Promise.all([save(db, id, a), save(db, id, b)]);
    const stored = (await getSession(db, userId, id))!;
    expect(stored.sets.map((s) => [s.exerciseId, s.reps]).sort()).toEqual(
      [
        [curl, 10],
        [pullUp, 8],
      ].sort(),
    );
    // Each save bumped the revision once.
    expect((await sessionSnapshot(db, userId, id))!.revision).toBe(2);
    await finishSession(db, userId, id);
  });

  it("keeps both sets when two devices, neither reloaded, log set 1 of a planned row, and tells the second", async () => {
    const db = database.db;
    const id = await startSession(db, userId, { splitDayId: day });
    // Both opened the session before either logged: each ticks its own first planned row.
    const deviceA = await appendSetsInput(db, userId, id, [{ exerciseId: pullUp, weight: 100, reps: 8 }]);
    const deviceB = await appendSetsInput(db, userId, id, [{ exerciseId: pullUp, weight: 120, reps: 5 }]);
    expect(deviceA.sets![0].position).toBe(0);
    expect(deviceB.sets![0].position).toBe(0);
    expect((await save(db, id, deviceA)).conflicts).toEqual([]);
    const merged = await save(db, id, deviceB);
    expect(merged.conflicts).toEqual([{ kind: "set", id: deviceB.sets![0].id, reason: "also_logged", position: 0 }]);
    expect(merged.snapshot.sets.map((s) => [s.weightKg, s.reps, s.position])).toEqual([
      [100, 8, 0],
      [120, 5, 1],
    ]);
    const stored = (await getSession(db, userId, id))!;
    expect(stored.sets.map((s) => [s.weightKg, s.reps])).toEqual([
      [100, 8],
      [120, 5],
    ]);
    // Retried, the save changes nothing and says nothing more.
    const retried = await save(db, id, deviceB);
    expect(retried.snapshot.revision).toBe(merged.snapshot.revision);
    expect(retried.snapshot.sets).toHaveLength(2);
    await finishSession(db, userId, id);
  });

  it("ignores a deletion of a set edited since the deleting device saw it, and says so", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const first = await save(db, id, await appendSetsInput(db, userId, id, [{ exerciseId: curl, weight: 10, reps: 10 }]));
    const [set] = first.snapshot.sets;
    const seen = first.snapshot.revision;
    await save(db, id, {
      baseRevision: seen,
      unit: "kg",
      sets: [
        {
          id: set.id,
          slotId: set.slotId,
          position: set.position,
          values: { weightKg: 12, reps: 10, rpe: null, missed: false },
          times: { weightKg: Date.now(), reps: 1, rpe: 1, missed: 1, position: 1 },
        },
      ],
    });
    const stale = await save(db, id, { baseRevision: seen, unit: "kg", deletedSets: [{ id: set.id, seenRevision: seen }] });
    expect(stale.conflicts).toEqual([{ kind: "set", id: set.id, reason: "kept" }]);
    expect(stale.snapshot.sets.map((s) => s.weightKg)).toEqual([12]);
    await finishSession(db, userId, id);
  });

  it("changes nothing when a save is retried, and never brings back a deleted set", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const input = await appendSetsInput(db, userId, id, [{ exerciseId: curl, weight: 10, reps: 10 }]);
    const first = await save(db, id, input);
    const retried = await save(db, id, input);
    expect(retried.snapshot).toEqual(first.snapshot);
    const [set] = first.snapshot.sets;
    await save(db, id, {
      baseRevision: first.snapshot.revision,
      unit: "kg",
      deletedSets: [{ id: set.id, seenRevision: first.snapshot.revision }],
    });
    const late = await save(db, id, input);
    expect(late.snapshot.sets).toEqual([]);
    expect(late.conflicts).toEqual([{ kind: "set", id: set.id, reason: "deleted_elsewhere" }]);
    await finishSession(db, userId, id);
  });

  it("refuses a set id that belongs to another session instead of failing", async () => {
    const db = database.db;
    const one = await startSession(db, userId);
    const input = await appendSetsInput(db, userId, one, [{ exerciseId: curl, weight: 10, reps: 10 }]);
    await save(db, one, input);
    await finishSession(db, userId, one);
    const two = await startSession(db, userId);
    const forged = await appendSetsInput(db, userId, two, [{ exerciseId: curl, weight: 10, reps: 10 }]);
    forged.sets![0].id = input.sets![0].id;
    await expect(save(db, two, forged)).rejects.toMatchObject({ status: 409 });
    await finishSession(db, userId, two);
  });
});

describe("one workout in progress", () => {
  it("offers the one in progress instead of starting a second", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    await expect(startSession(db, userId, { splitDayId: day })).rejects.toEqual(new WorkoutInProgressError(id));
    await expect(startSession(db, userId, { splitDayId: day })).rejects.toMatchObject({ sessionId: id });
    // The database holds it too, whatever the code path.
    await expect(db.insert(workoutSessions).values({ userId, name: "Sneaky" })).rejects.toThrow();
    await finishSession(db, userId, id);
    const next = await startSession(db, userId);
    expect(next).not.toBe(id);
    await finishSession(db, userId, next);
  });

  it("lets a device add its own exercise slot and remove it for good", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const slot = randomUUID();
    const added = await save(db, id, {
      baseRevision: 0,
      unit: "kg",
      exercises: [{ id: slot, exerciseId: curl, position: 0, positionAt: 1 }],
    });
    expect(added.snapshot.exercises.map((e) => e.id)).toEqual([slot]);
    const removed = await save(db, id, {
      baseRevision: added.snapshot.revision,
      unit: "kg",
      deletedExercises: [{ id: slot, seenRevision: added.snapshot.revision }],
    });
    expect(removed.snapshot.exercises).toEqual([]);
    const again = await save(db, id, {
      baseRevision: 0,
      unit: "kg",
      exercises: [{ id: slot, exerciseId: curl, position: 0, positionAt: 2 }],
    });
    expect(again.snapshot.exercises).toEqual([]);
    await finishSession(db, userId, id);
  });
});

describe("what a set may hold, as the database keeps it", () => {
  const times = (at: number) => ({ weightKg: at, reps: at, rpe: at, missed: at, position: at });

  it("stores a weight alone (a sled push) and a missed attempt that records nothing, and refuses an empty set", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const slot = randomUUID();
    const [sled, miss] = [randomUUID(), randomUUID()];
    const saved = await save(db, id, {
      baseRevision: 0,
      unit: "kg",
      exercises: [{ id: slot, exerciseId: curl, position: 0, positionAt: 1 }],
      sets: [
        { id: sled, slotId: slot, position: 0, values: { weightKg: 140, reps: 0, rpe: null, missed: false }, times: times(1) },
        { id: miss, slotId: slot, position: 1, values: { weightKg: 0, reps: 0, rpe: null, missed: true }, times: times(1) },
      ],
    });
    expect(saved.snapshot.sets.map((s) => [s.id, s.weightKg, s.reps, s.missed])).toEqual([
      [sled, 140, 0, false],
      [miss, 0, 0, true],
    ]);
    const empty = sessionSaveSchema.safeParse({
      baseRevision: saved.snapshot.revision,
      unit: "kg",
      sets: [
        {
          id: randomUUID(),
          slotId: slot,
          position: 2,
          values: { weightKg: 0, reps: 0, rpe: null, missed: false },
          times: times(2),
        },
      ],
    });
    expect(empty.success).toBe(false);
    // The database holds the same rule, for whatever writes without the schema.
    await expect(
      database.db.execute(sql`UPDATE session_sets SET weight_kg = 0, missed = false WHERE uid = ${sled}`),
    ).rejects.toThrow();
    await finishSession(db, userId, id);
  });

  it("saves a change a device queued in the previous naming (weight in pounds) as the weight it meant", async () => {
    const db = database.db;
    const id = await startSession(db, userId);
    const slot = randomUUID();
    const set = randomUUID();
    const saved = await saveSessionChanges(
      db,
      userId,
      id,
      sessionSaveSchema.parse({
        baseRevision: 0,
        unit: "lb",
        exercises: [{ id: slot, exerciseId: curl, position: 0, positionAt: 1 }],
        sets: [
          {
            id: set,
            slotId: slot,
            position: 0,
            values: { weight: 45, reps: 10, rpe: 8, missed: false, setType: "normal", seconds: null, distance: null },
            times: { weight: 5, reps: 5, rpe: 5, missed: 5, position: 5, setType: 5, seconds: 5, distance: 5 },
          },
        ],
      }),
    );
    expect(saved.snapshot.sets).toEqual([
      expect.objectContaining({
        id: set,
        weightKg: 20.41,
        reps: 10,
        rpe: 8,
        times: expect.objectContaining({ weightKg: 5, distanceM: 5 }),
      }),
    ]);
    await finishSession(db, userId, id);
  });
});
