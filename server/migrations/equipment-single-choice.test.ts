import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "@/server/migrations/engine";
import { emptyMigrationTables, filterAgreement, type LegacyAssessment, insertLegacyAssessments } from "@/test/migrations";
import { type AssessmentRow, equipmentSingleChoice } from "./equipment-single-choice";
import { BASIC_WITHOUT_ITEMS_REASON, classifyAssessment } from "@/lib/migrations/equipment-single-choice/rules";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// jsonb cannot store the NUL character; everything else JSON can hold is fair game.
const noNul = (value: unknown) => !JSON.stringify(value ?? null).includes("\\u0000");
const choice = fc.constantFrom("no_equipment", "basic_equipment", "full_gym");
const equipment = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue(),
  choice,
  fc.array(fc.oneof(choice, choice, fc.jsonValue()), { maxLength: 3 }),
);
const items = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant([]),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 2 }),
  fc.jsonValue(),
);

describe("the SQL around the rules agrees with the rules", () => {
  it("classifies random answers read back from the database exactly as in memory, and pendingCount counts the non-skipped", async () => {
    const samples = fc
      .sample(fc.record({ equipment, items, needsReassessment: fc.boolean() }), 300)
      .filter((s) => noNul(s.equipment) && noNul(s.items));
    await emptyMigrationTables(database.db, { library: true });
    const rows: LegacyAssessment[] = samples.map((s, i) => ({ email: `p${i}@example.com`, ...s }));
    await insertLegacyAssessments(database.db, rows);

    // Row by row first, so a disagreement names the value; this filter is exact.
    expect(await filterAgreement(database.db, equipmentSingleChoice)).toEqual({ missed: [], extra: [] });

    const expected = { migrated: 0, flagged: 0, skipped: 0, errors: 0 };
    for (const s of samples) {
      const status = classifyAssessment({
        equipment: s.equipment,
        equipmentItems: s.items,
        needsReassessment: s.needsReassessment,
        reassessmentReason: null,
        flaggedAt: null,
        flaggedByRunId: null,
      }).status;
      expected[status === "error" ? "errors" : status]++;
    }
    expect(await equipmentSingleChoice.pendingCount(database.db)).toBe(expected.migrated + expected.flagged + expected.errors);
    const dry = await runMigration(database, {
      migrationId: equipmentSingleChoice.id,
      mode: "dry_run",
      startedBy: { label: "t" },
      batchSize: 64,
    });
    expect(dry.summary).toEqual({ total_processed: samples.length, ...expected });

    const applied = await runMigration(database, {
      migrationId: equipmentSingleChoice.id,
      mode: "apply",
      startedBy: { label: "t" },
    });
    expect(applied.summary).toEqual(dry.summary);
    expect(applied.run.verification).toMatchObject({ ok: true });
    expect(await equipmentSingleChoice.pendingCount(database.db)).toBe(expected.errors);
  });
});

describe("what the run records for a row, by SQL column name", () => {
  const row = (equipment: unknown, equipmentItems?: unknown): AssessmentRow => ({
    id: 1,
    userId: 7,
    equipment,
    equipmentItems,
    needsReassessment: false,
    reassessmentReason: null,
    flaggedAt: null,
    flaggedByRunId: null,
  });

  it("records the changed columns before and after for a migrated row, omitting SQL NULLs", () => {
    expect(equipmentSingleChoice.classify(row(["full_gym"]))).toEqual({
      status: "migrated",
      before: { equipment: ["full_gym"] },
      after: { equipment: "full_gym", equipment_items: [] },
    });
  });

  it("records only equipment as changed when basic_equipment keeps its items", () => {
    expect(equipmentSingleChoice.classify(row(["basic_equipment"], ["bench"]))).toEqual({
      status: "migrated",
      before: { equipment: ["basic_equipment"], equipment_items: ["bench"] },
      after: { equipment: "basic_equipment" },
    });
  });

  it("records the flag columns for a flagged row", () => {
    expect(equipmentSingleChoice.classify(row("basic_equipment", null))).toEqual({
      status: "flagged",
      before: {
        equipment: "basic_equipment",
        equipment_items: null,
        needs_reassessment: false,
        reassessment_reason: null,
        flagged_at: null,
        flagged_by_run_id: null,
      },
      after: { needs_reassessment: true, reassessment_reason: BASIC_WITHOUT_ITEMS_REASON },
      reason: BASIC_WITHOUT_ITEMS_REASON,
    });
  });

  it("records the original values and the message for an error, and nothing to write", () => {
    const outcome = equipmentSingleChoice.classify(row("gym", "x"));
    expect(outcome).toEqual({ status: "error", before: { equipment: "gym", equipment_items: "x" }, reason: expect.any(String) });
  });
});
