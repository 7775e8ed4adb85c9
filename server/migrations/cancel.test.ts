import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { emptyMigrationTables, gate, insertLegacyAssessments, startHeldRun, tableSnapshot } from "@/test/migrations";
import { cancelMigrationRun } from "./cancel";
import { runMigration, startMigrationRun } from "./engine";
import { CancelRefusedError } from "./errors";
import { getRunProgress } from "./run-progress";
import { isLockHeld } from "./run-lock";
import { startUndoRun } from "./undo";

const ID = "equipment-single-choice";
const operator = { userId: null, label: "test:operator" };
const admin = { userId: null, label: "admin@example.com" };

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db, { library: true });
  await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
});

async function itemsOf(runId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM migration_run_items WHERE run_id = ${runId}`,
  );
  return row.n;
}

describe("cancelling a run in this process", () => {
  for (const mode of ["apply", "dry_run"] as const) {
    it(`rolls back a ${mode} between batches and records it cancelled by who asked, with no counts and no items`, async () => {
      const before = await tableSnapshot(database.db, "assessments");
      const run = await startHeldRun(database, { migrationId: ID, mode, startedBy: operator, batchSize: 4 });
      await cancelMigrationRun(database, { runId: run.runId, cancelledBy: admin });
      run.release();
      const finished = await run.done;
      expect(finished).toMatchObject({
        status: "cancelled",
        cancelledBy: "admin@example.com",
        migrated: 0,
        flagged: 0,
        errors: 0,
        skipped: 0,
      });
      expect(finished.error).toMatch(/^Cancelled by admin@example.com; .*nothing it did was kept/);
      expect(finished.processed).toBeGreaterThan(0);
      expect(finished.cancelRequestedAt).toBeInstanceOf(Date);
      expect(await tableSnapshot(database.db, "assessments")).toEqual(before);
      expect(await itemsOf(run.runId)).toBe(0);
      expect((await getRunProgress(database, run.runId))?.status).toBe("cancelled");
    });
  }

  it("releases the lock: the next run starts at once and completes", async () => {
    const run = await startHeldRun(database, { migrationId: ID, mode: "apply", startedBy: operator, batchSize: 4 });
    await cancelMigrationRun(database, { runId: run.runId, cancelledBy: admin });
    run.release();
    await run.done;
    const next = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: operator });
    expect(next.run.status).toBe("completed");
  });

  it("cancels an undo, leaving the applied run undoable", async () => {
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: operator });
    const afterApply = await tableSnapshot(database.db, "assessments");
    const reached = gate();
    const hold = gate();
    const undo = await startUndoRun(database, {
      runId: applied.run.id,
      startedBy: operator,
      batchSize: 2,
      onProgress: async (p) => {
        if (p.processed > 0) {
          reached.release();
          await hold.wait;
        }
      },
    });
    await reached.wait;
    await cancelMigrationRun(database, { runId: undo.runId, cancelledBy: admin });
    hold.release();
    expect(await undo.done).toMatchObject({ status: "cancelled", restored: 0 });
    expect(await tableSnapshot(database.db, "assessments")).toEqual(afterApply);
    const again = await startUndoRun(database, { runId: applied.run.id, startedBy: operator });
    expect((await again.done).status).toBe("completed");
  });

  it("refuses to cancel a run that has finished, saying so", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: operator });
    await expect(cancelMigrationRun(database, { runId: run.id, cancelledBy: admin })).rejects.toThrow(CancelRefusedError);
    await expect(cancelMigrationRun(database, { runId: run.id, cancelledBy: admin })).rejects.toThrow(
      /no longer running \(it is completed\)/,
    );
    await expect(cancelMigrationRun(database, { runId: 999, cancelledBy: admin })).rejects.toThrow(/no migration run #999/);
  });
});

/** Until some session of the test database waits on a lock held by another (about 5 s at most). */
async function untilWaitingOnALock(db: Database, never: string): Promise<void> {
  for (let i = 0; ; i++) {
    const [row] = await queryRows<{ waiting: number }>(
      db.db,
      sql`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (row.waiting > 0) return;
    if (i === 100) throw new Error(never);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Another app instance is another pool on the same server; PGlite is one process.
describe.skipIf(!usingPostgres)("cancelling from another instance (Postgres)", () => {
  let other: Database;
  let athlete: Database;
  beforeAll(async () => {
    other = await database.openAnother();
    athlete = await database.openAnother();
  });
  afterAll(async () => {
    await other?.close();
    await athlete?.close();
  });

  it("stops a run waiting on a row lock at once, through the database, and releases its lock", async () => {
    const before = await tableSnapshot(database.db, "assessments");
    // An athlete's transaction holds a row the run must lock: the run waits inside its read.
    const holding = gate();
    const locked = gate();
    const athleteTx = athlete.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM assessments WHERE jsonb_typeof(equipment) = 'array' ORDER BY id LIMIT 1 FOR UPDATE`);
      locked.release();
      await holding.wait;
    });
    await locked.wait;
    try {
      const run = await startMigrationRun(database, { migrationId: ID, mode: "apply", startedBy: operator });
      await untilWaitingOnALock(other, "the run never waited for the athlete's row");
      const asked = Date.now();
      await cancelMigrationRun(other, { runId: run.runId, cancelledBy: admin });
      const finished = await run.done;
      expect(Date.now() - asked).toBeLessThan(5_000);
      expect(finished).toMatchObject({ status: "cancelled", cancelledBy: "admin@example.com", migrated: 0 });
      // The athlete still holds the row, yet the run's lock is gone: another instance may start a run.
      expect(await isLockHeld(other.db, ID)).toBe(false);
      const next = await startMigrationRun(other, { migrationId: ID, mode: "dry_run", startedBy: operator });
      holding.release();
      expect((await next.done).status).toBe("completed");
    } finally {
      holding.release();
      await athleteTx;
    }
    expect(await tableSnapshot(database.db, "assessments")).toEqual(before);
  });

  it("keeps its lock until it has recorded how it ended, so no instance takes it for a run whose process died", async () => {
    // Every reader (the dashboard's poll, lists of runs) takes a 'running' row whose lock nobody holds
    // for a dead run, and records it failed. So the run's end must be on its row before the lock goes.
    const run = await startHeldRun(database, { migrationId: ID, mode: "dry_run", startedBy: operator, batchSize: 4 });
    expect(await itemsOf(run.runId)).toBeGreaterThan(0);
    await cancelMigrationRun(other, { runId: run.runId, cancelledBy: admin });
    // One of the run's items is held, so recording its end (which drops its items first) waits.
    const holding = gate();
    const locked = gate();
    const itemTx = athlete.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM migration_run_items WHERE run_id = ${run.runId} LIMIT 1 FOR UPDATE`);
      locked.release();
      await holding.wait;
    });
    await locked.wait;
    try {
      run.release();
      await untilWaitingOnALock(other, "the run never came to record its end");
      const [row] = await queryRows<{ status: string }>(other.db, sql`SELECT status FROM migration_runs WHERE id = ${run.runId}`);
      expect(row.status).toBe("running");
      expect(await isLockHeld(other.db, ID)).toBe(true);
    } finally {
      holding.release();
      await itemTx;
    }
    expect(await run.done).toMatchObject({ status: "cancelled", cancelledBy: "admin@example.com" });
    expect((await getRunProgress(other, run.runId))?.status).toBe("cancelled");
    expect(await isLockHeld(other.db, ID)).toBe(false);
  });

  it("stops a run between batches when another instance asks", async () => {
    const run = await startHeldRun(database, { migrationId: ID, mode: "apply", startedBy: operator, batchSize: 4 });
    await cancelMigrationRun(other, { runId: run.runId, cancelledBy: admin });
    run.release();
    expect(await run.done).toMatchObject({ status: "cancelled", cancelledBy: "admin@example.com" });
    expect(await isLockHeld(other.db, ID)).toBe(false);
  });
});
