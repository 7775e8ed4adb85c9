/** Export → import into a new account reproduces the history (PGlite, or Postgres with DATABASE_URL). */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { chunksOf, generateWorkouts, strongCsv } from "@/test/history-files";
import { logSets } from "@/test/session-saves";
import { seedExerciseLibrary } from "@/db/seed";
import { users, workoutSessions } from "@/db/schema";
import { parseHistoryFile } from "@/lib/history-import/parse-file";
import { importFormSchema } from "@/lib/history-import/import-form";
import { startSession } from "@/server/services/sessions";
import { createPreview, exerciseChoicesFor } from "@/server/history-import/previews";
import { importPreview } from "@/server/history-import/import";
import { exportedSessions, historyCsv, historyJson } from "./export";

let database: TestDatabase;
let library: Map<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  library = await seedExerciseLibrary(database.db);
});
afterAll(async () => {
  await database?.drop();
});

async function join(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function importCsv(userId: number, csv: string, weightUnit: "kg" | "lb") {
  const parsed = await parseHistoryFile(chunksOf(csv), { timeZone: "UTC" });
  if (!parsed.ok) throw new Error(parsed.error);
  const previewId = await createPreview(database.db, userId, "history.csv", parsed.summary, parsed.workouts);
  const { suggested } = await exerciseChoicesFor(database.db, userId, parsed.summary);
  const form: Record<string, string> = { previewId, weightUnit };
  suggested.forEach((s, i) => {
    form[`choice.${i}`] = s ? "library" : "own";
    form[`exercise.${i}`] = s?.name ?? "";
  });
  return { summary: parsed.summary, outcome: await importPreview(database.db, userId, importFormSchema.parse(form)) };
}

/** The history as an athlete sees it, to the second (Strong's dates hold no milliseconds). */
async function history(userId: number) {
  const out = [];
  for await (const batch of exportedSessions(database.db, userId)) {
    for (const s of batch) out.push({ ...s, startedAt: Math.floor(s.startedAt.getTime() / 1000), finishedAt: undefined });
  }
  return out;
}

describe("exporting the history", () => {
  it("round-trips through CSV into a new account: sessions, times, durations, notes, exercises and sets", async () => {
    const [{ id: source }] = await database.db
      .insert(users)
      .values({ email: "source@example.com", weightUnit: "lb" })
      .returning({ id: users.id });
    await importCsv(source, strongCsv(generateWorkouts({ workouts: 30, setsPerExercise: 3, seed: 5 })), "lb");
    // Hevy's fixture brings warm-ups, a superset and a run (distance and time).
    await importCsv(source, fs.readFileSync(path.join(process.cwd(), "test/fixtures/history/hevy.csv"), "utf8"), "lb");
    // And a session logged in Ironlog itself, with an awkward weight, RPE and a note holding a comma and a newline.
    const sessionId = await startSession(database.db, source, { name: "Logged, here" });
    await logSets(
      database.db,
      source,
      sessionId,
      [
        { exerciseId: library.get("Barbell Bench Press")!, weight: 102.5, reps: 5, rpe: 8.5 },
        { exerciseId: library.get("Deadlift")!, weight: 180, reps: 3 },
      ],
      { finished: true, unit: "lb", notes: 'Heavy, "good"\nday', durationMinutes: 61 },
    );

    const csv = await join(historyCsv(database.db, source, "lb", "UTC"));
    expect(csv.split("\n")[0]).toBe(
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit,Distance Unit,Set Type,Superset,Time Zone,Exercise Notes,Missed",
    );

    const [{ id: target }] = await database.db
      .insert(users)
      .values({ email: "target@example.com", weightUnit: "kg" })
      .returning({ id: users.id });
    const { summary, outcome } = await importCsv(target, csv, "kg");
    expect(summary).toMatchObject({ format: "ironlog", weightUnitInFile: "lb", problemCount: 0 });
    expect(outcome.workouts).toBe(31 + 22);
    const sets = (await history(target)).flatMap((s) => s.exercises.flatMap((e) => e.sets));
    expect(sets.some((s) => s.setType === "warmup")).toBe(true);
    expect(sets.some((s) => s.distanceM === 5200 && s.seconds === 1800)).toBe(true);
    expect((await history(target)).some((s) => s.exercises.some((e) => e.supersetGroup === 1))).toBe(true);
    expect(await history(target)).toEqual(await history(source));
  });

  it("streams JSON that parses to every session", async () => {
    const [{ id }] = await database.db.insert(users).values({ email: "json@example.com" }).returning({ id: users.id });
    await importCsv(id, strongCsv(generateWorkouts({ workouts: 250, setsPerExercise: 1, seed: 2 })), "kg");
    const json = JSON.parse(await join(historyJson(database.db, id, "kg", "UTC")));
    expect(json).toMatchObject({ format: "ironlog-history", version: 1, weightUnit: "kg" });
    expect(json.sessions).toHaveLength(250);
    const count = (await database.db.select().from(workoutSessions).where(eq(workoutSessions.userId, id))).length;
    expect(json.sessions).toHaveLength(count);
    expect(json.sessions[0].exercises[0].sets[0]).toHaveProperty("weightKg");
  });
});
