import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { startMigrationRun } from "./engine";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { listRunItems } from "./queries";
import { assessmentState, emptyMigrationTables, gate, insertLegacyAssessments, startHeldRun } from "@/test/migrations";

// Two connections editing the same rows at once need a server: PGlite is one session in one
// process, where a second "connection" simply waits for the open transaction to end.
describe.skipIf(!usingPostgres)("row locks against an athlete's concurrent edit (Postgres)", () => {
  let database: TestDatabase;
  let athlete: Database;
  let ids: number[];
  const idOf = (email: string) => ids[EQUIPMENT_CASES.findIndex((c) => c.email === email)];

  beforeAll(async () => {
    database = await createTestDatabase();
    athlete = await database.openAnother();
  });
  afterAll(async () => {
    await athlete?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await emptyMigrationTables(database.db);
    ids = await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
  });

  async function waitingOnLocks(): Promise<number> {
    const [row] = await queryRows<{ waiting: number }>(
      database.db,
      sql`SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%update assessments%'`,
    );
    return row.waiting;
  }

  async function until(condition: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("timed out waiting");
  }

  it("makes an edit to a row the run has read wait for the commit, then applies it on top", async () => {
    const row = idOf("list-gym@example.com"); // the 8th row, in the first batch
    const run = await startHeldRun(database, {
      migrationId: "equipment-single-choice",
      mode: "apply",
      startedBy: { label: "t" },
      batchSize: 8,
    });

    let editDone = false;
    const edit = athlete.db
      .execute(sql`UPDATE assessments SET equipment = '"no_equipment"', equipment_items = '[]' WHERE id = ${row}`)
      .then(() => (editDone = true));
    try {
      await until(async () => (await waitingOnLocks()) === 1);
      expect(editDone).toBe(false);
    } finally {
      run.release();
    }
    expect((await run.done).status).toBe("completed");
    await edit;

    // Neither lost (the athlete's answer is what remains) nor overwritten (the run's change committed first).
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"no_equipment"', items: "[]" });
    const items = await listRunItems(database.db, { runId: run.runId, email: "list-gym@example.com" });
    expect(items.rows[0]).toMatchObject({ status: "migrated", after: { equipment: "full_gym", equipment_items: [] } });
  });

  it("lets an athlete edit a row a dry run has read without waiting: a preview keeps nothing", async () => {
    const row = idOf("list-gym@example.com");
    const run = await startHeldRun(database, {
      migrationId: "equipment-single-choice",
      mode: "dry_run",
      startedBy: { label: "t" },
      batchSize: 8,
    });
    try {
      // The dry run's transaction is still open, holding the first batch it read.
      await athlete.db.execute(
        sql`UPDATE assessments SET equipment = '"no_equipment"', equipment_items = '[]' WHERE id = ${row}`,
      );
      expect(await waitingOnLocks()).toBe(0);
    } finally {
      run.release();
    }
    expect((await run.done).status).toBe("completed");
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"no_equipment"', items: "[]" });
    // The preview reports the row as it read it.
    const items = await listRunItems(database.db, { runId: run.runId, email: "list-gym@example.com" });
    expect(items.rows[0]).toMatchObject({ status: "migrated", after: { equipment: "full_gym", equipment_items: [] } });
  });

  it("waits for an athlete's open edit before reading the row, and migrates what they saved", async () => {
    const row = idOf("list-none@example.com");
    const commit = gate();
    const editing = gate();
    const edit = athlete.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE assessments SET equipment = '["full_gym", "no_equipment"]' WHERE id = ${row}`);
      editing.release();
      await commit.wait;
    });
    await editing.wait;

    const run = await startMigrationRun(database, {
      migrationId: "equipment-single-choice",
      mode: "apply",
      startedBy: { label: "t" },
      batchSize: 4,
    });
    try {
      // The run's batch read (SELECT ... FOR UPDATE) waits on the athlete's row lock.
      await until(async () => {
        const [lock] = await queryRows<{ waiting: number }>(
          database.db,
          sql`SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT "assessments"."id" AS "id"%'`,
        );
        return lock.waiting === 1;
      });
    } finally {
      commit.release();
    }
    await edit;
    expect((await run.done).status).toBe("completed");

    // The run read the committed edit (a list with full_gym), not the value from before it.
    expect(await assessmentState(database.db, row)).toMatchObject({ equipment: '"full_gym"', items: "[]" });
    const items = await listRunItems(database.db, { runId: run.runId, email: "list-none@example.com" });
    expect(items.rows[0]).toMatchObject({ status: "migrated", before: { equipment: ["full_gym", "no_equipment"] } });
  });
});
