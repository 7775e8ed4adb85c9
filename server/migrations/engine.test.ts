import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { runMigration, startMigrationRun } from "./engine";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { equipmentSingleChoice } from "@/server/migrations/equipment-single-choice";
import { RunInProgressError, UnknownMigrationError } from "./errors";
import { getRunProgress, settleDeadRuns } from "./run-progress";
import { getRun, listRuns } from "./queries";
import { reportChunks } from "./report";
import { STALE_RUN_MESSAGE } from "./run-records";
import {
  assessmentState,
  emptyMigrationTables,
  gate,
  insertLegacyAssessments,
  reportOutcome,
  startHeldRun,
  tableSnapshot,
  withRefusedUpdates,
} from "@/test/migrations";

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
  await emptyMigrationTables(database.db, { library: true });
  ids = await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
});

/** A run's JSON report read in small batches, without the header that names the run. */
function reportOf(runId: number) {
  return reportOutcome(reportChunks(database.db, runId, "json", { batchSize: 4 }));
}

describe("dry run", () => {
  it("leaves every row byte-identical", async () => {
    const before = await tableSnapshot(database.db, "assessments");
    const { run, summary } = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin, batchSize: 3 });
    expect(run.status).toBe("completed");
    expect(summary).toEqual(expectedCounts());
    expect(await tableSnapshot(database.db, "assessments")).toEqual(before);
  });

  it("records the run and one item per non-skipped row, surviving the rollback", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    expect(run).toMatchObject({ mode: "dry_run", status: "completed", startedBy: "test:admin", total: EQUIPMENT_CASES.length });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.sourceFingerprint).toMatchObject({ rows: EQUIPMENT_CASES.length });
    const [{ items }] = await queryRows<{ items: number }>(
      database.db,
      sql`SELECT count(*)::int AS items FROM migration_run_items WHERE run_id = ${run.id}`,
    );
    expect(items).toBe(EQUIPMENT_CASES.filter((c) => c.expected !== "skipped").length);
  });
});

