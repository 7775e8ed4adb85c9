/**
 * Live progress of a run, for the dashboard (polled while a run is in progress) and other instances.
 * See live-runs.ts for where progress is kept on each driver.
 */
import "server-only";
import { getRun } from "./queries";
import type { Database } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { type MigrationRun, migrationRuns } from "@/db/schema";
import { type RunProgress, liveRunById, rateOf } from "./live-runs";
import { isLockHeld } from "./run-lock";
import { failStaleRun } from "./run-records";

export type { RunProgress } from "./live-runs";

export function progressOf(run: MigrationRun): RunProgress {
  const until = run.finishedAt ?? run.heartbeatAt ?? new Date();
  const rate = rateOf(run.processed, run.total, run.startedAt, until);
  return {
    runId: run.id,
    migrationId: run.migrationId,
    mode: run.mode,
    status: run.status,
    startedBy: run.startedBy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    heartbeatAt: run.heartbeatAt,
    total: run.total,
    processed: run.processed,
    rowsPerSecond: rate.rowsPerSecond,
    etaSeconds: run.status === "running" ? rate.etaSeconds : null,
    counts: {
      migrated: run.migrated,
      flagged: run.flagged,
      skipped: run.skipped,
      errors: run.errors,
      restored: run.restored,
      conflicts: run.conflicts,
    },
    error: run.error,
  };
}

/**
 * Is this 'running' row really running? On Postgres: only if some session holds the migration's
 * lock. On PGlite: only if this process has it live (PGlite is one process).
 */
async function isStale(database: Database, run: MigrationRun): Promise<boolean> {
  if (database.driver === "pglite") return true; // a live run here was answered from memory
  return !(await isLockHeld(database.db, run.migrationId));
}

/**
 * Progress of a run, or null if there is no such run. A run left 'running' by a process that died
 * is marked failed on the way, so every reader sees the truth.
 *
 * On PGlite, a run in progress in this process is answered from memory; any other read waits for
 * an open run transaction to end (PGlite is a single session).
 */
export async function getRunProgress(database: Database, runId: number): Promise<RunProgress | null> {
  const live = liveRunById(database, runId);
  if (live) return live.snapshot();
  let run = await getRun(database.db, runId);
  if (!run) return null;
  if (run.status === "running" && (await isStale(database, run))) {
    // Recheck in memory: the run may have started in this process while we were reading.
    const started = liveRunById(database, runId);
    if (started) return started.snapshot();
    if (await failStaleRun(database.db, runId)) {
      console.warn(
        `Migration run ${runId} (${run.migrationId}, ${run.mode}) was recorded running with no process holding its lock: recorded failed.`,
      );
    }
    run = (await getRun(database.db, runId)) ?? run;
  }
  return progressOf(run);
}

/**
 * Mark every run recorded 'running' whose process died as failed (zeroed counts, items gone), so
 * lists of runs (the overview, a migration's history, `--list`) tell the truth without anyone
 * opening the run. Cheap: the partial unique index holds at most one running row per migration.
 */
export async function settleDeadRuns(database: Database, migrationId?: string): Promise<void> {
  const where = migrationId
    ? and(eq(migrationRuns.status, "running"), eq(migrationRuns.migrationId, migrationId))
    : eq(migrationRuns.status, "running");
  const running = await database.db.select().from(migrationRuns).where(where);
  for (const run of running) {
    if (liveRunById(database, run.id)) continue;
    if (await isStale(database, run)) await getRunProgress(database, run.id);
  }
}
