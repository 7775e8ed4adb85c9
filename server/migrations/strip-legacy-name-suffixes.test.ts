import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "@/server/migrations/engine";
import { reportChunks } from "@/server/migrations/report";
import { undoMigrationRun } from "@/server/migrations/undo";
import { collect, filterAgreement } from "@/test/migrations";
import { stripLegacyNameSuffixes } from "./strip-legacy-name-suffixes";
import { stripLegacySplitNameSuffixes } from "./strip-legacy-split-name-suffixes";

const admin = { label: "test:admin" };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.execute(sql`TRUNCATE users, exercises, splits, migration_runs, migration_run_items RESTART IDENTITY CASCADE`);
  await database.db.execute(sql`INSERT INTO users (email) VALUES ('ana@example.com'), ('ben@example.com')`);
});

const names = async (table: "exercises" | "splits") =>
  (await queryRows<{ name: string }>(database.db, sql`SELECT name FROM ${sql.identifier(table)} ORDER BY id`)).map((r) => r.name);

// Names built from the pieces the rules care about, so that random ones hit every rule.
const piece = fc.constantFrom("Bench Press", "Squats", "bench press", "Row", " ", "  ", "💪", "🦵", "📅", "\uFE0F", "\t", "x");
const decorated = fc
  .tuple(
    fc.constantFrom("Bench Press", "Front Squats", "bench press", "Squats Bench Press", "Row"),
    fc.array(fc.constantFrom(" 💪", " 🦵", " 📅", "  💪", "💪", " 🦵\uFE0F", "\t🦵", " x"), { maxLength: 3 }),
  )
  .map(([base, suffixes]) => base + suffixes.join(""));
const name = fc.oneof(
  decorated,
  fc.array(piece, { minLength: 1, maxLength: 7 }).map((parts) => parts.join("")),
);
// Owner 0 is the library (created_by NULL) for exercises; splits always have an athlete.
const rows = fc.array(fc.record({ owner: fc.constantFrom(0, 1, 2), name }), { minLength: 20, maxLength: 60 });
const unique = <T extends { owner: number; name: string }>(list: T[]) =>
  list.filter((r, i) => list.findIndex((o) => o.owner === r.owner && o.name.toLowerCase() === r.name.toLowerCase()) === i);

describe("the SQL around the rules agrees with the rules, on random names through the database", () => {
  it.each([
    ["exercises", stripLegacyNameSuffixes],
    ["splits", stripLegacySplitNameSuffixes],
  ] as const)("%s: the filter is exact, and after a run no owner has two names alike", async (table, migration) => {
    const seen = { migrated: 0, errors: 0 };
    // A fixed seed: the same samples every run, checked to reach both outcomes below.
    for (const sample of fc.sample(rows, { numRuns: 6, seed: 12 })) {
      await database.db.execute(sql`TRUNCATE exercises, splits, migration_runs, migration_run_items RESTART IDENTITY CASCADE`);
      for (const r of unique(sample.map((s) => (table === "splits" ? { ...s, owner: s.owner || 1 } : s)))) {
        const owner = r.owner === 0 ? null : r.owner;
        await database.db.execute(
          table === "exercises"
            ? sql`INSERT INTO exercises (name, type, difficulty, created_by) VALUES (${r.name}, 'barbell', 1, ${owner})`
            : sql`INSERT INTO splits (name, user_id) VALUES (${r.name}, ${owner})`,
        );
      }
      expect(await filterAgreement(database.db, migration)).toEqual({ missed: [], extra: [] });
      const dry = await runMigration(database, { migrationId: migration.id, mode: "dry_run", startedBy: admin, batchSize: 7 });
      const applied = await runMigration(database, { migrationId: migration.id, mode: "apply", startedBy: admin, batchSize: 5 });
      expect(applied.run.status).toBe("completed");
      expect(applied.summary).toEqual(dry.summary);
      expect(applied.run.verification).toMatchObject({ ok: true });
      expect(await migration.pendingCount(database.db)).toBe(applied.summary.errors);
      const [{ clashes }] = await queryRows<{ clashes: number }>(
        database.db,
        table === "exercises"
          ? sql`SELECT count(*)::int - count(DISTINCT (coalesce(created_by, 0), lower(name)))::int AS clashes FROM exercises`
          : sql`SELECT count(*)::int - count(DISTINCT (user_id, lower(name)))::int AS clashes FROM splits`,
      );
      expect(clashes).toBe(0);
      seen.migrated += applied.summary.migrated;
      seen.errors += applied.summary.errors;
    }
    // The samples did exercise both outcomes.
    expect(seen.migrated).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });
});

