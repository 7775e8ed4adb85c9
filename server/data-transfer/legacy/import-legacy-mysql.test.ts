/**
 * The old system straight from its MariaDB database: samples/legacy-mysql.sql (the tables as Django
 * made them, holding the same records as samples/legacy-dumpdata.json) loaded into a scratch database
 * on TEST_MYSQL_URL, imported both ways into two fresh Ironlog databases, which must then hold the same.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import { LEGACY_MODELS } from "@/lib/legacy-import/django-dump";
import type { ExistingData } from "@/lib/legacy-import/legacy-plan";
import { planLegacyImport } from "@/lib/legacy-import/plan-legacy-import";
import { passwordFormatOf, verifyPassword } from "@/server/auth/passwords";
import { attemptSignIn } from "@/server/auth/sign-in";
import { createThrottles } from "@/server/auth/throttle";
import { DUMP_TABLE_ORDER } from "@/server/data-transfer/tables";
import { rowCount } from "@/test/data-transfer-fixtures";
import { type TestDatabase, createTestDatabase, usingPostgres } from "@/test/database";
import { type ScratchMysqlDatabase, createMysqlDatabase, requireTestMysql, testMysqlUrl } from "@/test/mysql";
import { TSX, scriptArgs } from "@/test/scripts";
import { type LegacyImportReport, importLegacyDump } from "./import-legacy";
import { readLegacyDump } from "./read-legacy-dump";
import { describeLegacyDatabase, readLegacyDatabase } from "./read-legacy-mysql";

const SAMPLE_SQL = path.join(process.cwd(), "samples", "legacy-mysql.sql");
const SAMPLE_DUMP = path.join(process.cwd(), "samples", "legacy-dumpdata.json");
const nothingYet: ExistingData = { userIdsByEmail: new Map(), exerciseIdsByName: new Map(), muscleIdsByName: new Map() };
const verifiable = (hash: string) => passwordFormatOf(hash) !== undefined;

describe("the MariaDB server the legacy database tests use", () => {
  it("is named by TEST_MYSQL_URL (CI requires it; elsewhere its absence skips the tests below)", (context) => {
    requireTestMysql(context);
  });
});

/** Everything a legacy import writes, by natural key (ids differ between databases). */
async function importedContent(db: Db) {
  const rows = (query: SQL) => queryRows<Record<string, unknown>>(db, query);
  return {
    users: await rows(sql`SELECT email, name, role, password_hash, created_at FROM users ORDER BY email`),
    muscles: await rows(sql`SELECT name, region FROM muscles ORDER BY name`),
    exercises: await rows(
      sql`SELECT e.name, e.type, e.difficulty, e.equipment_required, e.notes, u.email AS created_by, e.created_at
          FROM exercises e LEFT JOIN users u ON u.id = e.created_by ORDER BY e.name`,
    ),
    exerciseMuscles: await rows(
      sql`SELECT e.name AS exercise, m.name AS muscle, em.activation_rating
          FROM exercise_muscles em JOIN exercises e ON e.id = em.exercise_id JOIN muscles m ON m.id = em.muscle_id
          ORDER BY e.name, m.name`,
    ),
    // The old splits had no creation time: each import stamps its own, so it is not compared.
    splits: await rows(
      sql`SELECT u.email, s.name, s.position FROM splits s JOIN users u ON u.id = s.user_id
          ORDER BY u.email, s.position`,
    ),
    splitDays: await rows(
      sql`SELECT s.name AS split, d.name, d.position FROM split_days d JOIN splits s ON s.id = d.split_id
          ORDER BY s.name, d.position`,
    ),
    splitDayExercises: await rows(
      sql`SELECT s.name AS split, d.name AS day, e.name AS exercise, x.position
          FROM split_day_exercises x JOIN split_days d ON d.id = x.split_day_id JOIN splits s ON s.id = d.split_id
          JOIN exercises e ON e.id = x.exercise_id ORDER BY s.name, d.position, x.position`,
    ),
    assessments: await rows(
      sql`SELECT u.email, a.sport, a.age, a.experience_level, a.equipment, a.equipment_items, a.created_at
          FROM assessments a JOIN users u ON u.id = a.user_id ORDER BY u.email`,
    ),
  };
}

async function totalRows(db: Db): Promise<number> {
  let total = 0;
  for (const table of DUMP_TABLE_ORDER) total += await rowCount(db, table);
  return total;
}

