/**
 * Runs in progress in this process, and their live progress.
 *
 * Progress must be readable while the run's transaction is still open:
 * - on Postgres it is written to the run's row through the pool (another connection, outside the
 *   transaction), so any app instance can read it;
 * - on PGlite a query outside an open transaction waits until that transaction ends, so progress
 *   lives here, in memory, and the same process answers from it.
 * The registry hangs off globalThis so Next's module reloading in development does not lose it, and
 * is keyed by the Drizzle instance because run ids are only unique within one database.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { migrationRuns } from "@/db/schema";
import { RunCancelledError } from "./errors";
import type { StartedBy } from "./types";
import { type AnyRunMode, type RunCounts, type RunStatus, emptyCounts } from "@/lib/migrations/run-values";

export { type AnyRunMode, type RunCounts, type RunStatus, emptyCounts };

export interface RunProgress {
  runId: number;
  migrationId: string;
  mode: AnyRunMode;
  status: RunStatus;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** Last time the run reported progress. */
  heartbeatAt: Date | null;
  /** Rows the run will process (known once it has counted them; 0 before). */
  total: number;
  processed: number;
  rowsPerSecond: number;
  /** Seconds left at the current rate; null when unknown or finished. */
  etaSeconds: number | null;
  counts: RunCounts;
  error: string | null;
}

export type ProgressListener = (progress: RunProgress) => void | Promise<void>;

/** Rows/s and ETA from processed rows and elapsed time. */
export function rateOf(
  processed: number,
  total: number,
  startedAt: Date,
  until: Date,
): Pick<RunProgress, "rowsPerSecond" | "etaSeconds"> {
  const seconds = Math.max((until.getTime() - startedAt.getTime()) / 1000, 0.001);
  const rowsPerSecond = processed > 0 ? processed / seconds : 0;
  const left = Math.max(total - processed, 0);
  return { rowsPerSecond, etaSeconds: rowsPerSecond > 0 ? left / rowsPerSecond : null };
}

