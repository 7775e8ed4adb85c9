import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "./engine";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { BASIC_WITHOUT_ITEMS_REASON } from "@/lib/migrations/equipment-single-choice/rules";
import { sql } from "drizzle-orm";
import { equipmentSingleChoice } from "@/server/migrations/equipment-single-choice";
import { listFlaggedUsers } from "@/server/queries/admin-flagged";
import { containsPattern, getRun, latestPreview, listRunItems, listRuns, previewStatus } from "./queries";
import { insertLegacyAssessments } from "@/test/migrations";

const ID = "equipment-single-choice";
let database: TestDatabase;
let dryRunId: number;
let applyRunId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertLegacyAssessments(database.db, [
    ...EQUIPMENT_CASES,
    { email: "100%_sure@example.com", equipment: [], items: undefined },
  ]);
  dryRunId = (await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: { label: "a" } })).run.id;
  applyRunId = (await runMigration(database, { migrationId: ID, mode: "apply", startedBy: { label: "b" } })).run.id;
});
afterAll(async () => {
  await database?.drop();
});

describe("runs", () => {
  it("lists runs of a migration newest first, paginated", async () => {
    const first = await listRuns(database.db, { migrationId: ID, limit: 1 });
    expect(first).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(first.rows.map((r) => r.id)).toEqual([applyRunId]);
    const second = await listRuns(database.db, { migrationId: ID, limit: 1, offset: 1 });
    expect(second.rows.map((r) => r.id)).toEqual([dryRunId]);
    expect((await listRuns(database.db, { migrationId: "exercise-backfill" })).total).toBe(0);
  });

  it("gets one run, and the latest preview", async () => {
    expect(await getRun(database.db, applyRunId)).toMatchObject({ mode: "apply", status: "completed" });
    expect(await getRun(database.db, 9999)).toBeNull();
    expect(await latestPreview(database.db, ID)).toMatchObject({ id: dryRunId });
  });
});

describe("preview staleness", () => {
  it("calls a preview stale once the rows changed after it", async () => {
    // The apply after the preview changed rows, so the preview no longer describes the data.
    expect(await previewStatus(database.db, equipmentSingleChoice)).toMatchObject({ stale: true, preview: { id: dryRunId } });
    const fresh = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: { label: "c" } });
    expect(await previewStatus(database.db, equipmentSingleChoice)).toMatchObject({
      stale: false,
      preview: { id: fresh.run.id },
    });
    await database.db.execute(sql`UPDATE assessments SET sport = 'rowing', updated_at = now() WHERE id = 1`);
    expect((await previewStatus(database.db, equipmentSingleChoice)).stale).toBe(true);
  });
});

describe("run items", () => {
  it("filters by status, with the total across pages", async () => {
    const errors = await listRunItems(database.db, { runId: applyRunId, status: "error", limit: 3 });
    expect(errors.total).toBe(expectedCounts().errors + 1);
    expect(errors.rows).toHaveLength(3);
    expect(errors.rows.every((r) => r.status === "error")).toBe(true);
    const rest = await listRunItems(database.db, { runId: applyRunId, status: "error", limit: 3, offset: 3 });
    expect(rest.rows[0].rowId).toBeGreaterThan(errors.rows[2].rowId);
  });

  it("searches emails case-insensitively, taking % and _ literally", async () => {
    const found = await listRunItems(database.db, { runId: applyRunId, email: "LIST-" });
    expect(found.rows.map((r) => r.userEmail)).toEqual([
      "list-gym@example.com",
      "list-none@example.com",
      "list-basic@example.com",
      "list-basic-noitems@example.com",
      "list-unknown@example.com",
    ]);
    expect((await listRunItems(database.db, { runId: applyRunId, email: "100%_" })).rows.map((r) => r.userEmail)).toEqual([
      "100%_sure@example.com",
    ]);
    expect((await listRunItems(database.db, { runId: applyRunId, email: "%" })).total).toBe(1);
    expect(containsPattern("a_b%")).toBe("%a\\_b\\%%");
  });
});

describe("flagged users", () => {
  it("lists athletes asked to re-assess, with the run that flagged them", async () => {
    // The dashboard's list (server/queries/admin-flagged.ts), read after a real run of the engine.
    const page = await listFlaggedUsers(database.db, { limit: 50 });
    const fromRun = page.users.filter((r) => r.flaggedByRunId === applyRunId);
    expect(fromRun).toHaveLength(expectedCounts().flagged);
    expect(fromRun[0]).toMatchObject({
      reason: BASIC_WITHOUT_ITEMS_REASON,
      flaggedAt: expect.any(Date),
      flaggedByMigrationId: ID,
    });
    // The athlete flagged before the run is listed too, without a run.
    expect(page.users.find((r) => r.email === "basic-already@example.com")).toMatchObject({ flaggedByRunId: null });
    expect(page.users).toHaveLength(expectedCounts().flagged + 1);
  });
});
