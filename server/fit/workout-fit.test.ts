/**
 * Garmin FIT downloads against a real database (PGlite, or Postgres with DATABASE_URL): one workout's
 * file as the route answers it, and a range's zip, each read back with Garmin's SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Decoder, Stream } from "@garmin/fitsdk";
import { fromBuffer, type ZipFile } from "yauzl";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { logSets } from "@/test/session-saves";
import { seedExerciseLibrary } from "@/db/seed";
import { exercises, users, workoutSessions } from "@/db/schema";
import { startSession } from "@/server/services/sessions";
import { getSession } from "@/server/queries/sessions";
import { FIT_MESSAGES, finishedWorkoutsIn, workoutFitResponse, workoutsZipResponse } from "./workout-fit";

let database: TestDatabase;
let library: Map<string, number>;
let athlete: number;
let other: number;
let finished: number;
let inProgress: number;
let othersSession: number;

type Messages = Record<string, Record<string, unknown>[] | undefined>;

function decode(bytes: Uint8Array): Messages {
  const decoder = new Decoder(Stream.fromByteArray(Array.from(bytes)));
  expect(decoder.checkIntegrity()).toBe(true);
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  return messages as unknown as Messages;
}

/** Each entry of a zip, by name, read with yauzl. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

async function userWith(email: string, weightUnit: "kg" | "lb" = "kg") {
  const [{ id }] = await database.db.insert(users).values({ email, weightUnit }).returning({ id: users.id });
  return id;
}

/** A finished session started at `startedAt`, with the given sets. */
async function finishedSession(userId: number, startedAt: string, sets: Parameters<typeof logSets>[3], name = "Workout") {
  const id = await startSession(database.db, userId, { name });
  await logSets(database.db, userId, id, sets, { finished: true, durationMinutes: 65 });
  await database.db
    .update(workoutSessions)
    .set({ startedAt: new Date(startedAt) })
    .where(eq(workoutSessions.id, id));
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  library = await seedExerciseLibrary(database.db);
  athlete = await userWith("fit@example.com", "lb");
  other = await userWith("other@example.com");
  const [{ id: rower }] = await database.db
    .insert(exercises)
    .values({ name: "Rowing Machine", type: "machine", measure: "distance_time", createdBy: athlete })
    .returning({ id: exercises.id });
  const bench = library.get("Barbell Bench Press")!;
  finished = await finishedSession(
    athlete,
    "2026-03-05T17:02:11Z",
    [
      { exerciseId: bench, weight: 40, reps: 10, setType: "warmup" },
      { exerciseId: bench, weight: 102.5, reps: 5, rpe: 8.5 },
      { exerciseId: bench, weight: 102.5, reps: 5 },
      { exerciseId: bench, weight: 105, reps: 1, missed: true },
      { exerciseId: library.get("Plank")!, weight: 0, reps: 0, seconds: 75 },
      { exerciseId: rower, weight: 0, reps: 0, seconds: 480, distanceM: 2000 },
    ],
    "Push day",
  );
  await finishedSession(athlete, "2026-03-20T08:00:00Z", [{ exerciseId: bench, weight: 100, reps: 3 }]);
  await finishedSession(athlete, "2026-04-02T08:00:00Z", [{ exerciseId: bench, weight: 100, reps: 3 }]);
  othersSession = await finishedSession(other, "2026-03-06T08:00:00Z", [{ exerciseId: bench, weight: 50, reps: 5 }]);
  inProgress = await startSession(database.db, athlete, { name: "Still going" });
  await logSets(database.db, athlete, inProgress, [{ exerciseId: bench, weight: 60, reps: 8 }]);
  await database.db
    .update(workoutSessions)
    .set({ startedAt: new Date("2026-03-10T08:00:00Z") })
    .where(eq(workoutSessions.id, inProgress));
});
afterAll(async () => {
  await database?.drop();
});

