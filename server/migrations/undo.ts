/**
 * Undo an applied run: restore the before-values of the rows it changed, atomically, as a run of its
 * own (mode `undo`, `undo_of_run_id`). A row changed since the run is left alone and reported as a
 * conflict. This is what lets an admin roll back one migration without restoring a database backup.
 */
import "server-only";
import { withdrawChangeNotices } from "./change-notices";
import { getRun } from "./queries";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import { type MigrationRun, migrationRuns } from "@/db/schema";
import { DEFAULT_BATCH_SIZE } from "./engine";
import { UndoRefusedError } from "./errors";
import type { LiveRun, ProgressListener } from "./live-runs";
import { emptyCounts } from "./live-runs";
import { getDataMigration } from "./registry";
import { type LaunchedRun, launchRun } from "./run-launcher";
import { type NewItem, type RunOutcomeFields, insertItems } from "./run-records";
import type { AnyDataMigration, RecordedItem, StartedBy } from "./types";

export interface UndoOptions {
  /** The applied run to undo. */
  runId: number;
  startedBy: StartedBy;
  onProgress?: ProgressListener;
  batchSize?: number;
}

export interface UndoSummary {
  total_processed: number;
  restored: number;
  conflicts: number;
}

export interface UndoRunResult {
  /** The undo run's final record. */
  run: MigrationRun;
  summary: UndoSummary;
}

export function undoSummaryOf(run: MigrationRun): UndoSummary {
  return { total_processed: run.processed, restored: run.restored, conflicts: run.conflicts };
}

/** Why a run cannot be undone, or null when it can. */
export function undoRefusal(run: MigrationRun | null, runId: number): string | null {
  if (!run) return `There is no migration run ${runId}.`;
  if (run.mode === "undo") return `Run ${runId} is itself an undo; it cannot be undone.`;
  if (run.mode !== "apply") return `Run ${runId} was a dry run: it changed nothing, so there is nothing to undo.`;
  if (run.status === "running") return `Run ${runId} is still in progress; wait for it to finish.`;
  if (run.status === "failed") return `Run ${runId} failed and was rolled back: there is nothing to undo.`;
  if (run.status === "cancelled") return `Run ${runId} was cancelled and rolled back: there is nothing to undo.`;
  if (run.undoneByRunId !== null) return `Run ${runId} was already undone by run ${run.undoneByRunId}.`;
  return null;
}

async function undoRows(
  tx: Tx,
  live: LiveRun,
  migration: AnyDataMigration,
  undoneRunId: number,
  batchSize: number,
): Promise<RunOutcomeFields> {
  // Checked again under the lock: another undo may have finished since the caller checked.
  const [original] = await tx.select().from(migrationRuns).where(eq(migrationRuns.id, undoneRunId)).for("update");
  const refusal = undoRefusal(original, undoneRunId);
  if (refusal) throw new UndoRefusedError(refusal);

  const [{ total }] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM migration_run_items
        WHERE run_id = ${undoneRunId} AND status IN ('migrated', 'flagged')`,
  );
  const counts = emptyCounts();
  let processed = 0;
  await live.report({ total, processed });

  let afterRowId = -2_147_483_648;
  for (;;) {
    const items = await queryRows<{
      rowId: number;
      userId: number | null;
      userEmail: string | null;
      status: RecordedItem["status"];
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }>(
      tx,
      sql`SELECT row_id AS "rowId", user_id AS "userId", user_email AS "userEmail", status, before, after
          FROM migration_run_items
          WHERE run_id = ${undoneRunId} AND status IN ('migrated', 'flagged') AND row_id > ${afterRowId}
          ORDER BY row_id
          LIMIT ${batchSize}`,
    );
    if (items.length === 0) break;
    afterRowId = items[items.length - 1].rowId;

    const recorded: RecordedItem[] = items.map((item) => ({ ...item, reason: null }));
    const restored = await migration.undoBatch(tx, recorded, { undoneRunId });
    const undoItems: NewItem[] = recorded.map((item) =>
      restored.has(item.rowId)
        ? { ...item, status: "restored", before: item.after, after: item.before, reason: null }
        : {
            ...item,
            status: "conflict",
            before: item.after,
            after: null,
            reason: `Changed or deleted after run ${undoneRunId}; left as it is`,
          },
    );
    await insertItems(tx, live.runId, undoItems);
    counts.restored += restored.size;
    counts.conflicts += items.length - restored.size;
    processed += items.length;
    await live.report({ processed, counts });
  }

  await withdrawChangeNotices(tx, undoneRunId);
  await tx
    .update(migrationRuns)
    .set({ undoneByRunId: live.runId })
    .where(and(eq(migrationRuns.id, undoneRunId), eq(migrationRuns.status, "completed")));
  return { total, processed, counts };
}

/**
 * Claim and start an undo; resolves with the undo run's id while the work continues (as
 * startMigrationRun). Rejects with UndoRefusedError (not an applied, completed, not-yet-undone run)
 * or RunInProgressError, without recording anything.
 */
export async function startUndoRun(database: Database, options: UndoOptions): Promise<LaunchedRun> {
  const original = await getRun(database.db, options.runId);
  const refusal = undoRefusal(original, options.runId);
  if (refusal || !original) throw new UndoRefusedError(refusal ?? `There is no migration run ${options.runId}.`);
  const migration = getDataMigration(original.migrationId);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  return launchRun(database, {
    migrationId: migration.id,
    mode: "undo",
    startedBy: options.startedBy,
    undoOfRunId: original.id,
    onProgress: options.onProgress,
    work: (tx, live) => undoRows(tx, live, migration, original.id, batchSize),
  });
}

/** Undo an applied run to the end. Resolves with the undo run's final record (completed or failed). */
export async function undoMigrationRun(database: Database, options: UndoOptions): Promise<UndoRunResult> {
  const { done } = await startUndoRun(database, options);
  const run = await done;
  return { run, summary: undoSummaryOf(run) };
}
