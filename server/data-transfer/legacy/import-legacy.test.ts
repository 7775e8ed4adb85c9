import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { exercises, muscles, users } from "@/db/schema";
import { type TestDatabase, createTestDatabase } from "@/test/database";
import { DUMP_TABLE_ORDER } from "@/server/data-transfer/tables";
import { rowCount } from "@/test/data-transfer-fixtures";
import { attemptSignIn } from "@/server/auth/sign-in";
import { createThrottles } from "@/server/auth/throttle";
import { resetPassword, sendPasswordResetEmail } from "@/server/auth/password-reset";
import type { Mailer, MailMessage } from "@/server/mail/mailer";
import { readLegacyDump } from "./read-legacy-dump";
import { importLegacyDump } from "./import-legacy";
import { formatLegacyImportReport } from "./legacy-report";

const SAMPLE = path.join(process.cwd(), "samples", "legacy-dumpdata.json");
const sample = readLegacyDump(SAMPLE);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  const tables = sql.join(
    DUMP_TABLE_ORDER.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await database.db.execute(sql`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
});

async function totalRows(): Promise<number> {
  let total = 0;
  for (const table of DUMP_TABLE_ORDER) total += await rowCount(database.db, table);
  return total;
}

describe("importing the old system's sample dump", () => {
  it("maps, skips and rejects each model's records as the sample intends", async () => {
    const report = await importLegacyDump(database, sample, { source: SAMPLE });
    expect(report.status).toBe("imported");
    expect(report.models).toEqual({
      "contenttypes.contenttype": { mapped: 0, skipped: 2, rejected: 0 },
      "sessions.session": { mapped: 0, skipped: 1, rejected: 0 },
      "admin.logentry": { mapped: 0, skipped: 1, rejected: 0 },
      "auth.user": { mapped: 10, skipped: 0, rejected: 2 },
      "workouts.workout": { mapped: 15, skipped: 2, rejected: 2 },
      "workouts.workoutmuscle": { mapped: 23, skipped: 2, rejected: 3 },
      "workouts.split": { mapped: 5, skipped: 1, rejected: 2 },
      "workouts.splitday": { mapped: 8, skipped: 1, rejected: 2 },
      "assessments.assessment": { mapped: 9, skipped: 2, rejected: 2 },
    });
    expect(report.rejectedCount).toBe(13);
    expect(report.outcomes).toContainEqual({
      model: "workouts.workout",
      pk: 13,
      outcome: "rejected",
      reason: "difficulty_level: difficulty 7 is not 1-3 or beginner/intermediate/advanced",
    });
    // The old system's "Kettlebell" and "Cable" are types Ironlog has.
    const typed = await queryRows<{ name: string; type: string }>(
      database.db,
      sql`SELECT name, type FROM exercises WHERE name IN ('Kettlebell Swing', 'Cable Fly') ORDER BY name`,
    );
    expect(typed).toEqual([
      { name: "Cable Fly", type: "cable" },
      { name: "Kettlebell Swing", type: "kettlebell" },
    ]);
    expect(report.rows).toEqual({
      users: 10,
      muscles: 12,
      exercises: 15,
      exercise_muscles: 23,
      splits: 5,
      split_days: 8,
      split_day_exercises: 22,
      assessments: 9,
    });
    expect(await rowCount(database.db, "split_day_exercises")).toBe(22);
  });

  it("creates users with lower-case e-mail, staff as admins, keeping usable Django hashes only", async () => {
    const report = await importLegacyDump(database, sample);
    const rows = await database.db.select().from(users).orderBy(users.id);
    expect(rows).toHaveLength(10);
    const hashOf = (email: string) => rows.find((u) => u.email === email)?.passwordHash;
    expect(hashOf("maria.okafor@oldgym.example")).toMatch(/^pbkdf2_sha256\$600000\$/);
    expect(hashOf("lena.novak@example.com")).toMatch(/^pbkdf2_sha1\$30000\$/);
    // Unusable (!…), empty and md5 (a format Ironlog does not verify): no password, reset needed.
    for (const email of [
      "tom.becker@example.com",
      "diego.alvarez@example.com",
      "sam.oconnor@example.com",
      "noah.williams@example.com",
    ]) {
      expect(hashOf(email)).toBeNull();
    }
    expect(report.passwords).toEqual({ usable: 6, needReset: 4 });
    expect(report.outcomes).toContainEqual({
      model: "auth.user",
      pk: 8,
      outcome: "mapped",
      reason: "password hash (md5) is not a format Ironlog verifies; the user needs a password reset",
    });
    // A hash is a secret: the report (printed and kept) holds none of them, not even a piece.
    const printed = JSON.stringify(report) + formatLegacyImportReport(report);
    for (const row of rows) if (row.passwordHash) expect(printed).not.toContain(row.passwordHash.split("$")[3]);
    expect(formatLegacyImportReport(report)).toContain(
      "New users: 6 can sign in with their old password; 4 have no usable password and need a password reset",
    );
    // The summary says where those four go, and what the operator does next.
    expect(formatLegacyImportReport(report)).toContain(
      'They reset it with "Forgot password?" on the sign-in page (an emailed link), or an admin gives them a link',
    );
    expect(formatLegacyImportReport(report)).toContain("Now sign in as a migrated user to confirm it worked");
    expect(rows.find((u) => u.email === "james.reid@example.com")).toMatchObject({ name: "James Reid", role: "athlete" });
    expect(rows.find((u) => u.email === "maria.okafor@oldgym.example")?.role).toBe("admin");
    expect(rows.find((u) => u.email === "aiko.tanaka@example.com")?.name).toBe("aiko");
  });

  it("keeps assessments' equipment in the legacy format: lists stay lists, for the equipment migration", async () => {
    await importLegacyDump(database, sample);
    const rows = await queryRows<{ email: string; equipment: string; items: string | null }>(
      database.db,
      sql`SELECT u.email, a.equipment::text AS equipment, a.equipment_items::text AS items
          FROM assessments a JOIN users u ON u.id = a.user_id`,
    );
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, [r.equipment, r.items]]));
    expect(byEmail["james.reid@example.com"]).toEqual(['["basic_equipment", "full_gym"]', '["dumbbells", "bench"]']);
    expect(byEmail["aiko.tanaka@example.com"]).toEqual(['["no_equipment", "basic_equipment"]', '["pull_up_bar"]']);
    expect(byEmail["priya.shah@example.com"]).toEqual(['"basic_equipment"', '["dumbbells", "resistance_bands"]']);
    expect(byEmail["sam.oconnor@example.com"]).toEqual(['"basic_equipment"', null]);
    expect(byEmail["noah.williams@example.com"]).toEqual(['"no_equipment"', "[]"]);
    const lists = rows.filter((r) => r.equipment.startsWith("["));
    expect(lists).toHaveLength(5);
  });

  it("leaves a missing difficulty empty for the exercise backfill, and keeps odd equipment as given", async () => {
    await importLegacyDump(database, sample);
    const rows = await database.db.select().from(exercises);
    const byName = Object.fromEntries(rows.map((e) => [e.name, e]));
    expect(byName.Deadlift).toMatchObject({ difficulty: null, equipmentRequired: [], createdBy: null, type: "barbell" });
    expect(byName["Pull-up"]).toMatchObject({ difficulty: 3, type: "bodyweight" });
    expect(byName["Hammer Curl"].equipmentRequired).toBe("dumbbells");
    const [tom] = await database.db
      .select()
      .from(users)
      .where(sql`email = 'tom.becker@example.com'`);
    expect(byName["Hammer Curl"].createdBy).toBe(tom.id);
    expect(byName["Bench Press"].createdAt.toISOString()).toBe("2021-01-05T10:00:00.000Z");
  });

  it("rebuilds splits with their days and exercises in order", async () => {
    await importLegacyDump(database, sample);
    const rows = await queryRows<{ split: string; day: string; exercise: string }>(
      database.db,
      sql`SELECT s.name AS split, d.name AS day, e.name AS exercise
          FROM splits s JOIN users u ON u.id = s.user_id JOIN split_days d ON d.split_id = s.id
          JOIN split_day_exercises x ON x.split_day_id = d.id JOIN exercises e ON e.id = x.exercise_id
          WHERE u.email = 'james.reid@example.com' ORDER BY d.position, x.position`,
    );
    expect(rows.map((r) => `${r.day}: ${r.exercise}`)).toEqual([
      "Push: Bench Press",
      "Push: Push-up",
      "Push: Bench Press",
      "Pull: Pull-up",
      "Pull: Dumbbell Row",
      "Legs: Back Squat",
      "Legs: Deadlift",
      "Legs: Kettlebell Swing",
    ]);
  });

  it("changes nothing when run a second time", async () => {
    await importLegacyDump(database, sample);
    const before = await totalRows();
    const again = await importLegacyDump(database, sample);
    expect(again.status).toBe("imported");
    expect(Object.values(again.rows).every((n) => n === 0)).toBe(true);
    expect(await totalRows()).toBe(before);
  });

  it("links workouts to exercises and muscles the library already has", async () => {
    const [bench] = await database.db
      .insert(exercises)
      .values({ name: "Bench Press", type: "barbell", difficulty: 2, equipmentRequired: ["barbell", "bench"] })
      .returning();
    const [chest] = await database.db.insert(muscles).values({ name: "Pectoralis major", region: "chest" }).returning();
    await importLegacyDump(database, sample);
    expect(await rowCount(database.db, "exercises")).toBe(15);
    const [pushUpChest] = await queryRows<{ muscle_id: number }>(
      database.db,
      sql`SELECT em.muscle_id FROM exercise_muscles em JOIN exercises e ON e.id = em.exercise_id WHERE e.name = 'Push-up'
          AND em.muscle_id = ${chest.id}`,
    );
    expect(pushUpChest).toBeDefined();
    const [benchMuscles] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM exercise_muscles WHERE exercise_id = ${bench.id}`,
    );
    expect(Number(benchMuscles.n)).toBe(0);
  });

  it("dry run reports the same plan and writes nothing", async () => {
    const report = await importLegacyDump(database, sample, { dryRun: true });
    expect(report.status).toBe("validated");
    expect(report.rows.users).toBe(10);
    expect(await totalRows()).toBe(0);
  });

  it("strict refuses the whole import when any record is rejected", async () => {
    const report = await importLegacyDump(database, sample, { strict: true });
    expect(report.status).toBe("refused");
    expect(report.rejectedCount).toBe(13);
    expect(await totalRows()).toBe(0);
  });
});

