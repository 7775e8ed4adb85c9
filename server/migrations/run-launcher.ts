/**
 * What every run (dry run, apply, undo) goes through: claim the migration, record the run, do the
 * work in ONE transaction, and record how it ended. The work itself is passed in.
 *
 * Order of events, and why:
 * - Postgres: BEGIN; take the advisory lock as the first statement (refuse if held); mark stale
 *   'running' rows failed and insert this run's row through the pool, so it exists outside the
 *   transaction; work; finalise the row inside the transaction; COMMIT.
 * - PGlite: claim in process; insert the run row BEFORE opening the transaction (a statement outside
 *   an open transaction would wait for it to end); then the same transaction as above.
 * - Failure: the row is marked failed (or cancelled) with the reason, then the transaction rolls back. On
 *   Postgres it is marked through the pool while the transaction still holds the lock: every reader takes a
 *   'running' row whose lock is free for a run whose process died. PGlite marks it after the rollback, the
 *   run still live in this process, which readers ask first.
 */
import "server-only";
import { getRun } from "./queries";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { type MigrationRun, migrationRuns } from "@/db/schema";
import { deferred } from "@/lib/deferred";
import { RunCancelledError, RunInProgressError } from "./errors";
import { databaseErrorMessage, driverError } from "@/lib/errors";
import {
  type AnyRunMode,
  LiveRun,
  type ProgressListener,
  claimInProcess,
  emptyCounts,
  liveRunOfMigration,
  registerRunId,
  releaseInProcess,
} from "./live-runs";
import { backendPid, tryTransactionLock } from "./run-lock";
import { claimApproval, recordApprovedRun } from "./approvals";
import { type RunOutcomeFields, failStaleRuns, finishCompletedRun, finishFailedRun, insertRunRow } from "./run-records";
import type { SourceFingerprint, StartedBy } from "./types";

/** What a cancelled run's record says. */
export function cancelledMessage(by: StartedBy): string {
  return `Cancelled by ${by.label}; its transaction was rolled back, so nothing it did was kept.`;
}

export interface RunPlan {
  migrationId: string;
  mode: AnyRunMode;
  startedBy: StartedBy;
  undoOfRunId?: number | null;
  /** An apply approved by a second admin: claimed as the run is recorded, so it starts one run. */
  approvalId?: number | null;
  onProgress?: ProgressListener;
  /** The run's work, inside its transaction. May set `live.sourceFingerprint` early for failures. */
  work(tx: Tx, live: LiveRun, context: WorkContext): Promise<RunOutcomeFields>;
}

export interface WorkContext {
  /** Remember the fingerprint as soon as it is known, so a failed run records it too. */
  setFingerprint(fingerprint: SourceFingerprint): void;
}

export interface LaunchedRun {
  runId: number;
  /** Resolves when the run has ended, completed or failed; never rejects. */
  done: Promise<MigrationRun>;
}

