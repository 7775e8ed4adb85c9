import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, isNull, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { TSX, scriptArgs } from "@/test/scripts";
import { openDatabase, runSchemaMigrations } from "./client";
import { seedExerciseLibrary, topUpExerciseLibrary } from "./exercise-library";
import { exerciseMuscles, exercises, muscles, users } from "./schema";
import { EXERCISE_LIBRARY } from "./seed-data/exercises";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const libraryCount = async () => database.db.$count(exercises, isNull(exercises.createdBy));

describe("the exercise library top-up", () => {
  it("leaves an empty database empty: it is for the seed or an import", async () => {
    expect(await topUpExerciseLibrary(database.db)).toEqual([]);
    expect(await database.db.$count(exercises)).toBe(0);
  });

  it("adds what a database seeded with an older library is missing, with its muscle ratings, and keeps what was there", async () => {
    // An older library: three exercises, the plank logged as reps as it was before measures existed.
    await database.db.insert(muscles).values({ name: "Rectus abdominis", region: "core" });
    await database.db.insert(exercises).values([
      { name: "Plank", type: "bodyweight", difficulty: 1, equipmentRequired: [], notes: "An operator's note." },
      { name: "Push-Up", type: "bodyweight", difficulty: 1, equipmentRequired: [] },
      { name: "Deadlift", type: "barbell", difficulty: 2, equipmentRequired: ["barbell"] },
    ]);
    const [athlete] = await database.db.insert(users).values({ email: "own@example.com", name: "Own" }).returning();
    await database.db.insert(exercises).values({ name: "Kettlebell Swing", type: "bodyweight", createdBy: athlete.id });

    const added = await topUpExerciseLibrary(database.db);
    expect(added.length).toBe(EXERCISE_LIBRARY.length - 3);
    expect(added).toContain("Kettlebell Swing");
    expect(await libraryCount()).toBe(EXERCISE_LIBRARY.length);

    const [plank] = await database.db.select().from(exercises).where(eq(exercises.name, "Plank"));
    expect(plank).toMatchObject({ measure: "reps_load", notes: "An operator's note." });
    const [swing] = await database.db
      .select()
      .from(exercises)
      .where(sql`${exercises.name} = 'Kettlebell Swing' AND ${exercises.createdBy} IS NULL`);
    expect(swing).toMatchObject({ type: "kettlebell", difficulty: 2, equipmentRequired: ["kettlebells"] });
    const ratings = await database.db.select().from(exerciseMuscles).where(eq(exerciseMuscles.exerciseId, swing.id));
    expect(ratings.length).toBe(EXERCISE_LIBRARY.find((e) => e.name === "Kettlebell Swing")!.muscles.length);
    const [carry] = await database.db.select().from(exercises).where(eq(exercises.name, "Farmer's Carry"));
    expect(carry.measure).toBe("distance");
    // The old exercises' ratings are not invented by the top-up.
    expect(await database.db.$count(exerciseMuscles, eq(exerciseMuscles.exerciseId, plank.id))).toBe(0);
  });

  it("adds nothing the second time", async () => {
    const links = await database.db.$count(exerciseMuscles);
    expect(await topUpExerciseLibrary(database.db)).toEqual([]);
    expect(await libraryCount()).toBe(EXERCISE_LIBRARY.length);
    expect(await database.db.$count(exerciseMuscles)).toBe(links);
  });

  it("is what the seed loads too", async () => {
    const ids = await seedExerciseLibrary(database.db);
    expect(ids.size).toBe(EXERCISE_LIBRARY.length);
  });
});

describe("npm run db:migrate", () => {
  it("tops up the library of an existing database after the schema migrations", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-topup-"));
    const env: NodeJS.ProcessEnv = { ...process.env, IRONLOG_DATA_DIR: path.join(work, "data") };
    let target: TestDatabase | undefined;
    try {
      if (usingPostgres) {
        target = await createTestDatabase();
        env.DATABASE_URL = target.url;
      } else {
        delete env.DATABASE_URL;
        const embedded = await openDatabase({ dataDir: path.join(work, "data", "pglite") });
        await runSchemaMigrations(embedded);
        await embedded.close();
      }
      const open = () => (target ? Promise.resolve(target) : openDatabase({ dataDir: path.join(work, "data", "pglite") }));
      let db = await open();
      await db.db.insert(exercises).values({ name: "Push-Up", type: "bodyweight", difficulty: 1 });
      if (!target) await db.close();

      const { stdout } = await promisify(execFile)(TSX, scriptArgs("db-migrate"), { env, cwd: process.cwd() });
      expect(stdout).toContain(`Exercise library: ${EXERCISE_LIBRARY.length - 1} new exercise(s) added.`);

      db = await open();
      expect(await db.db.$count(exercises)).toBe(EXERCISE_LIBRARY.length);
      if (!target) await db.close();
    } finally {
      await target?.drop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
