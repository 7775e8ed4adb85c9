/**
 * The data migration engine: runs a registered migration as a dry run or for real.
 *
 * Both modes take the same path through ONE transaction, batch by batch (keyset pagination by
 * primary key): read the rows that may need a change (apply locks them FOR UPDATE; rows SQL can
 * tell are already in the new format are only counted, as skipped), classify each with the
 * migration's pure rules, write the batch, record one item per non-skipped row (item-writer.ts). A
 * dry run writes each batch inside a savepoint and rolls that savepoint back, so it runs the very
 * same UPDATE statements (constraint errors included) and its report is exactly what apply would
 * produce, while its items are kept. Memory stays at a couple of batches whatever the table size.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import type { MigrationRun } from "@/db/schema";
import type { LiveRun, ProgressListener } from "./live-runs";
import { getDataMigration } from "./registry";
import { runItemWriter } from "./item-writer";
import { type LaunchedRun, type WorkContext, launchRun } from "./run-launcher";
import type { NewItem, RunOutcomeFields } from "./run-records";
import { StatementQueue } from "./statement-queue";
import { recordChangeNotices } from "./change-notices";
import type { AnyDataMigration, ClassifiedRow, RowCounts, RunMode, SourceBatch, SourceRow, StartedBy } from "./types";

export const DEFAULT_BATCH_SIZE = 10_000;

// Keyset pagination starts below every int4 primary key.
const BEFORE_FIRST_ID = -2_147_483_648;

export interface RunMigrationOptions {
  migrationId: string;
  mode: RunMode;
  startedBy: StartedBy;
  /** Called after the rows are counted and after every batch. On PGlite it must not query the database. */
  onProgress?: ProgressListener;
  /** Rows per batch (default 10,000). */
  batchSize?: number;
  /** The second admin's approval this apply was started with (checked by `checkRunApproval` first). */
  approvalId?: number | null;
}

/** The report's summary, with the report's field names. The four counts add up to the total. */
export interface MigrationSummary {
  total_processed: number;
  migrated: number;
  flagged: number;
  skipped: number;
  errors: number;
}

export interface MigrationRunResult {
  /** The final run record (status completed or failed, with counts, error and verification). */
  run: MigrationRun;
  summary: MigrationSummary;
}

export function migrationSummaryOf(run: MigrationRun): MigrationSummary {
  return {
    total_processed: run.processed,
    migrated: run.migrated,
    flagged: run.flagged,
    skipped: run.skipped,
    errors: run.errors,
  };
}

function validBatchSize(size: number | undefined): number {
  if (size === undefined) return DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  return size;
}

interface BatchOutcome {
  scanned: number;
  counts: RowCounts;
}

function addCounts(total: RowCounts, more: RowCounts): void {
  total.migrated += more.migrated;
  total.flagged += more.flagged;
  total.skipped += more.skipped;
  total.errors += more.errors;
}

/** Classify a batch: the rows to write, the items to record, and the counts. */
function classifyBatch(migration: AnyDataMigration, batch: SourceBatch<SourceRow>) {
  // Rows the SQL filter left in the database were skipped without leaving it.
  const counts: RowCounts = { migrated: 0, flagged: 0, skipped: batch.scanned - batch.rows.length, errors: 0 };
  const changes: ClassifiedRow<SourceRow>[] = [];
  const items: NewItem[] = [];
  for (const row of batch.rows) {
    const outcome = migration.classify(row);
    if (outcome.status === "skipped") {
      counts.skipped++;
      continue;
    }
    if (outcome.status === "error") counts.errors++;
    else {
      if (outcome.status === "migrated") counts.migrated++;
      else counts.flagged++;
      changes.push({ row, outcome });
    }
    items.push({
      rowId: row.id,
      userId: row.userId,
      status: outcome.status,
      before: outcome.before,
      after: outcome.after,
      reason: outcome.reason,
    });
  }
  return { changes, items, counts };
}