async function inProgressError(database: Database, migrationId: string, self: LiveRun): Promise<RunInProgressError> {
  const local = liveRunOfMigration(database, migrationId);
  if (local && local !== self)
    return new RunInProgressError(migrationId, local.runId || null, local.startedBy.label, local.startedAt);
  // Another instance holds the lock; its row may be a moment away from being inserted.
  for (let attempt = 0; attempt < 20; attempt++) {
    const [running] = await database.db
      .select()
      .from(migrationRuns)
      .where(and(eq(migrationRuns.migrationId, migrationId), eq(migrationRuns.status, "running")));
    if (running) return new RunInProgressError(migrationId, running.id, running.startedBy, running.startedAt);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return new RunInProgressError(migrationId, null, "another app instance", new Date());
}

/**
 * Claim and start a run. Resolves with the run id once the run is recorded and holds the lock
 * (rejects with RunInProgressError otherwise); the work continues in the background.
 */
export async function launchRun(database: Database, plan: RunPlan): Promise<LaunchedRun> {
  const live = new LiveRun(database, plan.migrationId, plan.mode, plan.startedBy, plan.onProgress);
  if (!claimInProcess(database, live)) throw await inProgressError(database, plan.migrationId, live);

  const claimed = deferred<number>();
  let recorded = false;
  let fingerprint: SourceFingerprint | null = null;
  const context: WorkContext = { setFingerprint: (f) => (fingerprint = f) };

  const record = async (db: Database["db"], backendPid: number | null = null) => {
    await failStaleRuns(db, plan.migrationId);
    if (plan.approvalId) await claimApproval(db, plan.approvalId, plan.migrationId);
    const run = await insertRunRow(db, { ...plan, backendPid });
    if (plan.approvalId) await recordApprovedRun(db, plan.approvalId, run.id);
    live.runId = run.id;
    registerRunId(database, live);
    recorded = true;
    claimed.resolve(run.id);
  };

  // How a run that did not complete ended, recorded once: cancelled (by whom) or failed (why).
  let ended = false;
  const recordEnd = async (error: unknown): Promise<StartedBy | null> => {
    if (ended) return live.cancelledBy;
    await live.settled();
    // A cancel stops the run with RunCancelledError between batches, or (Postgres) by cancelling
    // the statement it was running: either way the row says who asked.
    const cancelledBy = await live.readCancel().catch(() => live.cancelledBy);
    await finishFailedRun(database.db, live.runId, {
      total: live.total,
      processed: live.processed,
      error: cancelledBy ? cancelledMessage(cancelledBy) : databaseErrorMessage(error),
      sourceFingerprint: fingerprint,
      cancelledBy,
    });
    ended = true;
    return cancelledBy;
  };

  const execute = async (): Promise<MigrationRun | undefined> => {
    try {
      if (database.driver === "pglite") await record(database.db);
      // The run's transaction stays open while its row, items and progress go through the pool.
      await database.holdingConnection(() =>
        database.db.transaction(async (tx) => {
          if (!(await tryTransactionLock(tx, plan.migrationId))) {
            throw await inProgressError(database, plan.migrationId, live);
          }
          // The engine's own statements are not counted as writes by the tables' triggers (see
          // db/schema/migration-runs.ts): sequences do not roll back, so a dry run would otherwise
          // make its own preview stale. Local to this transaction; nothing else runs in it.
          await tx.execute(sql`SELECT set_config('ironlog.migration_engine', 'on', true)`);
          // The backend a cancel interrupts (pg_cancel_backend, cancel.ts), recorded with the run.
          if (database.driver === "postgres") await record(database.db, await backendPid(tx));
          try {
            const outcome = await plan.work(tx, live, context);
            await live.settled();
            // A cancel asked for during the last batch or the checks still rolls the run back.
            if (await live.readCancel()) throw new RunCancelledError(live.runId);
            await finishCompletedRun(tx, live.runId, { ...outcome, sourceFingerprint: outcome.sourceFingerprint ?? fingerprint });
          } catch (error) {
            // Recorded through the pool while this transaction still holds the lock, then rolled back.
            // Recorded after the rollback, the row would be 'running' with the lock free for a moment,
            // and an instance reading it then would take the run for one whose process died. Should
            // the pool fail here, it is recorded after the rollback below.
            if (database.driver === "postgres" && recorded) {
              await recordEnd(error).catch((recordError) =>
                console.error(`Could not record the end of migration run ${live.runId} before its rollback:`, recordError),
              );
            }
            throw error;
          }
        }),
      );
    } catch (error) {
      if (!recorded) {
        claimed.reject(error);
        return undefined;
      }
      let cancelledBy: StartedBy | null = live.cancelledBy;
      try {
        cancelledBy = await recordEnd(error);
      } catch (recordError) {
        // The database itself is gone; the row stays 'running' and is found stale later.
        console.error(`Could not record the end of migration run ${live.runId}:`, recordError);
      }
      if (cancelledBy) {
        console.info(
          `Migration run ${live.runId} (${plan.migrationId}, ${plan.mode}) was cancelled by ${cancelledBy.label} and rolled back.`,
        );
      } else {
        const cause = driverError(error);
        console.error(
          `Migration run ${live.runId} (${plan.migrationId}, ${plan.mode}) failed and was rolled back:`,
          cause instanceof Error ? (cause.stack ?? cause.message) : cause,
        );
      }
    } finally {
      releaseInProcess(database, live);
    }
    try {
      return (await getRun(database.db, live.runId)) ?? lostRecord(live, plan);
    } catch {
      return lostRecord(live, plan);
    }
  };

  const done = execute();
  const runId = await claimed.promise;
  // `done` is undefined only when the claim failed, and then `claimed` rejected above.
  return { runId, done: done.then((run) => run ?? lostRecord(live, plan)) };
}

/** What we know of a run whose record cannot be read back (the database went away). */
function lostRecord(live: LiveRun, plan: RunPlan): MigrationRun {
  return {
    id: live.runId,
    migrationId: plan.migrationId,
    mode: plan.mode,
    status: "failed",
    startedByUserId: plan.startedBy.userId ?? null,
    startedBy: plan.startedBy.label,
    startedAt: live.startedAt,
    finishedAt: new Date(),
    durationMs: Date.now() - live.startedAt.getTime(),
    total: live.total,
    processed: live.processed,
    heartbeatAt: live.heartbeatAt,
    ...emptyCounts(),
    error: "The run's record could not be read back from the database; check the run list.",
    undoOfRunId: plan.undoOfRunId ?? null,
    undoneByRunId: null,
    sourceFingerprint: null,
    verification: null,
    instance: null,
    cancelRequestedAt: null,
    cancelledBy: null,
    cancelledByUserId: null,
    backendPid: null,
  };
}
