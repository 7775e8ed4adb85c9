import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { importLegacyDump, readLegacyDump } from "@/server/data-transfer";
import { runMigration } from "@/server/migrations/engine";
import { createTestDatabase, type TestDatabase } from "@/test/database";

// The old system's data, end to end: import the sample Django dump (legacy equipment answers and the
// old system's decorated names kept as they were), then the equipment migration converts them, the
// exercise backfill fills the gaps, and the name-suffix migrations strip the decorations.
let database: TestDatabase;
const startedBy = { userId: null, label: "test" };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("legacy import followed by the data migrations", () => {
  it("imports the sample, keeping legacy equipment arrays for the migration", async () => {
    const report = await importLegacyDump(database, readLegacyDump(path.join("samples", "legacy-dumpdata.json")), {});
    expect(report.status).toBe("imported");
    const [row] = await queryRows<{ arrays: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE jsonb_typeof(equipment) = 'array')::int AS arrays FROM assessments`,
    );
    expect(row.arrays).toBeGreaterThan(0);
  });

  it("converts every imported legacy answer, flags basic equipment without items, and leaves no arrays but errors", async () => {
    const { run, summary } = await runMigration(database, { migrationId: "equipment-single-choice", mode: "apply", startedBy });
    expect(run.status).toBe("completed");
    expect(summary.migrated + summary.flagged + summary.skipped + summary.errors).toBe(summary.total_processed);
    expect(summary.migrated).toBeGreaterThan(0);
    const [left] = await queryRows<{ arrays: number; flagged: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE jsonb_typeof(equipment) = 'array')::int AS arrays,
                 count(*) FILTER (WHERE needs_reassessment)::int AS flagged FROM assessments`,
    );
    expect(left.arrays).toBeLessThanOrEqual(summary.errors);
    expect(left.flagged).toBe(summary.flagged);
  });

  it("backfills exercise difficulty and equipment from the type where the old system never set them", async () => {
    const { run } = await runMigration(database, { migrationId: "exercise-backfill", mode: "apply", startedBy });
    expect(run.status).toBe("completed");
    const [row] = await queryRows<{ missing: number }>(
      database.db,
      sql`SELECT count(*)::int AS missing FROM exercises WHERE difficulty IS NULL`,
    );
    expect(row.missing).toBeLessThanOrEqual(run.errors);
  });

  const names = async (table: "exercises" | "splits") =>
    (await queryRows<{ name: string }>(database.db, sql`SELECT name FROM ${sql.identifier(table)} ORDER BY name`)).map(
      (r) => r.name,
    );

  it("strips the decorations from exercise names, leaving one that would repeat a library name as an error", async () => {
    expect(await names("exercises")).toEqual(
      expect.arrayContaining(["Bench Press", "Bench Press 💪", "Front Squats 🦵", "Close-Grip Bench Press 💪"]),
    );
    const { run, summary } = await runMigration(database, {
      migrationId: "strip-legacy-name-suffixes",
      mode: "apply",
      startedBy,
    });
    expect(run.status).toBe("completed");
    expect(run.verification).toMatchObject({ ok: true });
    expect(summary).toMatchObject({ migrated: 2, errors: 1 });
    const after = await names("exercises");
    expect(after).toEqual(expect.arrayContaining(["Bench Press", "Bench Press 💪", "Front Squats", "Close-Grip Bench Press"]));
    expect(after.filter((n) => /[💪🦵]/u.test(n))).toEqual(["Bench Press 💪"]);
  });

  it("strips the calendar from split names, leaving one the athlete already has as an error", async () => {
    const { run, summary } = await runMigration(database, {
      migrationId: "strip-legacy-split-name-suffixes",
      mode: "apply",
      startedBy,
    });
    expect(run.status).toBe("completed");
    expect(summary).toMatchObject({ migrated: 2, errors: 1 });
    const [james] = await queryRows<{ names: string[] }>(
      database.db,
      sql`SELECT array_agg(s.name ORDER BY s.id) AS names FROM splits s JOIN users u ON u.id = s.user_id WHERE u.email = 'james.reid@example.com'`,
    );
    expect(james.names).toEqual(["Push Pull Legs", "Push Pull Legs 📅"]);
    expect(await names("splits")).toEqual(expect.arrayContaining(["Upper/Lower", "Full Body 3x"]));
  });
});
