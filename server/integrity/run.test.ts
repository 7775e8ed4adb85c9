import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { queryRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { INTEGRITY_TABLES } from "./catalogue";
import { type IntegrityReport, listOffendingRows, runIntegrityCheck } from "./run";
import { hashPassword } from "@/server/auth/passwords";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

function check(report: IntegrityReport, id: string): number {
  const table = report.tables.find((t) => id.startsWith(`${t.table}.`));
  const found = table?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`No check ${id} in the report`);
  return found.offendingRows;
}

function table(report: IntegrityReport, name: string) {
  const found = report.tables.find((t) => t.table === name);
  if (!found) throw new Error(`No table ${name} in the report`);
  return found;
}

async function exactCount(name: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
  return Number(row.n);
}

describe("the data-integrity check", () => {
  it("passes an empty database, with one row per table", async () => {
    const report = await runIntegrityCheck(database.db);
    expect(report.ok).toBe(true);
    expect(report.tables.map((t) => t.table)).toEqual(INTEGRITY_TABLES.map((t) => t.table));
    expect(report.tables.every((t) => t.rowCount === 0 && t.offendingRows === 0)).toBe(true);
  });

  it("counts the rows of every table", async () => {
    await seedDemoData(database.db, { hashPassword });
    const report = await runIntegrityCheck(database.db);
    for (const t of report.tables) expect(t.rowCount, t.table).toBe(await exactCount(t.table));
    expect(table(report, "assessments").rowCount).toBe(155);
  });

  it("reports the seeded assessments still in the legacy array format, and the invalid answers", async () => {
    const report = await runIntegrityCheck(database.db);
    // 24 bulk legacy arrays + Leo's, plus two invalid values that are arrays ([] and one naming "treadmill").
    expect(check(report, "assessments.legacy_format")).toBe(27);
    // "home_gym" and 42.
    expect(check(report, "assessments.equipment_valid")).toBe(2);
    expect(table(report, "assessments").offendingRows).toBe(29);
    expect(table(report, "assessments").ok).toBe(false);
    expect(report.ok).toBe(false);
  });

  it("passes the seeded exercise library and training history", async () => {
    const report = await runIntegrityCheck(database.db);
    for (const name of [
      "users",
      "exercises",
      "exercise_muscles",
      "splits",
      "split_days",
      "split_day_exercises",
      "workout_sessions",
      "session_sets",
    ]) {
      expect(table(report, name).ok, name).toBe(true);
    }
  });

  it("finds activation ratings outside 0–100 that arrived around the constraint", async () => {
    await database.db.execute(sql`ALTER TABLE exercise_muscles DROP CONSTRAINT exercise_muscles_activation_range`);
    await database.db.execute(
      sql`UPDATE exercise_muscles SET activation_rating = 150
          WHERE (exercise_id, muscle_id) IN (SELECT exercise_id, muscle_id FROM exercise_muscles ORDER BY 1, 2 LIMIT 3)`,
    );
    const report = await runIntegrityCheck(database.db);
    expect(check(report, "exercise_muscles.activation_range")).toBe(3);
  });

  it("finds exercises without a difficulty, and equipment_required that is not a list", async () => {
    await database.db.execute(
      sql`UPDATE exercises SET difficulty = NULL WHERE id IN (SELECT id FROM exercises ORDER BY id LIMIT 2)`,
    );
    await database.db.execute(
      sql`UPDATE exercises SET equipment_required = '"dumbbells"'::jsonb WHERE id = (SELECT max(id) FROM exercises)`,
    );
    const report = await runIntegrityCheck(database.db);
    expect(check(report, "exercises.difficulty_valid")).toBe(2);
    expect(check(report, "exercises.equipment_required_list")).toBe(1);
    expect(check(report, "exercises.type_valid")).toBe(0);
    expect(table(report, "exercises").offendingRows).toBe(3);
  });

  it("finds orphaned rows whose parent is gone", async () => {
    await database.db.execute(sql`ALTER TABLE assessments DROP CONSTRAINT assessments_user_id_users_id_fk`);
    await database.db.execute(sql`ALTER TABLE session_sets DROP CONSTRAINT session_sets_session_id_workout_sessions_id_fk`);
    // Sets also hang from their exercise slot, which hangs from the session.
    await database.db.execute(
      sql`ALTER TABLE session_exercises DROP CONSTRAINT session_exercises_session_id_workout_sessions_id_fk`,
    );
    await database.db.execute(sql`DELETE FROM users WHERE email = 'member001@example.com'`);
    await database.db.execute(sql`DELETE FROM workout_sessions WHERE id = (SELECT min(id) FROM workout_sessions)`);
    const report = await runIntegrityCheck(database.db);
    expect(check(report, "assessments.orphans")).toBe(1);
    // A session's 12 sets (4 exercises × 3 sets) lost their session.
    expect(check(report, "session_sets.orphans")).toBe(12);
    expect(check(report, "session_sets.orphans")).toBe(table(report, "session_sets").offendingRows);
  });
});

describe("offending rows", () => {
  it("lists a table's offending rows with the checks each one fails", async () => {
    const page = await listOffendingRows(database.db, "exercises", { limit: 10 });
    expect(page?.rows).toHaveLength(3);
    expect(page?.next).toBeNull();
    const notAList = page!.rows.find((r) => r.failedChecks.includes("exercises.equipment_required_list"));
    expect(notAList?.values.equipment_required).toBe("dumbbells");
    expect(Object.keys(notAList!.values)).toEqual(expect.arrayContaining(["id", "name", "type", "difficulty"]));
  });

  it("pages through the rows failing one check by key, without repeating a row", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await listOffendingRows(database.db, "assessments", {
        checkId: "assessments.legacy_format",
        after,
        limit: 10,
      });
      seen.push(...page!.rows.map((r) => r.key));
      expect(page!.rows.every((r) => Array.isArray(r.values.equipment))).toBe(true);
      after = page!.next;
    } while (after);
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
  });

  it("pages a table keyed by two columns", async () => {
    const first = await listOffendingRows(database.db, "exercise_muscles", { limit: 2 });
    expect(first?.rows).toHaveLength(2);
    expect(first?.rows[0].key).toMatch(/^\d+,\d+$/);
    const second = await listOffendingRows(database.db, "exercise_muscles", { after: first!.next, limit: 2 });
    expect(second?.rows).toHaveLength(1);
    expect(second?.rows[0].values.activation_rating).toBe(150);
    expect(second?.next).toBeNull();
  });

  it("never shows password hashes", async () => {
    await database.db.execute(sql`DELETE FROM users WHERE email = 'member002@example.com'`);
    const page = await listOffendingRows(database.db, "assessments", { checkId: "assessments.orphans" });
    expect(page?.rows).toHaveLength(2);
    const users = await listOffendingRows(database.db, "users");
    expect(users?.rows).toEqual([]);
    expect(JSON.stringify(page)).not.toContain("password");
  });

  it("answers null for an unknown table or check", async () => {
    expect(await listOffendingRows(database.db, "pg_authid")).toBeNull();
    expect(await listOffendingRows(database.db, "assessments", { checkId: "exercises.type_valid" })).toBeNull();
  });
});
