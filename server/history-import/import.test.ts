/** Preview → import → undo on a fresh database (PGlite, or Postgres with DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { chunksOf, generateWorkouts, hevyCsv, strongCsv } from "@/test/history-files";
import { logSets } from "@/test/session-saves";
import { seedExerciseLibrary } from "@/db/seed";
import { exercises, historyImports, sessionSets, users, workoutSessions } from "@/db/schema";
import { parseHistoryFile } from "@/lib/history-import/parse-file";
import { importFormSchema } from "@/lib/history-import/import-form";
import { toStoredKg } from "@/lib/training/units";
import {
  createPreview,
  duplicatePositions,
  exerciseChoicesFor,
  getPreview,
  PREVIEW_GONE,
  previewWorkoutHeads,
  readPreviewDatesAs,
} from "./previews";
import { importPreview, undoImport } from "./import";

let database: TestDatabase;
let library: Map<string, number>;
let nextUser = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  library = await seedExerciseLibrary(database.db);
});
afterAll(async () => {
  await database?.drop();
});

async function newAthlete(weightUnit: "kg" | "lb" = "kg"): Promise<number> {
  const [{ id }] = await database.db
    .insert(users)
    .values({ email: `import${nextUser++}@example.com`, weightUnit })
    .returning({ id: users.id });
  return id;
}

async function preview(userId: number, csv: string, timeZone = "UTC") {
  const parsed = await parseHistoryFile(chunksOf(csv, 1000), { timeZone });
  if (!parsed.ok) throw new Error(parsed.error);
  const id = await createPreview(database.db, userId, "export.csv", parsed.summary, parsed.workouts);
  return { id, summary: parsed.summary };
}

/** The form as the preview page sends it: every suggestion taken, the rest created as the athlete's own. */
async function confirmAsSuggested(userId: number, previewId: string, weightUnit: "kg" | "lb" = "kg") {
  const stored = await getPreview(database.db, userId, previewId);
  const { suggested } = await exerciseChoicesFor(database.db, userId, stored!.summary);
  const form: Record<string, string> = { previewId, weightUnit };
  suggested.forEach((s, i) => {
    form[`choice.${i}`] = s ? "library" : "own";
    form[`exercise.${i}`] = s?.name ?? "";
  });
  return importFormSchema.parse(form);
}

const sessionCount = async (userId: number) =>
  (await database.db.select({ n: count() }).from(workoutSessions).where(eq(workoutSessions.userId, userId)))[0].n;
const setCount = async (userId: number) =>
  (
    await database.db
      .select({ n: count() })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(eq(workoutSessions.userId, userId))
  )[0].n;