describe("one workout as a FIT file", () => {
  it("answers the athlete's own finished workout with a .fit whose sets equal the session's", async () => {
    const response = await workoutFitResponse(database.db, athlete, finished);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.ant.fit");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="2026-03-05-push-day-${finished}.fit"`);
    const m = decode(new Uint8Array(await response.arrayBuffer()));
    expect(m.fileIdMesgs![0]).toMatchObject({ type: "activity" });
    expect(m.sessionMesgs![0]).toMatchObject({
      sport: "training",
      subSport: "strengthTraining",
      startTime: new Date("2026-03-05T17:02:11Z"),
      totalElapsedTime: 65 * 60,
      totalDistance: 2000,
    });
    expect(m.activityMesgs).toHaveLength(1);
    // Bench press, the plank and the row: three laps.
    expect(m.lapMesgs).toHaveLength(3);
    const session = (await getSession(database.db, athlete, finished))!;
    const active = m.setMesgs!.filter((s) => s.setType === "active");
    expect(active.map((s) => [s.repetitions, s.weight, s.duration])).toEqual(
      session.sets.map((s) => [s.missed ? 0 : s.reps, Math.round(s.weightKg * 16) / 16, expect.any(Number)]),
    );
    expect(active.map((s) => s.category)).toEqual([
      ["warmUp", "benchPress"],
      ["benchPress"],
      ["benchPress"],
      ["benchPress"],
      ["plank"],
      undefined,
    ]);
    expect(active[0].weightDisplayUnit).toBe("pound");
  });

  it("says another athlete's workout, or no id at all, is not found", async () => {
    for (const id of [othersSession, undefined, 2_000_000_000]) {
      const response = await workoutFitResponse(database.db, athlete, id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: FIT_MESSAGES.notFound });
    }
  });

  it("refuses a workout still in progress, in words", async () => {
    const response = await workoutFitResponse(database.db, athlete, inProgress);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: "This workout is still in progress: finish it, then download it for Garmin.",
    });
  });

  it("gives the same file for the same workout", async () => {
    const a = await (await workoutFitResponse(database.db, athlete, finished)).arrayBuffer();
    const b = await (await workoutFitResponse(database.db, athlete, finished)).arrayBuffer();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("a range of days as a zip of FIT files", () => {
  it("holds each finished workout of the athlete's started on those days, each a valid FIT file", async () => {
    const range = { from: "2026-03-01", to: "2026-03-31" };
    expect(await finishedWorkoutsIn(database.db, athlete, range, "UTC")).toBe(2);
    const response = (await workoutsZipResponse(database.db, athlete, range, "UTC"))!;
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="ironlog-garmin-2026-03-01-to-2026-03-31.zip"',
    );
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    // Not April's, not the one in progress, not the other athlete's.
    expect([...files.keys()].sort()).toEqual(
      [`2026-03-05-push-day-${finished}.fit`, expect.stringMatching(/^2026-03-20-workout-\d+\.fit$/)].sort(),
    );
    const single = Buffer.from(await (await workoutFitResponse(database.db, athlete, finished)).arrayBuffer());
    expect(files.get(`2026-03-05-push-day-${finished}.fit`)!.equals(single)).toBe(true);
    for (const bytes of files.values()) expect(decode(new Uint8Array(bytes)).sessionMesgs).toHaveLength(1);
  });

  it("reads the days in the athlete's time zone", async () => {
    // 17:02 UTC on 5 March is already 6 March in Auckland.
    expect(await finishedWorkoutsIn(database.db, athlete, { from: "2026-03-05", to: "2026-03-05" }, "UTC")).toBe(1);
    expect(await finishedWorkoutsIn(database.db, athlete, { from: "2026-03-05", to: "2026-03-05" }, "Pacific/Auckland")).toBe(0);
    expect(await finishedWorkoutsIn(database.db, athlete, { from: "2026-03-06", to: "2026-03-06" }, "Pacific/Auckland")).toBe(1);
  });

  it("stops quietly when the client goes away part-way", async () => {
    const response = (await workoutsZipResponse(database.db, athlete, { from: "2026-03-01", to: "2026-04-30" }, "UTC"))!;
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // No uncaught error (vitest would fail the file), and the database answers the next request.
    expect(await finishedWorkoutsIn(database.db, athlete, { from: "2026-03-01", to: "2026-04-30" }, "UTC")).toBe(3);
  });

  it("is nothing when the range holds no finished workout", async () => {
    expect(await workoutsZipResponse(database.db, athlete, { from: "2026-03-09", to: "2026-03-11" }, "UTC")).toBeNull();
  });
});