async function migrateRows(
  database: Database,
  tx: Tx,
  live: LiveRun,
  context: WorkContext,
  migration: AnyDataMigration,
  options: RunMigrationOptions,
): Promise<RunOutcomeFields> {
  const batchSize = validBatchSize(options.batchSize);
  const dryRun = options.mode === "dry_run";
  const fingerprint = await migration.fingerprint(tx);
  // After the fingerprint: a writer still open now may have written before the sequence was read.
  const othersWritingAtStart = dryRun ? false : await migration.othersWriting(tx);
  context.setFingerprint(fingerprint);
  const total = fingerprint.rows;
  const counts: RowCounts = { migrated: 0, flagged: 0, skipped: 0, errors: 0 };
  let processed = 0;
  const leftByWrites: number[] = [];
  await live.report({ total, processed: 0 });

  const upToId = fingerprint.maxId ?? BEFORE_FIRST_ID;
  // Pipelined: while Postgres writes batch k and reads batch k+1, this process classifies and
  // prepares the next one. The queue keeps statement groups whole and in order.
  const queue = new StatementQueue();
  const items = runItemWriter(database, tx, queue, live.runId);
  const readAfter = (afterId: number) =>
    queue.run(() => migration.readBatch(tx, { afterId, upToId, limit: batchSize, lockRows: !dryRun }));
  const finish = async (written: Promise<BatchOutcome>) => {
    const outcome = await written;
    addCounts(counts, outcome.counts);
    processed += outcome.scanned;
    await live.report({ processed, counts });
  };

  try {
    let nextBatch = upToId > BEFORE_FIRST_ID ? readAfter(BEFORE_FIRST_ID) : null;
    let written: Promise<BatchOutcome> | null = null;
    while (nextBatch) {
      const batch: SourceBatch<SourceRow> = await nextBatch;
      nextBatch = batch.nextAfterId < upToId ? readAfter(batch.nextAfterId) : null;
      const { changes, items: batchItems, counts: batchCounts } = classifyBatch(migration, batch);
      if (written) await finish(written);
      written = queue.run(async () => {
        if (changes.length > 0) {
          // A dry run runs the very same UPDATE, inside a savepoint it rolls back.
          if (dryRun) await tx.execute(sql`SAVEPOINT dry_run_batch`);
          leftByWrites.push(...(await migration.writeBatch(tx, changes, { runId: live.runId })));
          if (dryRun) {
            await tx.execute(sql`ROLLBACK TO SAVEPOINT dry_run_batch`);
            await tx.execute(sql`RELEASE SAVEPOINT dry_run_batch`);
          }
        }
        return { scanned: batch.scanned, counts: batchCounts };
      });
      // Queued after the batch's UPDATE, so on PGlite the items land outside a dry run's savepoint.
      await items.write(batchItems);
    }
    if (written) await finish(written);
    await items.drain();
  } finally {
    await Promise.all([queue.stop(), items.stop()]);
  }

  const verification = dryRun
    ? null
    : await migration.verify(tx, {
        runId: live.runId,
        upToId,
        totalAtStart: total,
        counts,
        writesAtStart: fingerprint.writes,
        othersWritingAtStart,
        leftByWrites,
      });
  const notice = migration.declaration.changeNotice;
  if (!dryRun && notice) await recordChangeNotices(tx, live.runId, notice);
  return { total, processed, counts: { ...counts, restored: 0, conflicts: 0 }, sourceFingerprint: fingerprint, verification };
}

/**
 * Claim and start a run; resolves with its id as soon as it is recorded and holds the lock, while
 * the work continues in the background (the dashboard shows live progress with getRunProgress).
 * Rejects with RunInProgressError or UnknownMigrationError without recording anything.
 */
export async function startMigrationRun(database: Database, options: RunMigrationOptions): Promise<LaunchedRun> {
  const migration = getDataMigration(options.migrationId);
  validBatchSize(options.batchSize);
  return launchRun(database, {
    migrationId: migration.id,
    mode: options.mode,
    startedBy: options.startedBy,
    approvalId: options.mode === "apply" ? options.approvalId : null,
    onProgress: options.onProgress,
    work: (tx, live, context) => migrateRows(database, tx, live, context, migration, options),
  });
}

/**
 * Run a migration to the end. Resolves with the final record for completed AND failed runs (a
 * failed run has rolled back; `run.error` says why); rejects only when no run was recorded.
 */
export async function runMigration(database: Database, options: RunMigrationOptions): Promise<MigrationRunResult> {
  const { done } = await startMigrationRun(database, options);
  const run = await done;
  return { run, summary: migrationSummaryOf(run) };
}