// Needs a MariaDB server (TEST_MYSQL_URL): skipped without one, except in CI, which the test above fails.
describe.runIf(testMysqlUrl)("importing the old system straight from its MariaDB database", () => {
  let legacy: ScratchMysqlDatabase;
  let fromDump: TestDatabase;
  let fromMysql: TestDatabase;
  let dumpReport: LegacyImportReport;
  let mysqlReport: LegacyImportReport;

  beforeAll(async () => {
    legacy = await createMysqlDatabase(SAMPLE_SQL);
    fromDump = await createTestDatabase();
    fromMysql = await createTestDatabase();
    dumpReport = await importLegacyDump(fromDump, readLegacyDump(SAMPLE_DUMP));
    mysqlReport = await importLegacyDump(fromMysql, await readLegacyDatabase(legacy.url), {
      source: describeLegacyDatabase(legacy.url),
    });
  });
  afterAll(async () => {
    await Promise.all([legacy?.drop(), fromDump?.drop(), fromMysql?.drop()]);
  });

  it("reads the same records as the sample dump: the plan is the same, record by record and reason by reason", async () => {
    const fromDatabase = planLegacyImport(await readLegacyDatabase(legacy.url), nothingYet, verifiable);
    const fromFile = planLegacyImport(readLegacyDump(SAMPLE_DUMP), nothingYet, verifiable);
    // The dump also holds Django's own models (sessions, content types, the admin log), counted there as
    // skipped; from a database only the tables Ironlog imports are read.
    const importedModels = Object.fromEntries(LEGACY_MODELS.map((model) => [model, fromFile.models[model]]));
    expect(fromDatabase).toEqual({ ...fromFile, models: importedModels });
    expect(fromDatabase.outcomes).toContainEqual({
      model: "workouts.workoutmuscle",
      pk: 27,
      outcome: "rejected",
      reason: "its workout: workouts.workout 99 is not in the legacy data",
    });
  });

  it("imports with the same result as the sample dump, table by table", async () => {
    expect(mysqlReport.status).toBe("imported");
    expect(mysqlReport.rows).toEqual(dumpReport.rows);
    expect(mysqlReport.passwords).toEqual({ usable: 6, needReset: 4 });

    const expected = await importedContent(fromDump.db);
    const actual = await importedContent(fromMysql.db);
    for (const table of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(actual[table], table).toEqual(expected[table]);
    }
    // Not two empty results: the sample's rows are there (10 users, 15 exercises, 22 day exercises...).
    expect(actual.users).toHaveLength(10);
    expect(actual.exercises).toHaveLength(15);
    expect(actual.splitDayExercises).toHaveLength(22);
    expect(actual.assessments).toHaveLength(9);
    // The database's tinyint(1), naive datetime(6) and LONGTEXT JSON came through as the dump's values.
    expect(actual.users.find((u) => u.email === "maria.okafor@oldgym.example")).toMatchObject({ role: "admin" });
    const james = actual.users.find((u) => u.email === "james.reid@example.com")!;
    expect(new Date(james.created_at as string | Date).toISOString()).toBe("2021-02-11T18:22:05.114Z");
    const aiko = actual.assessments.find((a) => a.email === "aiko.tanaka@example.com")!;
    expect(aiko.equipment).toEqual(["no_equipment", "basic_equipment"]);
  });

  it("lets a migrated user sign in with their old password", async () => {
    const [james] = await queryRows<{ password_hash: string }>(
      fromMysql.db,
      sql`SELECT password_hash FROM users WHERE email = 'james.reid@example.com'`,
    );
    expect(james.password_hash).toMatch(/^pbkdf2_sha256\$260000\$/);
    expect(await verifyPassword("james-lifts-heavy", james.password_hash)).toBe(true);
    expect(await verifyPassword("james-lifts-light", james.password_hash)).toBe(false);
    const throttles = createThrottles(fromMysql.db);
    const outcome = await attemptSignIn(fromMysql.db, throttles, {
      // The sign-in form lower-cases the address before it gets here.
      email: "james.reid@example.com",
      password: "james-lifts-heavy",
      address: "203.0.113.9",
      userAgent: "vitest",
    });
    expect(outcome.status).toBe("signed-in");
  });

  it("writes nothing on a dry run", async () => {
    const target = await createTestDatabase();
    try {
      const report = await importLegacyDump(target, await readLegacyDatabase(legacy.url), { dryRun: true });
      expect(report.status).toBe("validated");
      expect(report.rows.users).toBe(10);
      expect(await totalRows(target.db)).toBe(0);
    } finally {
      await target.drop();
    }
  });
});

