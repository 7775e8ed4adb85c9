/**
 * The preview fingerprint sees every write of any client: the statement-level triggers of the
 * run_trust schema migration count plain-SQL inserts, updates, deletes and truncates that leave row
 * count, highest id and updated_at as they were; the engine's own statements are not counted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { emptyMigrationTables, insertLegacyAssessments } from "@/test/migrations";
import { runMigration } from "./engine";
import { previewStatus } from "./queries";
import { dataMigrations } from "./registry";
import { equipmentSingleChoice } from "./equipment-single-choice";

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

async function preview() {
  const { run } = await runMigration(database, { migrationId: equipmentSingleChoice.id, mode: "dry_run", startedBy: admin });
  expect(run.status).toBe("completed");
}
const stale = async () => (await previewStatus(database.db, equipmentSingleChoice)).stale;

describe("the write fingerprint", () => {
  it("is not moved by the engine's own dry runs, however many", async () => {
    await preview();
    expect(await stale()).toBe(false);
    await preview();
    expect(await stale()).toBe(false);
  });

  it("sees a plain-SQL update that leaves updated_at as it was", async () => {
    await preview();
    await database.db.execute(sql`UPDATE assessments SET equipment = '["bogus"]' WHERE id = ${ids[0]}`);
    expect(await previewStatus(database.db, equipmentSingleChoice)).toMatchObject({
      stale: true,
      changes: ["Rows were edited since the preview."],
    });
  });

  it("sees a row inserted and deleted again (same count, same highest id)", async () => {
    await preview();
    const [{ userId }] = await queryRows<{ userId: number }>(
      database.db,
      sql`SELECT user_id AS "userId" FROM assessments WHERE id = ${ids[0]}`,
    );
    await database.db.execute(sql`DELETE FROM assessments WHERE id = ${ids[0]}`);
    await database.db.execute(sql`INSERT INTO assessments (id, user_id, equipment) VALUES (${ids[0]}, ${userId}, '"full_gym"')`);
    expect(await stale()).toBe(true);
  });

  it("sees a truncate of an already empty table", async () => {
    await database.db.execute(sql`DELETE FROM assessments`);
    await preview();
    expect(await stale()).toBe(false);
    await database.db.execute(sql`TRUNCATE assessments`);
    expect(await stale()).toBe(true);
  });

  it("counts writes on every migrated table, for every registered migration", async () => {
    for (const migration of dataMigrations) {
      const before = await migration.fingerprint(database.db);
      await database.db.execute(
        sql`UPDATE ${migration.declaration.table} SET ${sql.identifier(migration.declaration.key.name)} = ${migration.declaration.key} WHERE false`,
      );
      const after = await migration.fingerprint(database.db);
      expect(after.writes, migration.id).toBeGreaterThan(before.writes);
      expect({ ...after, writes: 0 }, migration.id).toEqual({ ...before, writes: 0 });
    }
  });
});