describe("importing a Strong export", () => {
  const workouts = generateWorkouts({ workouts: 40, setsPerExercise: 3, seed: 7 });
  const csv = strongCsv(workouts);

  it("imports exactly what the preview showed, with the original times, durations, notes and weights", async () => {
    const userId = await newAthlete("lb");
    const { id, summary } = await preview(userId, csv, "Europe/Berlin");
    expect(summary).toMatchObject({ workouts: 40, sets: 600, weightUnitInFile: null, problemCount: 0 });
    const outcome = await importPreview(database.db, userId, await confirmAsSuggested(userId, id, "lb"));
    expect(outcome).toMatchObject({ workouts: summary.workouts, sets: summary.sets, duplicatesSkipped: 0 });
    expect(await sessionCount(userId)).toBe(40);
    expect(await setCount(userId)).toBe(600);

    const [first] = await database.db
      .select()
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId))
      .orderBy(workoutSessions.startedAt)
      .limit(1);
    const w = workouts[0];
    // The wall clock was read in Berlin (UTC+1 in winter).
    expect(first.startedAt.getTime()).toBe(w.start.getTime() - 3_600_000);
    expect(first).toMatchObject({
      name: w.name,
      durationSeconds: w.minutes * 60,
      notes: w.note,
      revision: 0,
      importId: outcome.importId,
    });
    expect(first.finishedAt!.getTime() - first.startedAt.getTime()).toBe(w.minutes * 60_000);
    const sets = await database.db
      .select()
      .from(sessionSets)
      .where(eq(sessionSets.sessionId, first.id))
      .orderBy(sessionSets.exerciseSlotId, sessionSets.position);
    const bench = w.exercises[0].sets[0];
    expect(sets.some((s) => s.reps === bench.reps && Math.abs(s.weightKg - bench.weight * 0.45359237) < 0.006)).toBe(true);
  });

  it("files names under the library exercise they match, and creates the athlete's own for the rest", async () => {
    const userId = await newAthlete();
    const { id } = await preview(userId, csv);
    await importPreview(database.db, userId, await confirmAsSuggested(userId, id));
    const own = await database.db.select({ name: exercises.name }).from(exercises).where(eq(exercises.createdBy, userId));
    expect(own.map((e) => e.name)).toEqual(["Zercher Squat"]);
    const benchSets = await database.db
      .select({ n: count() })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(and(eq(workoutSessions.userId, userId), eq(sessionSets.exerciseId, library.get("Barbell Bench Press")!)));
    expect(benchSets[0].n).toBeGreaterThan(0);
  });

  it("marks workouts already in Ironlog as duplicates, and skips them on a second import", async () => {
    const userId = await newAthlete();
    const first = await preview(userId, csv);
    await importPreview(database.db, userId, await confirmAsSuggested(userId, first.id));
    const again = await preview(userId, csv);
    const { summary } = again;
    const { suggested } = await exerciseChoicesFor(database.db, userId, summary);
    const ids = new Map(summary.exercises.map((e, i) => [e.name, suggested[i]?.id]));
    const marked = await duplicatePositions(database.db, userId, await previewWorkoutHeads(database.db, again.id), (name) =>
      ids.get(name),
    );
    expect(marked.size).toBe(40);
    const outcome = await importPreview(database.db, userId, await confirmAsSuggested(userId, again.id));
    expect(outcome).toMatchObject({ workouts: 0, duplicatesSkipped: 40 });
    expect(await sessionCount(userId)).toBe(40);
  });

  it("imports a preview once: a second confirmation finds it gone", async () => {
    const userId = await newAthlete();
    const { id } = await preview(userId, csv);
    const input = await confirmAsSuggested(userId, id);
    const results = await Promise.allSettled([
      importPreview(database.db, userId, input),
      importPreview(database.db, userId, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: PREVIEW_GONE } });
    expect(await sessionCount(userId)).toBe(40);
  });

  it("refuses another athlete's preview", async () => {
    const owner = await newAthlete();
    const other = await newAthlete();
    const { id } = await preview(owner, csv);
    await expect(importPreview(database.db, other, await confirmAsSuggested(owner, id))).rejects.toThrow(PREVIEW_GONE);
    expect(await sessionCount(other)).toBe(0);
  });

  it("writes nothing when a chosen exercise is not in the library", async () => {
    const userId = await newAthlete();
    const { id } = await preview(userId, csv);
    const input = await confirmAsSuggested(userId, id);
    input.choices[0] = { index: 0, kind: "library", name: "No Such Lift" };
    await expect(importPreview(database.db, userId, input)).rejects.toMatchObject({ options: { field: "exercise.0" } });
    expect(await sessionCount(userId)).toBe(0);
    expect(await getPreview(database.db, userId, id)).not.toBeNull();
  });
});