// Needs a MariaDB server (TEST_MYSQL_URL), like the tests above.
describe.runIf(testMysqlUrl)("reading a database the years have been less kind to", () => {
  let legacy: ScratchMysqlDatabase;

  beforeAll(async () => {
    legacy = await createMysqlDatabase();
  });
  afterAll(async () => {
    await legacy?.drop();
  });

  it("refuses a database without the old system's tables, naming the missing ones", async () => {
    await expect(readLegacyDatabase(legacy.url)).rejects.toThrow(
      /has no auth_user, workouts_workout, .*workouts_splitday_workouts: is it the old system's database/,
    );
  });

  it("reads MyISAM tables with text before JSONField, zero dates and orphans, reporting what it cannot use", async () => {
    // A database from before Django had JSONField: MyISAM (no foreign keys), the equipment answer as
    // plain text, a zero date where the field was left empty, and a split whose user is long gone.
    await legacy.run(`
      SET SESSION sql_mode = '';
      CREATE TABLE auth_user (id int AUTO_INCREMENT PRIMARY KEY, password varchar(128) NOT NULL,
        is_superuser tinyint(1) NOT NULL, username varchar(30) NOT NULL, first_name varchar(30) NOT NULL,
        last_name varchar(30) NOT NULL, email varchar(75) NOT NULL, is_staff tinyint(1) NOT NULL,
        date_joined datetime NOT NULL) ENGINE=MyISAM DEFAULT CHARSET=utf8;
      CREATE TABLE workouts_workout (id int AUTO_INCREMENT PRIMARY KEY, workout_name varchar(200) NOT NULL,
        type varchar(50) NOT NULL, notes longtext NOT NULL, user_id int NULL, created_at datetime NOT NULL) ENGINE=MyISAM;
      CREATE TABLE workouts_workoutmuscle (id int AUTO_INCREMENT PRIMARY KEY, workout_id int NOT NULL,
        muscle varchar(100) NOT NULL, activation_rating int NOT NULL) ENGINE=MyISAM;
      CREATE TABLE workouts_split (id int AUTO_INCREMENT PRIMARY KEY, split_name varchar(100) NOT NULL,
        user_id int NOT NULL) ENGINE=MyISAM;
      CREATE TABLE workouts_splitday (id int AUTO_INCREMENT PRIMARY KEY, split_id int NOT NULL,
        day_name varchar(50) NULL, day_order int NOT NULL) ENGINE=MyISAM;
      CREATE TABLE workouts_splitday_workouts (id int AUTO_INCREMENT PRIMARY KEY, splitday_id int NOT NULL,
        workout_id int NOT NULL) ENGINE=MyISAM;
      CREATE TABLE assessments_assessment (id int AUTO_INCREMENT PRIMARY KEY, user_id int NOT NULL,
        sport varchar(100) NULL, age int NULL, experience varchar(20) NOT NULL, equipment longtext NOT NULL,
        equipment_items longtext NULL, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=MyISAM;
      INSERT INTO auth_user VALUES
        (1, 'pbkdf2_sha256$1000$Xk3bS9qLmP0aZ2wE7rT1yU$S+TxZb2B00p4DoxoyE0NUjmmBJsm9fPkEhdLhq6FaWA=', 1, 'coach', 'Ada', 'Coach', 'ada@oldgym.example', 1, '2012-03-04 05:06:07'),
        (2, '!unusable', 0, 'bo', 'Bo', '', 'bo@oldgym.example', 0, '0000-00-00 00:00:00'),
        (3, '', 0, 'cy', 'Cy', '', 'cy@oldgym.example', 0, '2013-01-01 00:00:00');
      INSERT INTO workouts_workout VALUES (1, 'Squat', 'barbell', '', NULL, '2012-03-04 05:06:07'),
        (2, 'Curl', 'dumbbell', '', 1, '2012-03-04 05:07:00');
      INSERT INTO workouts_workoutmuscle VALUES (1, 1, 'Quads', 90), (2, 7, 'Chest', 50);
      INSERT INTO workouts_split VALUES (1, 'Legs', 3), (2, 'Lost', 99);
      INSERT INTO workouts_splitday VALUES (1, 1, 'Day 1', 1);
      INSERT INTO workouts_splitday_workouts VALUES (1, 1, 2), (2, 1, 1), (3, 1, 8);
      SET SESSION time_zone = '+02:00';
      INSERT INTO assessments_assessment VALUES (1, 3, 'Rowing', 40, 'beginner', 'basic_equipment', NULL, '2014-06-01 12:00:00');
    `);
    const target = await createTestDatabase();
    try {
      const records = await readLegacyDatabase(legacy.url);
      expect(records.find((r) => r.model === "auth.user" && r.pk === 1)?.fields).toMatchObject({
        is_superuser: true,
        is_staff: true,
        date_joined: "2012-03-04 05:06:07",
      });
      const report = await importLegacyDump(target, records);
      expect(report.status).toBe("imported");
      expect(report.outcomes).toEqual(
        expect.arrayContaining([
          {
            model: "auth.user",
            pk: 2,
            outcome: "rejected",
            reason: 'date_joined: date "0000-00-00 00:00:00" does not exist',
          },
          {
            model: "workouts.workoutmuscle",
            pk: 2,
            outcome: "rejected",
            reason: "its workout: workouts.workout 7 is not in the legacy data",
          },
          {
            model: "workouts.split",
            pk: 2,
            outcome: "rejected",
            reason: "refers to auth.user 99, which is not in the legacy data",
          },
          {
            model: "workouts.splitday",
            pk: 1,
            outcome: "mapped",
            reason: "left out of the day: workouts.workout 8 is not in the legacy data",
          },
        ]),
      );
      // The answer stays as the old system stored it, for the equipment migration; the TIMESTAMP was
      // written at +02:00 and is read in UTC.
      const [assessment] = await queryRows<{ equipment: unknown; created_at: string | Date }>(
        target.db,
        sql`SELECT equipment, created_at FROM assessments`,
      );
      expect(assessment.equipment).toBe("basic_equipment");
      expect(new Date(assessment.created_at).toISOString()).toBe("2014-06-01T10:00:00.000Z");
      const [day] = await queryRows<{ exercises: string }>(
        target.db,
        sql`SELECT string_agg(e.name, ',' ORDER BY x.position) AS exercises FROM split_day_exercises x
            JOIN exercises e ON e.id = x.exercise_id`,
      );
      expect(day.exercises).toBe("Curl,Squat");
    } finally {
      await target.drop();
    }
  });
});

