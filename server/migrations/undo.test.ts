import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "./engine";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { UndoRefusedError } from "./errors";
import { getRun, listRunItems } from "./queries";
import {
  assessmentState,
  emptyMigrationTables,
  insertLegacyAssessments,
  tableSnapshot,
  withRefusedUpdates,
} from "@/test/migrations";
import { undoMigrationRun } from "./undo";

const ID = "equipment-single-choice";
const admin = { userId: null, label: "test:admin" };

let database: TestDatabase;
let ids: number[];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db);
  ids = await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
});

const idOf = (email: string) => ids[EQUIPMENT_CASES.findIndex((c) => c.email === email)];

/** The columns the migration may change, without updated_at (which undo moves forward). */
async function migratedColumns() {
  const rows = await queryRows<{ row: string }>(
    database.db,
    sql`SELECT concat_ws('|', id, equipment::text, coalesce(equipment_items::text, 'SQL NULL'), needs_reassessment,
                     reassessment_reason, flagged_at, flagged_by_run_id, sport, age) AS row
        FROM assessments ORDER BY id`,
  );
  return rows.map((r) => r.row);
}

describe("undo", () => {
  it("restores every row the applied run changed, SQL NULL and JSON null included", async () => {
    const original = await migratedColumns();
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(await migratedColumns()).not.toEqual(original);

    const { run, summary } = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin, batchSize: 2 });
    expect(run).toMatchObject({ mode: "undo", status: "completed", undoOfRunId: applied.run.id });
    const changed = applied.summary.migrated + applied.summary.flagged;
    expect(summary).toEqual({ total_processed: changed, restored: changed, conflicts: 0 });
    expect(await migratedColumns()).toEqual(original);
    expect(await getRun(database.db, applied.run.id)).toMatchObject({ undoneByRunId: run.id });
  });

  it("undoes a run recorded long ago: its items name SQL columns, which is how runs are recorded", async () => {
    const [listed, basic] = await insertLegacyAssessments(database.db, [
      { email: "old-list@example.com", equipment: ["full_gym"], items: ["bench"] },
      { email: "old-basic@example.com", equipment: "basic_equipment", items: null },
    ]);
    const original = await migratedColumns();
    // The run as an earlier version of the engine recorded it, and the rows as it left them.
    const [{ id: runId }] = await queryRows<{ id: number }>(
      database.db,
      sql`INSERT INTO migration_runs (migration_id, mode, status, started_by, finished_at, total, processed, migrated, flagged)
          VALUES (${ID}, 'apply', 'completed', 'cli:operator@host', now(), 2, 2, 1, 1) RETURNING id`,
    );
    const reason = "Basic equipment without specific items - user needs to re-assess";
    await database.db.execute(sql`UPDATE assessments SET equipment = '"full_gym"', equipment_items = '[]' WHERE id = ${listed}`);
    await database.db.execute(
      sql`UPDATE assessments SET needs_reassessment = true, reassessment_reason = ${reason}, flagged_by_run_id = ${runId},
                                 flagged_at = now() WHERE id = ${basic}`,
    );
    const item = (rowId: number, status: string, before: object, after: object) =>
      sql`(${runId}, ${rowId}, ${status}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb)`;
    await database.db.execute(sql`INSERT INTO migration_run_items (run_id, row_id, status, before, after) VALUES
      ${item(listed, "migrated", { equipment: ["full_gym"], equipment_items: ["bench"] }, { equipment: "full_gym", equipment_items: [] })},
      ${item(
        basic,
        "flagged",
        {
          equipment: "basic_equipment",
          equipment_items: null,
          needs_reassessment: false,
          reassessment_reason: null,
          flagged_at: null,
          flagged_by_run_id: null,
        },
        { needs_reassessment: true, reassessment_reason: reason },
      )}`);
    expect(await migratedColumns()).not.toEqual(original);

    const { summary } = await undoMigrationRun(database, { runId, startedBy: admin });
    expect(summary).toEqual({ total_processed: 2, restored: 2, conflicts: 0 });
    expect(await migratedColumns()).toEqual(original);
  });

  it("leaves a row changed since the run alone and reports it as a conflict", async () => {
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const edited = idOf("list-gym@example.com");
    const reassessed = idOf("basic-empty@example.com");
    // The athlete picks another answer; another athlete re-assesses, which clears the flag.
    await database.db.execute(sql`UPDATE assessments SET equipment = '"no_equipment"' WHERE id = ${edited}`);
    await database.db.execute(
      sql`UPDATE assessments SET equipment_items = '["bench"]', needs_reassessment = false, reassessment_reason = NULL WHERE id = ${reassessed}`,
    );

    const { run, summary } = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin });
    expect(summary.conflicts).toBe(2);
    expect(summary.restored).toBe(applied.summary.migrated + applied.summary.flagged - 2);
    expect(await assessmentState(database.db, edited)).toMatchObject({ equipment: '"no_equipment"', items: "[]" });
    expect(await assessmentState(database.db, reassessed)).toMatchObject({ items: '["bench"]', needsReassessment: false });
    // Rows nobody touched are back to the legacy list.
    expect(await assessmentState(database.db, idOf("list-none@example.com"))).toMatchObject({
      equipment: '["no_equipment"]',
      items: null,
    });

    const conflicts = await listRunItems(database.db, { runId: run.id, status: "conflict" });
    expect(conflicts.rows.map((r) => r.rowId).sort()).toEqual([edited, reassessed].sort());
    expect(conflicts.rows[0].reason).toMatch(/changed or deleted after run/i);
  });

  it("is atomic: a failure restores nothing and leaves the run undoable", async () => {
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const after = await tableSnapshot(database.db, "assessments");
    await database.db.execute(sql`
      CREATE FUNCTION refuse_undo() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'undo refused by trigger'; END $$`);
    await database.db.execute(sql`
      CREATE TRIGGER refuse_undo BEFORE UPDATE ON assessments FOR EACH ROW
      WHEN (NEW.equipment = '["no_equipment"]'::jsonb) EXECUTE FUNCTION refuse_undo()`);
    try {
      const { run } = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin, batchSize: 2 });
      expect(run).toMatchObject({ status: "failed", error: expect.stringContaining("undo refused by trigger") });
      expect(await tableSnapshot(database.db, "assessments")).toEqual(after);
      expect(await getRun(database.db, applied.run.id)).toMatchObject({ undoneByRunId: null });
    } finally {
      await database.db.execute(sql`DROP TRIGGER refuse_undo ON assessments`);
      await database.db.execute(sql`DROP FUNCTION refuse_undo()`);
    }
    expect((await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin })).run.status).toBe("completed");
  });

  it("refuses a run that was already undone", async () => {
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const first = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin });
    await expect(undoMigrationRun(database, { runId: applied.run.id, startedBy: admin })).rejects.toThrow(
      `Run ${applied.run.id} was already undone by run ${first.run.id}.`,
    );
  });

  it("refuses a dry run, an undo, a failed run and an unknown run, recording nothing", async () => {
    const dry = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    const failed = await withRefusedUpdates(database.db, { table: "assessments", when: "true", message: "injected fault" }, () =>
      runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin }),
    );
    expect(failed.run.status).toBe("failed");
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const undo = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin });
    const [{ before }] = await queryRows<{ before: number }>(
      database.db,
      sql`SELECT count(*)::int AS before FROM migration_runs`,
    );

    for (const [runId, message] of [
      [dry.run.id, /was a dry run/],
      [undo.run.id, /is itself an undo/],
      [failed.run.id, /failed and was rolled back/],
      [424242, /There is no migration run 424242/],
    ] as const) {
      const attempt = undoMigrationRun(database, { runId, startedBy: admin });
      await expect(attempt).rejects.toBeInstanceOf(UndoRefusedError);
      await expect(undoMigrationRun(database, { runId, startedBy: admin })).rejects.toThrow(message);
    }
    const [{ after }] = await queryRows<{ after: number }>(database.db, sql`SELECT count(*)::int AS after FROM migration_runs`);
    expect(after).toBe(before);
  });

  it("lets the migration run again after an undo, with the same outcome", async () => {
    const first = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const migrated = await migratedColumns();
    await undoMigrationRun(database, { runId: first.run.id, startedBy: admin });
    const second = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(second.summary).toEqual(first.summary);
    const again = await migratedColumns();
    // Same data, except flagged_by_run_id/flagged_at, which name the new run.
    expect(again.map((r) => r.split("|").slice(0, 5))).toEqual(migrated.map((r) => r.split("|").slice(0, 5)));
  });
});
