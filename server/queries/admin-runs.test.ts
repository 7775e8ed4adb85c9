import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { migrationRuns } from "@/db/schema";
import { databaseHealth } from "./health";
import { latestRunOf, previewBefore, runningRunOf } from "./admin-runs";

let database: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
  const rows = await database.db
    .insert(migrationRuns)
    .values([
      { migrationId: "m", mode: "dry_run", status: "completed", startedBy: "a", startedAt: at(0) },
      { migrationId: "m", mode: "dry_run", status: "failed", startedBy: "a", startedAt: at(1) },
      { migrationId: "m", mode: "dry_run", status: "completed", startedBy: "a", startedAt: at(2) },
      { migrationId: "m", mode: "apply", status: "completed", startedBy: "a", startedAt: at(3) },
      { migrationId: "m", mode: "dry_run", status: "completed", startedBy: "a", startedAt: at(4) },
      { migrationId: "other", mode: "dry_run", status: "running", startedBy: "b", startedAt: at(5) },
    ])
    .returning({ id: migrationRuns.id });
  ["firstPreview", "failedPreview", "preview", "apply", "laterPreview", "otherRunning"].forEach(
    (name, i) => (ids[name] = rows[i].id),
  );
});
afterAll(async () => {
  await database?.drop();
});

describe("run queries for the dashboard", () => {
  it("finds the preview an applied run followed: the latest completed dry run before it", async () => {
    const apply = { migrationId: "m", startedAt: new Date(Date.UTC(2026, 0, 1, 10, 3)) };
    expect((await previewBefore(database.db, apply))?.id).toBe(ids.preview);
  });

  it("finds no preview before the first run", async () => {
    expect(await previewBefore(database.db, { migrationId: "m", startedAt: new Date(Date.UTC(2026, 0, 1, 9)) })).toBeNull();
  });

  it("finds a migration's latest run, whatever its mode", async () => {
    expect((await latestRunOf(database.db, "m"))?.id).toBe(ids.laterPreview);
    expect(await latestRunOf(database.db, "never-run")).toBeNull();
  });

  it("finds the run in progress of one migration only", async () => {
    expect((await runningRunOf(database.db, "other"))?.id).toBe(ids.otherRunning);
    expect(await runningRunOf(database.db, "m")).toBeNull();
  });
});

describe("database health", () => {
  it("reports a database that answers, and its schema migrations", async () => {
    const health = await databaseHealth(database);
    expect(health).toMatchObject({ driver: database.driver, ok: true, problem: null, schemaMigrations: { pending: 0 } });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports a database that does not answer, with the reason", async () => {
    const closed = await createTestDatabase();
    await closed.drop();
    const original = console.error;
    console.error = () => {};
    try {
      const health = await databaseHealth(closed);
      expect(health).toMatchObject({ ok: false, latencyMs: null, schemaMigrations: null });
      expect(health.problem).toBeTruthy();
    } finally {
      console.error = original;
    }
  });
});