describe("apply", () => {
  it("produces exactly the dry run's report", async () => {
    const dry = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin, batchSize: 5 });
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 7 });
    expect(applied.run.status).toBe("completed");
    // Everything but the header, which names each run (id, mode, times).
    expect(await reportOf(applied.run.id)).toEqual(await reportOf(dry.run.id));
  });

  it("converts each row as its rule says and never touches other columns", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 4 });
    for (const [index, c] of EQUIPMENT_CASES.entries()) {
      const state = await assessmentState(database.db, ids[index]);
      expect({ email: c.email, sport: state.sport, age: state.age }).toEqual({ email: c.email, sport: "running", age: 30 });
      if (c.equipmentAfter !== undefined) {
        expect({ email: c.email, equipment: state.equipment, items: state.items }).toEqual({
          email: c.email,
          equipment: c.equipmentAfter,
          items: c.itemsAfter,
        });
      }
      if (c.expected === "flagged") {
        expect({ email: c.email, flagged: state.needsReassessment, by: state.flaggedByRunId }).toEqual({
          email: c.email,
          flagged: true,
          by: run.id,
        });
      }
    }
  });

  it("leaves error and skipped rows byte-identical", async () => {
    const untouched = EQUIPMENT_CASES.flatMap((c, i) => (c.expected === "error" || c.expected === "skipped" ? [ids[i]] : []));
    const rowsOf = async () =>
      (
        await queryRows<{ row: string }>(
          database.db,
          sql`SELECT a::text AS row FROM assessments a WHERE a.id IN (${sql.join(untouched, sql`, `)}) ORDER BY a.id`,
        )
      ).map((r) => r.row);
    const before = await rowsOf();
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(await rowsOf()).toEqual(before);
  });

  it("stores passing verification checks with the run", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(run.verification).toMatchObject({ ok: true });
    const names = (run.verification?.checks as { name: string; ok: boolean }[]).map((c) => [c.name, c.ok]);
    expect(names).toEqual([
      ["no_legacy_rows_left", true],
      ["row_count_unchanged", true],
      ["flagged_users_have_flag", true],
      ["sampled_equipment_single_choice", true],
      ["sampled_programs_generate", true],
      ["items_recorded", true],
    ]);
  });

  it("words every check with its numbers, so a check that passed reads as what happened", async () => {
    const { migrated, flagged, errors } = expectedCounts();
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const summaries = Object.fromEntries(
      (run.verification?.checks as { name: string; summary: string }[]).map((c) => [c.name, c.summary]),
    );
    expect(summaries).toEqual({
      no_legacy_rows_left: `Nothing left to change: 0 assessments a run would still change, ${errors} errors left as they are`,
      row_count_unchanged: `${EQUIPMENT_CASES.length} assessments before the run, ${EQUIPMENT_CASES.length} after`,
      flagged_users_have_flag: `${flagged} flagged, all ${flagged} have needs_reassessment set`,
      sampled_equipment_single_choice: `Sampled ${migrated} migrated users and ${flagged} flagged users: all ${migrated + flagged} read as a single equipment choice`,
      sampled_programs_generate: `Sampled ${migrated} migrated users and ${flagged} flagged users: a program with an exercise on every day was generated for all ${migrated + flagged}`,
      items_recorded: `${migrated + flagged + errors} rows migrated, flagged or in error, each with a report item`,
    });
  });

  it("fails the program check when no program can be generated (an empty exercise library)", async () => {
    await database.db.execute(sql`TRUNCATE exercises CASCADE`);
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(run.status).toBe("completed");
    expect(run.verification).toMatchObject({ ok: false });
    const check = (run.verification?.checks as { name: string; ok: boolean; summary: string }[]).find(
      (c) => c.name === "sampled_programs_generate",
    );
    expect(check).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/generated for only 0 of \d+ \(the exercise library is empty\)$/),
    });
  });

  it("changes nothing when applied a second time", async () => {
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const after = await tableSnapshot(database.db, "assessments");
    const second = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(second.summary).toMatchObject({ migrated: 0, flagged: 0, errors: expectedCounts().errors });
    expect(await tableSnapshot(database.db, "assessments")).toEqual(after);
  });

  it("counts pending rows before and only errors after", async () => {
    const { migrated, flagged, errors } = expectedCounts();
    expect(await equipmentSingleChoice.pendingCount(database.db)).toBe(migrated + flagged + errors);
    expect(await equipmentSingleChoice.pendingOutcome(database.db)).toEqual({ toChange: migrated + flagged, errors });
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(await equipmentSingleChoice.pendingCount(database.db)).toBe(errors);
    expect(await equipmentSingleChoice.pendingOutcome(database.db)).toEqual({ toChange: 0, errors });
  });

  it("changes the source fingerprint, so an earlier preview is stale", async () => {
    const before = await equipmentSingleChoice.fingerprint(database.db);
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const after = await equipmentSingleChoice.fingerprint(database.db);
    expect(after.rows).toBe(before.rows);
    expect(after.maxUpdatedAt).not.toBe(before.maxUpdatedAt);
  });
});

describe("failure", () => {
  it.each(["apply", "dry_run"] as const)(
    "halfway through %s leaves the data untouched and the run recorded failed",
    async (mode) => {
      const before = await tableSnapshot(database.db, "assessments");
      const half = Math.floor(EQUIPMENT_CASES.length / 2);
      // The database refuses the rows of the second half: the batches before them have been written.
      const fault = { table: "assessments", when: `OLD.id > ${ids[half - 1]}`, message: "injected fault" } as const;
      const { run } = await withRefusedUpdates(database.db, fault, () =>
        runMigration(database, { migrationId: ID, mode, startedBy: admin, batchSize: 3 }),
      );
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/injected fault/);
      expect(run.processed).toBeGreaterThan(0);
      expect(run.processed).toBeLessThan(EQUIPMENT_CASES.length);
      expect(run.finishedAt).toBeInstanceOf(Date);
      expect(await tableSnapshot(database.db, "assessments")).toEqual(before);
      const [{ items }] = await queryRows<{ items: number }>(
        database.db,
        sql`SELECT count(*)::int AS items FROM migration_run_items WHERE run_id = ${run.id}`,
      );
      expect(items).toBe(0);
    },
  );

  it("records a database error as the reason and rolls back", async () => {
    // A real failure from inside Postgres: a trigger refusing one row's update.
    await database.db.execute(sql`
      CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk on fire'; END $$`);
    await database.db.execute(sql`
      CREATE TRIGGER refuse_update BEFORE UPDATE ON assessments FOR EACH ROW
      WHEN (NEW.equipment = '"no_equipment"'::jsonb) EXECUTE FUNCTION refuse_update()`);
    try {
      const before = await tableSnapshot(database.db, "assessments");
      const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 2 });
      expect(run.status).toBe("failed");
      expect(run.error).toContain("disk on fire");
      expect(run.error).not.toContain("Failed query");
      expect(await tableSnapshot(database.db, "assessments")).toEqual(before);
    } finally {
      await database.db.execute(sql`DROP TRIGGER refuse_update ON assessments`);
      await database.db.execute(sql`DROP FUNCTION refuse_update()`);
    }
  });
});