// Needs a MariaDB server (TEST_MYSQL_URL), like the tests above.
describe.runIf(testMysqlUrl)("npm run data:import-legacy -- --from-mysql", () => {
  const run = promisify(execFile);
  let legacy: ScratchMysqlDatabase;
  let target: TestDatabase | undefined;
  let workDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    legacy = await createMysqlDatabase(SAMPLE_SQL);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-legacy-mysql-"));
    env = { ...process.env, IRONLOG_DATA_DIR: path.join(workDir, "data") };
    delete env.DATABASE_URL;
    if (usingPostgres) {
      target = await createTestDatabase();
      env.DATABASE_URL = target.url;
    }
  });
  afterAll(async () => {
    await Promise.all([legacy?.drop(), target?.drop()]);
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function script(legacyUrl: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await run(TSX, scriptArgs("data-import-legacy", args), {
        env: { ...env, LEGACY_DATABASE_URL: legacyUrl },
        cwd: process.cwd(),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("imports the database named by LEGACY_DATABASE_URL, never printing its password", async () => {
    const password = decodeURIComponent(new URL(legacy.url).password);
    const result = await script(legacy.url, "--from-mysql");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Legacy import of ${describeLegacyDatabase(legacy.url)}`);
    expect(result.stdout).toContain("Imported 104 row(s); 13 record(s) rejected and left out.");
    expect(result.stdout).toContain("workouts.split 6: refers to auth.user 42, which is not in the legacy data");
    expect(result.stdout).not.toContain(`:${password}@`);
  });

  it("answers a wrong password with one readable line (exit 1), not a stack trace", async () => {
    const wrong = new URL(legacy.url);
    wrong.password = "not-the-password";
    const result = await script(wrong.toString(), "--from-mysql", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot read mysql:\/\/[^:@]+@[^ ]+: Access denied/);
    expect(result.stderr).not.toContain(":not-the-password@");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