export class LiveRun {
  runId = 0;
  readonly startedAt = new Date();
  heartbeatAt: Date | null = null;
  total = 0;
  processed = 0;
  counts = emptyCounts();
  /**
   * Who asked to cancel the run, once someone has: set here by a cancel in this process (the only
   * way on PGlite), or read back from the run's row on Postgres, where any instance may ask.
   */
  cancelledBy: StartedBy | null = null;
  private pendingWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    readonly migrationId: string,
    readonly mode: AnyRunMode,
    readonly startedBy: StartedBy,
    private readonly listener?: ProgressListener,
  ) {}

  snapshot(): RunProgress {
    const now = new Date();
    return {
      runId: this.runId,
      migrationId: this.migrationId,
      mode: this.mode,
      status: "running",
      startedBy: this.startedBy.label,
      startedAt: this.startedAt,
      finishedAt: null,
      heartbeatAt: this.heartbeatAt,
      total: this.total,
      processed: this.processed,
      ...rateOf(this.processed, this.total, this.startedAt, now),
      counts: { ...this.counts },
      error: null,
    };
  }

  /**
   * Record progress, tell the listener, and (Postgres) persist it for other instances. Called once
   * per batch: one small UPDATE per 10,000 rows costs nothing next to the batch itself.
   */
  async report(update: { total?: number; processed?: number; counts?: Partial<RunCounts> }): Promise<void> {
    if (update.total !== undefined) this.total = update.total;
    if (update.processed !== undefined) this.processed = update.processed;
    if (update.counts) Object.assign(this.counts, update.counts);
    this.heartbeatAt = new Date();
    if (this.database.driver === "postgres") await this.persist();
    // PGlite answers in microtasks, so a run would never let the event loop turn: a Ctrl-C (a
    // signal) or a cancel request would wait for the run's end. One turn per batch lets them in.
    else await new Promise((resolve) => setImmediate(resolve));
    this.throwIfCancelled();
    await this.listener?.(this.snapshot());
  }

  /** Between batches: a run someone cancelled stops here, and its transaction rolls back. */
  throwIfCancelled(): void {
    if (this.cancelledBy) throw new RunCancelledError(this.runId);
  }

  /** Who cancelled the run, if anyone; on Postgres read from its row (any instance may have asked). */
  async readCancel(): Promise<StartedBy | null> {
    if (this.database.driver === "postgres" && !this.cancelledBy && this.runId) {
      const [row] = await this.database.db
        .select({ at: migrationRuns.cancelRequestedAt, by: migrationRuns.cancelledBy, userId: migrationRuns.cancelledByUserId })
        .from(migrationRuns)
        .where(eq(migrationRuns.id, this.runId));
      if (row?.at) this.cancelledBy = { label: row.by ?? "unknown", userId: row.userId };
    }
    return this.cancelledBy;
  }

  /** Wait for the last progress write, so the final record is not overwritten by a late one. */
  async settled(): Promise<void> {
    await this.pendingWrite.catch(() => {});
  }

  private async persist(): Promise<void> {
    const { counts } = this;
    // Through the pool, not the run's transaction: other instances must see it before the commit.
    this.pendingWrite = this.database.db
      .update(migrationRuns)
      .set({
        total: this.total,
        processed: this.processed,
        heartbeatAt: sql`now()`,
        migrated: counts.migrated,
        flagged: counts.flagged,
        skipped: counts.skipped,
        errors: counts.errors,
        restored: counts.restored,
        conflicts: counts.conflicts,
      })
      .where(eq(migrationRuns.id, this.runId))
      // The same statement tells the run whether anyone, on any instance, asked to cancel it.
      .returning({ at: migrationRuns.cancelRequestedAt, by: migrationRuns.cancelledBy, userId: migrationRuns.cancelledByUserId })
      .then(([row]) => {
        if (row?.at && !this.cancelledBy) this.cancelledBy = { label: row.by ?? "unknown", userId: row.userId };
      });
    await this.pendingWrite;
  }
}

interface Registry {
  byMigration: Map<string, LiveRun>;
  byRunId: Map<number, LiveRun>;
}

const globalForRuns = globalThis as typeof globalThis & { __ironlogLiveRuns?: WeakMap<Db, Registry> };

function registryOf(database: Database): Registry {
  globalForRuns.__ironlogLiveRuns ??= new WeakMap();
  let registry = globalForRuns.__ironlogLiveRuns.get(database.db);
  if (!registry) {
    registry = { byMigration: new Map(), byRunId: new Map() };
    globalForRuns.__ironlogLiveRuns.set(database.db, registry);
  }
  return registry;
}

/** The run of this migration in progress in this process, if any. */
export function liveRunOfMigration(database: Database, migrationId: string): LiveRun | undefined {
  return registryOf(database).byMigration.get(migrationId);
}

export function liveRunById(database: Database, runId: number): LiveRun | undefined {
  return registryOf(database).byRunId.get(runId);
}

/**
 * Claim the migration in this process. Synchronous on purpose: two callers in the same tick cannot
 * both pass the check. Returns false when a run of this migration is already live here.
 */
export function claimInProcess(database: Database, run: LiveRun): boolean {
  const registry = registryOf(database);
  if (registry.byMigration.has(run.migrationId)) return false;
  registry.byMigration.set(run.migrationId, run);
  return true;
}

export function registerRunId(database: Database, run: LiveRun): void {
  registryOf(database).byRunId.set(run.runId, run);
}

export function releaseInProcess(database: Database, run: LiveRun): void {
  const registry = registryOf(database);
  if (registry.byMigration.get(run.migrationId) === run) registry.byMigration.delete(run.migrationId);
  if (registry.byRunId.get(run.runId) === run) registry.byRunId.delete(run.runId);
}