describe("one run at a time", () => {
  it("refuses a second run while one is in progress, naming who started it and when", async () => {
    const first = await startHeldRun(database, {
      migrationId: ID,
      mode: "apply",
      startedBy: { label: "first@ironlog.dev" },
      batchSize: 5,
    });
    const second = runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: { label: "second@ironlog.dev" } });
    const error = (await second.catch((e: unknown) => e)) as RunInProgressError;
    first.release();
    expect(error).toBeInstanceOf(RunInProgressError);
    expect(error.message).toMatch(/already in progress, started by first@ironlog\.dev at \d{4}-/);
    expect(error.runId).toBe(first.runId);
    expect(error.startedAt).toBeInstanceOf(Date);
    expect((await first.done).status).toBe("completed");
  });

  // Postgres only: PGlite is one session in one process, so there is no second app instance to refuse.
  it.runIf(usingPostgres)("refuses a run from another app instance (a second connection pool)", async () => {
    const other = await database.openAnother();
    try {
      const first = await startHeldRun(database, {
        migrationId: ID,
        mode: "apply",
        startedBy: { label: "instance-a" },
        batchSize: 5,
      });
      try {
        await expect(runMigration(other, { migrationId: ID, mode: "apply", startedBy: { label: "instance-b" } })).rejects.toThrow(
          /started by instance-a/,
        );
        // The other instance reads live progress while the transaction is still open.
        const progress = await getRunProgress(other, first.runId);
        // First batch: 5 rows that may change (ids 4-6, 8, 9) and the 4 already-valid rows among them.
        expect(progress).toMatchObject({ status: "running", total: EQUIPMENT_CASES.length, processed: 9 });
      } finally {
        first.release();
      }
      expect((await first.done).status).toBe("completed");
      expect(await getRunProgress(other, first.runId)).toMatchObject({ status: "completed", processed: EQUIPMENT_CASES.length });
    } finally {
      await other.close();
    }
  });

  // Postgres only: one server, two databases (two deployments, or two test databases at once).
  it.runIf(usingPostgres)("calls a run stale even while another database on the server runs the same migration", async () => {
    const elsewhere = await createTestDatabase();
    try {
      await insertLegacyAssessments(elsewhere.db, EQUIPMENT_CASES);
      const running = await startHeldRun(elsewhere, {
        migrationId: ID,
        mode: "dry_run",
        startedBy: { label: "elsewhere" },
        batchSize: 5,
      });
      try {
        const [stale] = await queryRows<{ id: number }>(
          database.db,
          sql`INSERT INTO migration_runs (migration_id, mode, started_by) VALUES (${ID}, 'apply', 'crashed') RETURNING id`,
        );
        expect(await getRunProgress(database, stale.id)).toMatchObject({ status: "failed", error: STALE_RUN_MESSAGE });
      } finally {
        running.release();
      }
      expect((await running.done).status).toBe("completed");
    } finally {
      await elsewhere.drop();
    }
  });

  it("takes over from a run whose process died, marking it failed and removing the items it wrote", async () => {
    const [stale] = await queryRows<{ id: number }>(
      database.db,
      sql`INSERT INTO migration_runs (migration_id, mode, started_by) VALUES (${ID}, 'apply', 'crashed') RETURNING id`,
    );
    // On Postgres items are committed batch by batch outside the run's transaction (item-writer.ts).
    const writeCrashedItems = () =>
      database.db.execute(sql`INSERT INTO migration_run_items (run_id, row_id, status) VALUES (${stale.id}, 1, 'migrated')`);
    const itemsOfStaleRun = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`SELECT count(*)::int AS n FROM migration_run_items WHERE run_id = ${stale.id}`,
        )
      )[0].n;
    await writeCrashedItems();
    expect(await getRunProgress(database, stale.id)).toMatchObject({ status: "failed", error: STALE_RUN_MESSAGE });
    expect(await itemsOfStaleRun()).toBe(0);

    await database.db.execute(sql`UPDATE migration_runs SET status = 'running', error = NULL WHERE id = ${stale.id}`);
    await writeCrashedItems();
    const { run } = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    expect(run.status).toBe("completed");
    expect(await getRunProgress(database, stale.id)).toMatchObject({ status: "failed", error: STALE_RUN_MESSAGE });
    expect(await itemsOfStaleRun()).toBe(0);
  });

  it("leaves a dead run's record honest: failed, counts zeroed, shown so in lists without opening it", async () => {
    // As a SIGKILL at 87,606 rows leaves it: counts reported by the last batch, never committed.
    const insertDead = async () =>
      (
        await queryRows<{ id: number }>(
          database.db,
          sql`INSERT INTO migration_runs (migration_id, mode, started_by, total, processed, migrated, flagged, skipped, errors)
              VALUES (${ID}, 'apply', 'killed', 200158, 87606, 52492, 17502, 17000, 612) RETURNING id`,
        )
      )[0].id;
    const dead = await insertDead();
    await settleDeadRuns(database);
    const listed = (await listRuns(database.db, { migrationId: ID })).rows.find((run) => run.id === dead);
    expect(listed).toMatchObject({ status: "failed", error: STALE_RUN_MESSAGE, processed: 87606, total: 200158 });
    expect(listed).toMatchObject({ migrated: 0, flagged: 0, skipped: 0, errors: 0 });

    // Taken over by the next run: the same honest record.
    await database.db.execute(sql`DELETE FROM migration_runs WHERE id = ${dead}`);
    const takenOver = await insertDead();
    expect((await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin })).run.status).toBe("completed");
    expect(await getRun(database.db, takenOver)).toMatchObject({
      status: "failed",
      migrated: 0,
      flagged: 0,
      skipped: 0,
      errors: 0,
    });
  });

  // On PGlite every read waits while a run's transaction is open (one session), so this is Postgres only.
  it.runIf(usingPostgres)("leaves a live run alone when settling dead ones", async () => {
    const running = await startHeldRun(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    try {
      await settleDeadRuns(database, ID);
      expect((await getRunProgress(database, running.runId))?.status).toBe("running");
    } finally {
      running.release();
    }
    expect((await running.done).status).toBe("completed");
  });

  it("refuses an unknown migration without recording a run", async () => {
    await expect(runMigration(database, { migrationId: "nope", mode: "apply", startedBy: admin })).rejects.toBeInstanceOf(
      UnknownMigrationError,
    );
    const [{ runs }] = await queryRows<{ runs: number }>(database.db, sql`SELECT count(*)::int AS runs FROM migration_runs`);
    expect(runs).toBe(0);
  });
});

