import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { migrationRunItems, migrationRuns, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { emptyMigrationTables, insertLegacyAssessments, startHeldRun } from "@/test/migrations";
import { runMigration } from "./engine";

// A migration run holds one connection for its transaction and writes its row, its items and its
// progress through others; the smallest pool the environment allows (DATABASE_POOL_MAX=2) must still
// see it through, with other work waiting its turn rather than everything waiting on everything.
const admin = { userId: null, label: "test:admin" };
const SMALLEST_POOL = 2;

// Postgres only: PGlite is one session, with no pool to size.
describe.skipIf(!usingPostgres)("a pool of two connections", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: SMALLEST_POOL });
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await emptyMigrationTables(database.db, { library: true });
    await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
  });

  it("answers a request while a run with live progress holds its transaction, and the run completes", async () => {
    const run = await startHeldRun(database, {
      migrationId: "equipment-single-choice",
      mode: "apply",
      startedBy: admin,
      batchSize: 3,
    });
    try {
      // The run's transaction is open on one connection: a read of its row (another instance's
      // progress poll) and a write transaction (a sign-up) go through the other.
      const [row] = await database.db.select().from(migrationRuns).where(eq(migrationRuns.id, run.runId));
      expect(row).toMatchObject({ status: "running", total: EQUIPMENT_CASES.length });
      expect(row.processed).toBeGreaterThan(0);
      await database.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: "while-running@example.com" });
      });
    } finally {
      run.release();
    }
    const done = await run.done;
    expect(done).toMatchObject({ status: "completed", ...pickCounts(expectedCounts()) });
    const [{ items }] = await database.db
      .select({ items: count() })
      .from(migrationRunItems)
      .where(eq(migrationRunItems.runId, run.runId));
    expect(items).toBe(EQUIPMENT_CASES.length - expectedCounts().skipped);
  });

  it("runs a second migration after the first when both are started at once, instead of both stalling", async () => {
    const first = await startHeldRun(database, {
      migrationId: "equipment-single-choice",
      mode: "dry_run",
      startedBy: admin,
      batchSize: 3,
    });
    // Two transactions that each wait on the pool would hold both connections: the second waits.
    const second = runMigration(database, { migrationId: "strip-legacy-name-suffixes", mode: "dry_run", startedBy: admin });
    let secondEnded = false;
    void second.finally(() => (secondEnded = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondEnded).toBe(false);
    first.release();
    expect((await first.done).status).toBe("completed");
    expect((await second).run.status).toBe("completed");
    // Stalled runs would hold their connections for good: fail well before the suite's minute.
  }, 20_000);
});

function pickCounts(summary: ReturnType<typeof expectedCounts>) {
  return { migrated: summary.migrated, flagged: summary.flagged, skipped: summary.skipped, errors: summary.errors };
}