describe("signing in as a migrated user", () => {
  it("the old password signs in, and then nothing legacy is left in the database", async () => {
    await importLegacyDump(database, sample);
    const throttles = createThrottles(database.db);
    const request = { address: "203.0.113.9", userAgent: "vitest" };
    const wrong = await attemptSignIn(database.db, throttles, {
      ...request,
      email: "james.reid@example.com",
      password: "james-lifts-light",
    });
    expect(wrong.status).toBe("refused");
    const right = await attemptSignIn(database.db, throttles, {
      ...request,
      email: "james.reid@example.com",
      password: "james-lifts-heavy",
    });
    expect(right.status).toBe("signed-in");
    const [james] = await database.db.select().from(users).where(eq(users.email, "james.reid@example.com"));
    expect(james.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await attemptSignIn(database.db, throttles, {
      ...request,
      email: "james.reid@example.com",
      password: "james-lifts-heavy",
    });
    expect(again.status).toBe("signed-in");
    // A user without a usable password is refused like anyone else (the way out is a reset).
    const tom = await attemptSignIn(database.db, throttles, {
      ...request,
      email: "tom.becker@example.com",
      password: "anything-at-all",
    });
    expect(tom.status).toBe("refused");
  });

  it("a migrated user without a usable password resets it through the emailed link, then signs in", async () => {
    await importLegacyDump(database, sample);
    const sent: MailMessage[] = [];
    const mailer: Mailer = { description: "memory", send: async (message) => void sent.push(message) };
    expect(
      await sendPasswordResetEmail(database.db, mailer, { email: "tom.becker@example.com", origin: "http://ironlog.test" }),
    ).toBe(true);
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(sent[0].text)![1];
    const throttles = createThrottles(database.db);
    await resetPassword(database.db, throttles, { token, password: "tom-starts-over-2026", address: "203.0.113.9" });
    const tom = await attemptSignIn(database.db, throttles, {
      email: "tom.becker@example.com",
      password: "tom-starts-over-2026",
      address: "203.0.113.9",
      userAgent: "vitest",
    });
    expect(tom.status).toBe("signed-in");
  });
});