describe("live progress", () => {
  it("reports rows processed of total while the run is open, then the final counts", async () => {
    const seen: { processed: number; total: number }[] = [];
    const hold = gate();
    const reached = gate();
    const started = await startMigrationRun(database, {
      migrationId: ID,
      mode: "dry_run",
      startedBy: admin,
      batchSize: 6,
      onProgress: async (p) => {
        seen.push({ processed: p.processed, total: p.total });
        if (p.processed > 0 && seen.length === 2) {
          reached.release();
          await hold.wait;
        }
      },
    });
    await reached.wait;
    const live = await getRunProgress(database, started.runId);
    // Six rows that may change (ids 4-6, 8-10) cover the first ten rows.
    expect(live).toMatchObject({ runId: started.runId, status: "running", processed: 10, total: EQUIPMENT_CASES.length });
    expect(live?.rowsPerSecond).toBeGreaterThan(0);
    hold.release();
    await started.done;
    expect(seen[0]).toEqual({ processed: 0, total: EQUIPMENT_CASES.length });
    expect(seen.at(-1)).toEqual({ processed: EQUIPMENT_CASES.length, total: EQUIPMENT_CASES.length });
    expect(await getRunProgress(database, started.runId)).toMatchObject({
      status: "completed",
      processed: EQUIPMENT_CASES.length,
      etaSeconds: null,
      counts: { migrated: expectedCounts().migrated, errors: expectedCounts().errors },
    });
  });

  it("returns null for a run that does not exist", async () => {
    expect(await getRunProgress(database, 999_999)).toBeNull();
  });
});
