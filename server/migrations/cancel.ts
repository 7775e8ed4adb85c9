/**
 * Cancel a running run (dry run, apply or undo): it rolls back, is recorded `cancelled` with who
 * cancelled it, and its lock is released with its transaction.
 *
 * - In this process (PGlite always; Postgres when this instance runs it): the live run is told at
 *   once and stops before its next batch.
 * - Postgres, from any instance: the request is written to the run's row, which the run reads with
 *   every progress write (once a batch) and before it commits; and the statement its backend is
 *   executing is cancelled (pg_cancel_backend, only on the backend holding the run's lock), so a
 *   run in a long statement or waiting for a row lock stops at once.
 */
import "server-only";
import { getRun } from "./queries";
import type { Database } from "@/db/client";
import type { MigrationRun } from "@/db/schema";
import { CancelRefusedError } from "./errors";
import { liveRunById } from "./live-runs";
import { cancelLockHolder } from "./run-lock";
import { recordCancelRequest } from "./run-records";
import type { StartedBy } from "./types";

export interface CancelOptions {
  runId: number;
  cancelledBy: StartedBy;
}

function refusal(run: MigrationRun | null, runId: number): string {
  if (!run) return `There is no migration run #${runId}.`;
  return `Run #${runId} is no longer running (it is ${run.status}); there is nothing to cancel.`;
}

/** Ask for the run to be cancelled; resolves once asked (the run then ends within a batch). */
export async function cancelMigrationRun(database: Database, { runId, cancelledBy }: CancelOptions): Promise<void> {
  const live = liveRunById(database, runId);
  if (live) live.cancelledBy ??= cancelledBy;
  if (database.driver === "pglite") {
    // PGlite is one session: the run's row cannot be written while its transaction is open, and the
    // run is in this process (the data folder lock keeps other processes out).
    if (!live) throw new CancelRefusedError(refusal(await getRun(database.db, runId), runId));
    return;
  }
  const run = await recordCancelRequest(database.db, runId, cancelledBy);
  if (!run) {
    if (live) return; // this process's run, between its claim and its row
    throw new CancelRefusedError(refusal(await getRun(database.db, runId), runId));
  }
  if (run.backendPid !== null) await cancelLockHolder(database.db, run.migrationId, run.backendPid);
}