describe("strip-legacy-name-suffixes", () => {
  beforeEach(async () => {
    await database.db.execute(sql`
      INSERT INTO exercises (name, type, difficulty, created_by) VALUES
        ('Bench Press', 'barbell', 2, NULL), ('Bench Press 💪', 'barbell', 2, NULL), ('Front Squats 🦵', 'barbell', 3, NULL),
        ('Close-Grip Bench Press 💪', 'barbell', 2, 1), ('Deadlift 💪', 'barbell', 3, 2), ('Bench Press 💪', 'barbell', 2, 2)`);
  });

  it("strips the suffixes, leaves a name the owner already has as an error, and reports both", async () => {
    const { run, summary } = await runMigration(database, {
      migrationId: stripLegacyNameSuffixes.id,
      mode: "apply",
      startedBy: admin,
    });
    expect(summary).toEqual({ total_processed: 6, migrated: 3, flagged: 0, skipped: 2, errors: 1 });
    expect(await names("exercises")).toEqual([
      "Bench Press",
      "Bench Press 💪",
      "Front Squats",
      "Close-Grip Bench Press",
      "Deadlift 💪",
      "Bench Press",
    ]);
    const report = JSON.parse(await collect(reportChunks(database.db, run.id, "json")));
    expect(report.details).toContainEqual({
      user_id: 1,
      user_email: "ana@example.com",
      status: "migrated",
      exercise_id: 4,
      original_name: "Close-Grip Bench Press 💪",
      new_name: "Close-Grip Bench Press",
    });
    expect(report.details).toContainEqual(
      expect.objectContaining({
        user_id: null,
        exercise_id: 2,
        status: "error",
        error: expect.stringContaining('the same as another exercise of the same owner ("Bench Press")'),
      }),
    );
  });

  it("undoes, leaving a name edited since as a conflict", async () => {
    const before = await names("exercises");
    const applied = await runMigration(database, { migrationId: stripLegacyNameSuffixes.id, mode: "apply", startedBy: admin });
    await database.db.execute(sql`UPDATE exercises SET name = 'Front Squat' WHERE id = 3`);
    const undo = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin });
    expect(undo.summary).toEqual({ total_processed: 3, restored: 2, conflicts: 1 });
    expect(await names("exercises")).toEqual(before.map((n, i) => (i === 2 ? "Front Squat" : n)));
  });
});

describe("strip-legacy-split-name-suffixes", () => {
  it("strips the calendar, and refuses a name the athlete already uses for another split", async () => {
    await database.db.execute(sql`
      INSERT INTO splits (name, user_id) VALUES ('Push Pull Legs', 1), ('Push Pull Legs 📅', 1), ('Upper/Lower 📅', 1), ('Push Pull Legs 📅', 2)`);
    const dry = await runMigration(database, { migrationId: stripLegacySplitNameSuffixes.id, mode: "dry_run", startedBy: admin });
    expect(await names("splits")).toEqual(["Push Pull Legs", "Push Pull Legs 📅", "Upper/Lower 📅", "Push Pull Legs 📅"]);
    const applied = await runMigration(database, {
      migrationId: stripLegacySplitNameSuffixes.id,
      mode: "apply",
      startedBy: admin,
    });
    expect(applied.summary).toEqual(dry.summary);
    expect(applied.summary).toEqual({ total_processed: 4, migrated: 2, flagged: 0, skipped: 1, errors: 1 });
    expect(await names("splits")).toEqual(["Push Pull Legs", "Push Pull Legs 📅", "Upper/Lower", "Push Pull Legs"]);
    const report = JSON.parse(await collect(reportChunks(database.db, applied.run.id, "json")));
    expect(report.details[0]).toMatchObject({
      split_id: 2,
      status: "error",
      error: expect.stringContaining("another split of the same owner"),
    });
  });
});