describe("importing what other exports hold", () => {
  it("keeps a failed attempt as a missed set at its weight, and a sled push by its weight alone", async () => {
    const userId = await newAthlete("lb");
    const csv = [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
      "2024-03-05 18:02:11,Legs,1h,Squat (Barbell),1,275,5,0,0,,,",
      "2024-03-05 18:02:11,Legs,1h,Squat (Barbell),Rest Timer,0,0,0,180,,,",
      "2024-03-05 18:02:11,Legs,1h,Squat (Barbell),F,315,0,0,0,,,",
      "2024-03-05 18:02:11,Legs,1h,Sled Push,1,180,0,0,0,,,",
    ].join("\n");
    const { id, summary } = await preview(userId, csv);
    expect(summary).toMatchObject({ workouts: 1, sets: 3, restTimers: 1, problemCount: 0 });
    await importPreview(database.db, userId, await confirmAsSuggested(userId, id, "lb"));
    const stored = await database.db
      .select({ reps: sessionSets.reps, weightKg: sessionSets.weightKg, missed: sessionSets.missed })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(eq(workoutSessions.userId, userId))
      .orderBy(sessionSets.exerciseId, sessionSets.position);
    expect(stored).toEqual(
      expect.arrayContaining([
        { reps: 5, weightKg: toStoredKg(275, "lb"), missed: false },
        { reps: 0, weightKg: toStoredKg(315, "lb"), missed: true },
        { reps: 0, weightKg: toStoredKg(180, "lb"), missed: false },
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  it("imports values past what Ironlog stores as the preview's worth-a-look list said: left empty, never cut", async () => {
    const userId = await newAthlete("kg");
    const csv = [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
      "2024-03-05 18:02:11,Legs,30h 5m,Squat (Barbell),1,100,5,0,0,,,",
      "2024-03-05 18:02:11,Legs,30h 5m,Cable Row,1,40,3310,0,0,,,",
      "2024-03-05 18:02:11,Legs,30h 5m,Plank,1,0,0,0,90000,,,",
      "2024-03-07 18:00:00,Push,23h 59m,Bench Press (Barbell),1,80,5,0,0,,,",
    ].join("\n");
    const { id, summary } = await preview(userId, csv);
    expect(summary).toMatchObject({ workouts: 2, sets: 4, problemCount: 0, worthALookCount: 3 });
    expect(summary.worthALook!.map((item) => [item.line, item.outcome])).toEqual([
      [2, "Imported with all its sets; its duration is left empty."],
      [3, "The set is imported without its reps."],
      [4, "The set is left out: nothing else in it can be stored."],
    ]);
    const outcome = await importPreview(database.db, userId, await confirmAsSuggested(userId, id, "kg"));
    expect(outcome).toMatchObject({ workouts: 2, sets: 3 });
    const sessions = await database.db
      .select({ name: workoutSessions.name, durationSeconds: workoutSessions.durationSeconds })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId))
      .orderBy(workoutSessions.startedAt);
    expect(sessions).toEqual([
      { name: "Legs", durationSeconds: null },
      { name: "Push", durationSeconds: 23 * 3600 + 59 * 60 },
    ]);
    const stored = await database.db
      .select({ reps: sessionSets.reps, weightKg: sessionSets.weightKg, seconds: sessionSets.seconds })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(eq(workoutSessions.userId, userId));
    expect(stored).toEqual(
      expect.arrayContaining([
        { reps: 5, weightKg: 100, seconds: null },
        { reps: 0, weightKg: 40, seconds: null },
        { reps: 5, weightKg: 80, seconds: null },
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  it("asks which language dates that read two ways are in, and imports them in the one chosen", async () => {
    const userId = await newAthlete("kg");
    const csv = [
      "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe",
      'Nogi,"3 lis 2025, 18:00","3 lis 2025, 19:00",,Squat (Barbell),,,0,normal,100,5,,,',
      'Plecy,"30 lis 2025, 18:00","30 lis 2025, 19:10",,Deadlift (Barbell),,,0,normal,140,3,,,',
    ].join("\n");
    const { id, summary } = await preview(userId, csv, "Europe/Warsaw");
    expect(summary.dateQuestion).toMatchObject({
      example: { line: 2, text: "3 lis 2025, 18:00" },
      options: [
        { locale: "pl", language: "Polish", reads: "3 November 2025" },
        { locale: "hr", language: "Croatian", reads: "3 October 2025" },
      ],
      chosen: "pl",
    });
    await expect(readPreviewDatesAs(database.db, userId, id, "en")).rejects.toThrow("Choose one of the languages listed.");
    await readPreviewDatesAs(database.db, userId, id, "hr");
    const reread = await getPreview(database.db, userId, id);
    expect(reread!.summary).toMatchObject({
      from: "2025-10-03T16:00:00.000Z",
      to: "2025-10-30T17:00:00.000Z",
      dateQuestion: { chosen: "hr" },
    });
    await importPreview(database.db, userId, await confirmAsSuggested(userId, id, "kg"));
    const sessions = await database.db
      .select({ startedAt: workoutSessions.startedAt, durationSeconds: workoutSessions.durationSeconds })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId))
      .orderBy(workoutSessions.startedAt);
    expect(sessions).toEqual([
      { startedAt: new Date("2025-10-03T16:00:00.000Z"), durationSeconds: 3600 },
      { startedAt: new Date("2025-10-30T17:00:00.000Z"), durationSeconds: 4200 },
    ]);
  });

  it("imports a FitNotes day as one workout at noon in the athlete's zone", async () => {
    const userId = await newAthlete("kg");
    const csv = [
      "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time",
      "2017-06-23,Bench Press (Barbell),Chest,135.0,5,,,",
      "2017-06-23,Bench Press (Barbell),Chest,135.0,5,,,",
      "2017-06-24,Running (Treadmill),Cardio,,,2.5,mi,0:21:10",
    ].join("\n");
    const { id, summary } = await preview(userId, csv, "America/New_York");
    expect(summary).toMatchObject({ format: "fitnotes", workouts: 2, sets: 3, weightUnitInFile: "lb" });
    await importPreview(database.db, userId, await confirmAsSuggested(userId, id, "kg"));
    const sessions = await database.db
      .select({ startedAt: workoutSessions.startedAt })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId))
      .orderBy(workoutSessions.startedAt);
    expect(sessions.map((s) => s.startedAt.toISOString())).toEqual(["2017-06-23T16:00:00.000Z", "2017-06-24T16:00:00.000Z"]);
  });
});

describe("undoing an import", () => {
  it("removes exactly the sessions it created, keeping and naming one edited since", async () => {
    const userId = await newAthlete();
    const [{ id: ownSession }] = await database.db
      .insert(workoutSessions)
      .values({
        userId,
        name: "Logged here",
        startedAt: new Date("2024-01-01T10:00:00Z"),
        finishedAt: new Date("2024-01-01T11:00:00Z"),
      })
      .returning({ id: workoutSessions.id });
    const { id } = await preview(userId, hevyCsv(generateWorkouts({ workouts: 12, setsPerExercise: 2, seed: 3 })));
    const outcome = await importPreview(database.db, userId, await confirmAsSuggested(userId, id));
    expect(outcome.workouts).toBe(12);
    const [edited] = await database.db
      .select()
      .from(workoutSessions)
      .where(eq(workoutSessions.importId, outcome.importId))
      .limit(1);
    await logSets(database.db, userId, edited.id, [{ exerciseId: library.get("Barbell Bench Press")!, weight: 100, reps: 5 }]);

    const undo = await undoImport(database.db, userId, outcome.importId);
    expect(undo.removed).toBe(11);
    expect(undo.kept.map((k) => k.id)).toEqual([edited.id]);
    const left = await database.db
      .select({ id: workoutSessions.id })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId))
      .orderBy(workoutSessions.id);
    expect(left.map((s) => s.id)).toEqual([ownSession, edited.id]);
    const [record] = await database.db.select().from(historyImports).where(eq(historyImports.id, outcome.importId));
    expect(record).toMatchObject({ undoRemoved: 11, undoKept: 1 });
    expect(record.undoneAt).not.toBeNull();
    await expect(undoImport(database.db, userId, outcome.importId)).rejects.toThrow("already undone");
  });

  it("lets the same file be imported again after an undo", async () => {
    const userId = await newAthlete();
    const csv = strongCsv(generateWorkouts({ workouts: 5, setsPerExercise: 2, seed: 9 }));
    const first = await importPreview(database.db, userId, await confirmAsSuggested(userId, (await preview(userId, csv)).id));
    await undoImport(database.db, userId, first.importId);
    expect(await sessionCount(userId)).toBe(0);
    const second = await importPreview(database.db, userId, await confirmAsSuggested(userId, (await preview(userId, csv)).id));
    expect(second).toMatchObject({ workouts: 5, duplicatesSkipped: 0 });
    // "Zercher Squat" went with the first import's undo and came back with the second import.
    expect(await database.db.select().from(exercises).where(eq(exercises.createdBy, userId))).toHaveLength(1);
  });

  it("removes the own exercises it added, but keeps one the athlete has used since, with what they logged", async () => {
    const csv = strongCsv(generateWorkouts({ workouts: 4, setsPerExercise: 2, seed: 11 }));
    const ownExercises = (userId: number) => database.db.select().from(exercises).where(eq(exercises.createdBy, userId));

    const untouched = await newAthlete();
    const first = await importPreview(
      database.db,
      untouched,
      await confirmAsSuggested(untouched, (await preview(untouched, csv)).id),
    );
    expect((await ownExercises(untouched)).map((e) => e.name)).toEqual(["Zercher Squat"]);
    expect(await undoImport(database.db, untouched, first.importId)).toMatchObject({ removed: 4, exercisesRemoved: 1 });
    expect(await ownExercises(untouched)).toEqual([]);
    const [record] = await database.db.select().from(historyImports).where(eq(historyImports.id, first.importId));
    expect(record.undoExercisesRemoved).toBe(1);

    const usedSince = await newAthlete();
    const second = await importPreview(
      database.db,
      usedSince,
      await confirmAsSuggested(usedSince, (await preview(usedSince, csv)).id),
    );
    const [zercher] = await ownExercises(usedSince);
    const [today] = await database.db
      .insert(workoutSessions)
      .values({
        userId: usedSince,
        name: "Legs",
        startedAt: new Date("2026-11-30T10:00:00Z"),
        finishedAt: new Date("2026-11-30T11:00:00Z"),
      })
      .returning({ id: workoutSessions.id });
    await logSets(database.db, usedSince, today.id, [{ exerciseId: zercher.id, weight: 60, reps: 8 }]);
    expect(await undoImport(database.db, usedSince, second.importId)).toMatchObject({ removed: 4, exercisesRemoved: 0 });
    expect((await ownExercises(usedSince)).map((e) => e.id)).toEqual([zercher.id]);
    expect(
      await database.db.select({ reps: sessionSets.reps }).from(sessionSets).where(eq(sessionSets.sessionId, today.id)),
    ).toEqual([{ reps: 8 }]);
  });
});
