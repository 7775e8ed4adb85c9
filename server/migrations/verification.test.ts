import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { MigrationRun } from "@/db/schema";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { emptyMigrationTables, gate, insertLegacyAssessments, startHeldRun } from "@/test/migrations";
import { runMigration } from "./engine";
import type { VerificationCheck } from "./types";

const ID = "equipment-single-choice";
const admin = { userId: null, label: "test:admin" };

let database: TestDatabase;
let ids: number[];
const idOf = (email: string) => ids[EQUIPMENT_CASES.findIndex((c) => c.email === email)];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db, { library: true });
  ids = await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
});

function legacyRowsCheck(run: MigrationRun): VerificationCheck | undefined {
  return (run.verification?.checks as VerificationCheck[] | undefined)?.find((c) => c.name === "no_legacy_rows_left");
}

describe("the check that no row is left to change", () => {
  it("passes when the run changed every row it had to", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(legacyRowsCheck(run)).toMatchObject({ ok: true, actual: 0 });
  });

  it("fails when a row the run wrote is left in the old format (the write did not land as classified)", async () => {
    // A trigger that keeps the old equipment answer of one row: the run's UPDATE runs, the row stays a list.
    const kept = idOf("list-gym@example.com");
    await database.db.execute(
      sql.raw(`CREATE FUNCTION test_keep_equipment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.equipment := OLD.equipment; RETURN NEW; END $$`),
    );
    await database.db.execute(sql`CREATE TRIGGER test_keep_equipment BEFORE UPDATE ON assessments FOR EACH ROW
      WHEN (OLD.id = ${sql.raw(String(kept))}) EXECUTE FUNCTION test_keep_equipment()`);
    try {
      const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
      expect(legacyRowsCheck(run)).toMatchObject({ ok: false, actual: 1 });
      expect(run.verification).toMatchObject({ ok: false });
    } finally {
      await database.db.execute(sql`DROP TRIGGER test_keep_equipment ON assessments`);
      await database.db.execute(sql`DROP FUNCTION test_keep_equipment()`);
    }
  });
});

// Another connection writing while a run is open needs a server: PGlite is one session in one
// process, where a second connection waits for the run's transaction to end.
describe.skipIf(!usingPostgres)("rows other clients change during the run (Postgres)", () => {
  let athlete: Database;
  // The first row is already valid: the run's first batch reads past it without reading or locking it.
  const validRow = () => idOf("gym@example.com");
  const toLegacy = (id: number) => sql`UPDATE assessments SET equipment = '["full_gym"]' WHERE id = ${id}`;

  beforeAll(async () => {
    athlete = await database.openAnother();
  });
  afterAll(async () => {
    await athlete?.close();
  });

  it("counts a row another client turned legacy after the run read past it", async () => {
    const run = await startHeldRun(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 8 });
    try {
      await athlete.db.execute(toLegacy(validRow()));
    } finally {
      run.release();
    }
    const done = await run.done;
    expect(done.status).toBe("completed");
    expect(legacyRowsCheck(done)).toMatchObject({ ok: false, actual: 1 });
  });

  it("counts a row written by a transaction open when the run started and committed after the run read past it", async () => {
    // The write (and its count in the table's write sequence) happens before the run starts; only
    // its commit comes during the run.
    const written = gate();
    const commit = gate();
    const transaction = athlete.db.transaction(async (tx) => {
      await tx.execute(toLegacy(validRow()));
      written.release();
      await commit.wait;
    });
    await written.wait;
    const run = await startHeldRun(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 8 });
    commit.release();
    await transaction;
    run.release();
    const done = await run.done;
    expect(done.status).toBe("completed");
    expect(legacyRowsCheck(done)).toMatchObject({ ok: false, actual: 1 });
  });
});
