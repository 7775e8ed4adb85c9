import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { assessmentState, emptyMigrationTables, insertLegacyAssessments } from "@/test/migrations";
import { runMigration } from "./engine";
import { equipmentSingleChoice } from "./equipment-single-choice";
import { exerciseBackfill } from "./exercise-backfill";
import { previewStatus } from "./queries";
import { fixErrorRow, fixFieldsOf, listRowFixes } from "./row-fix";

const ID = "equipment-single-choice";
const admin = { userId: null, label: "admin@example.com" };

let database: TestDatabase;
let ids: number[];
let previewId: number;
const idOf = (email: string) => ids[EQUIPMENT_CASES.findIndex((c) => c.email === email)];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db);
  ids = await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
  previewId = (await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin })).run.id;
});

async function fixCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM migration_row_fixes`);
  return row.n;
}

describe("fixing an error row in place", () => {
  it("offers only the migration's own columns: the equipment answer, not its flag", () => {
    expect(fixFieldsOf(equipmentSingleChoice)).toEqual([
      { column: "equipment", kind: "json", nullable: true },
      { column: "equipment_items", kind: "json", nullable: true },
    ]);
    expect(fixFieldsOf(exerciseBackfill).map((f) => f.column)).toEqual(["name", "type", "difficulty", "equipment_required"]);
  });

  it("corrects the row, records who and when, and makes the preview stale until it is run again", async () => {
    const row = idOf("bad-name@example.com");
    const { fix, outcome } = await fixErrorRow(database, {
      runId: previewId,
      rowId: row,
      values: { equipment: '"full_gym"' },
      fixedBy: admin,
    });
    expect(outcome).toBe("skipped"); // already in the new format: nothing left for a run to do
    expect(fix).toMatchObject({
      migrationId: ID,
      runId: previewId,
      rowId: row,
      before: { equipment: "Full_Gym" },
      after: { equipment: "full_gym" },
      fixedBy: "admin@example.com",
    });
    expect(fix.fixedAt).toBeInstanceOf(Date);
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"full_gym"', items: null });
    expect(await listRowFixes(database.db, previewId)).toHaveLength(1);

    const status = await previewStatus(database.db, equipmentSingleChoice);
    expect(status.stale).toBe(true);
    const again = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    expect(again.summary).toMatchObject({ errors: expectedCounts().errors - 1, skipped: expectedCounts().skipped + 1 });
  });

  it("turns a legacy list with a bad name into one a run migrates", async () => {
    const row = idOf("list-unknown@example.com");
    const { outcome } = await fixErrorRow(database, {
      runId: previewId,
      rowId: row,
      values: { equipment: '["full_gym", "no_equipment"]' },
      fixedBy: admin,
    });
    expect(outcome).toBe("migrated");
  });

  it("refuses a value the migration's rules reject, by the field, and changes nothing", async () => {
    const row = idOf("bad-name@example.com");
    const attempt = fixErrorRow(database, { runId: previewId, rowId: row, values: { equipment: '"gym"' }, fixedBy: admin });
    await expect(attempt).rejects.toMatchObject({
      message: expect.stringMatching(/^Still an error under the migration's rules: equipment "gym" is not one of/),
      options: { field: "equipment" },
    });
    await expect(
      fixErrorRow(database, { runId: previewId, rowId: row, values: { equipment: "full_gym" }, fixedBy: admin }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^Enter JSON/),
      options: { field: "equipment" },
    });
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"Full_Gym"' });
    expect(await fixCount()).toBe(0);
  });

  it("refuses columns that are not the migration's to fix, and rows that were no error", async () => {
    const row = idOf("bad-name@example.com");
    await expect(
      fixErrorRow(database, { runId: previewId, rowId: row, values: { needs_reassessment: "true" }, fixedBy: admin }),
    ).rejects.toThrow(/Only equipment, equipment_items can be fixed here, not needs_reassessment/);
    const migrated = idOf(EQUIPMENT_CASES.find((c) => c.expected === "migrated")!.email);
    await expect(
      fixErrorRow(database, { runId: previewId, rowId: migrated, values: { equipment: '"full_gym"' }, fixedBy: admin }),
    ).rejects.toThrow(`Row ${migrated} is not an error of run #${previewId}.`);
    expect(await fixCount()).toBe(0);
  });

  it("stores an emptied field as SQL NULL", async () => {
    const row = idOf("items-text@example.com");
    await fixErrorRow(database, { runId: previewId, rowId: row, values: { equipment_items: "" }, fixedBy: admin });
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"full_gym"', items: null });
  });
});
