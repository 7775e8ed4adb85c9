/**
 * The `migration_runs` and `migration_run_items` rows a run writes. The run row is inserted and
 * (when the run fails) finalised outside the run's transaction so that it survives the rollback; a
 * completed run is finalised inside it, atomically with the data.
 */
import "server-only";
import os from "node:os";
import { type SQL, and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { type MigrationRun, migrationRunItems, migrationRuns } from "@/db/schema";
import { type AnyRunMode, type RunCounts, emptyCounts } from "./live-runs";
import type { ItemStatus, SourceFingerprint, StartedBy, Verification } from "./types";
import { jsonParam } from "./json-param";

export const STALE_RUN_MESSAGE =
  "The process running it ended before the run finished (killed or crashed); its transaction was rolled back, so nothing it did was kept.";

const INSTANCE = `${os.hostname()}:${process.pid}`;

/**
 * Delete the items a failed run wrote. On Postgres a run records its items outside its transaction
 * (item-writer.ts), so the rollback does not remove them; on PGlite there are none left to delete.
 */
async function discardItemsOfRuns(db: DbOrTx, runIds: number[]): Promise<void> {
  if (runIds.length === 0) return;
  await db.delete(migrationRunItems).where(inArray(migrationRunItems.runId, runIds));
}

/**
 * What a dead run's record says: failed, and (like finishFailedRun) no outcome counts, because its
 * transaction was rolled back and nothing it did was kept. `processed` still says how far it got.
 */
const staleRunFields = () => ({ status: "failed" as const, error: STALE_RUN_MESSAGE, finishedAt: sql`now()`, ...emptyCounts() });

/** Mark the 'running' rows that `which` picks as failed, dropping their items; how many there were. */
async function failStale(db: DbOrTx, which: SQL): Promise<number> {
  const rows = await db
    .update(migrationRuns)
    .set(staleRunFields())
    .where(and(which, eq(migrationRuns.status, "running")))
    .returning({ id: migrationRuns.id });
  await discardItemsOfRuns(
    db,
    rows.map((r) => r.id),
  );
  return rows.length;
}

/** Mark 'running' rows of a migration as failed. Only call while holding the migration's lock. */
export function failStaleRuns(db: DbOrTx, migrationId: string): Promise<number> {
  return failStale(db, eq(migrationRuns.migrationId, migrationId));
}

/** Mark the run failed if it is still recorded 'running'; whether it was. */
export async function failStaleRun(db: DbOrTx, runId: number): Promise<boolean> {
  return (await failStale(db, eq(migrationRuns.id, runId))) > 0;
}

export async function insertRunRow(
  db: DbOrTx,
  fields: {
    migrationId: string;
    mode: AnyRunMode;
    startedBy: StartedBy;
    undoOfRunId?: number | null;
    backendPid?: number | null;
  },
): Promise<MigrationRun> {
  const [run] = await db
    .insert(migrationRuns)
    .values({
      migrationId: fields.migrationId,
      mode: fields.mode,
      status: "running",
      startedBy: fields.startedBy.label,
      startedByUserId: fields.startedBy.userId ?? null,
      undoOfRunId: fields.undoOfRunId ?? null,
      heartbeatAt: sql`now()`,
      instance: INSTANCE,
      backendPid: fields.backendPid ?? null,
    })
    .returning();
  return run;
}

export interface RunOutcomeFields {
  total: number;
  processed: number;
  counts: RunCounts;
  sourceFingerprint?: SourceFingerprint | null;
  verification?: Verification | null;
}

const durationSql = sql<number>`(extract(epoch from clock_timestamp() - ${migrationRuns.startedAt}) * 1000)::int`;

/** Inside the run's transaction: the record commits together with the data. */
export async function finishCompletedRun(tx: Tx, runId: number, fields: RunOutcomeFields): Promise<void> {
  await tx
    .update(migrationRuns)
    .set({
      status: "completed",
      finishedAt: sql`clock_timestamp()`,
      heartbeatAt: sql`clock_timestamp()`,
      durationMs: durationSql,
      total: fields.total,
      processed: fields.processed,
      ...fields.counts,
      sourceFingerprint: fields.sourceFingerprint ?? null,
      verification: fields.verification ?? null,
    })
    .where(eq(migrationRuns.id, runId));
}

/**
 * After the rollback: the run is failed, with the reason. `processed` says how far it got; the
 * outcome counts are zero and its items are gone because nothing the run did was kept.
 */
export async function finishFailedRun(
  db: DbOrTx,
  runId: number,
  fields: {
    total: number;
    processed: number;
    error: string;
    sourceFingerprint?: SourceFingerprint | null;
    /** Who cancelled it: the run is recorded `cancelled`, by them, rather than failed. */
    cancelledBy?: StartedBy | null;
  },
): Promise<void> {
  await discardItemsOfRuns(db, [runId]);
  const cancelled = fields.cancelledBy
    ? {
        status: "cancelled" as const,
        cancelledBy: fields.cancelledBy.label,
        cancelledByUserId: fields.cancelledBy.userId ?? null,
        cancelRequestedAt: sql`coalesce(${migrationRuns.cancelRequestedAt}, clock_timestamp())`,
      }
    : { status: "failed" as const };
  await db
    .update(migrationRuns)
    .set({
      ...cancelled,
      error: fields.error,
      finishedAt: sql`clock_timestamp()`,
      durationMs: durationSql,
      total: fields.total,
      processed: fields.processed,
      ...emptyCounts(),
      sourceFingerprint: fields.sourceFingerprint ?? null,
    })
    .where(eq(migrationRuns.id, runId));
}

/**
 * Ask for a running run to be cancelled: recorded on its row (any instance's run sees it between
 * batches). Returns the row as it now is, or undefined when there is no such running run. A second
 * request keeps the first asker.
 */
export async function recordCancelRequest(db: DbOrTx, runId: number, by: StartedBy): Promise<MigrationRun | undefined> {
  const [run] = await db
    .update(migrationRuns)
    .set({
      cancelRequestedAt: sql`coalesce(${migrationRuns.cancelRequestedAt}, now())`,
      cancelledBy: sql`coalesce(${migrationRuns.cancelledBy}, ${by.label})`,
      cancelledByUserId: sql`coalesce(${migrationRuns.cancelledByUserId}, ${by.userId ?? null}::int)`,
    })
    .where(and(eq(migrationRuns.id, runId), eq(migrationRuns.status, "running")))
    .returning();
  return run;
}

export interface NewItem {
  rowId: number;
  userId: number | null;
  /** Looked up from users by userId when absent. */
  userEmail?: string | null;
  status: ItemStatus;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/**
 * One statement per batch: the items travel as one JSON parameter, and the user's email is joined
 * here, for the few rows that get an item, rather than read with every row of the batch. Built
 * apart from running it so the engine can prepare it while the database is busy.
 */
export function insertItemsStatement(runId: number, items: NewItem[]): SQL | null {
  if (items.length === 0) return null;
  const payload = items.map((item) => ({
    row_id: item.rowId,
    user_id: item.userId,
    user_email: item.userEmail ?? null,
    status: item.status,
    before: item.before ?? null,
    after: item.after ?? null,
    reason: item.reason ?? null,
  }));
  return sql`INSERT INTO migration_run_items (run_id, row_id, user_id, user_email, status, before, after, reason)
    SELECT ${runId}::int, i.row_id, i.user_id, COALESCE(i.user_email, u.email), i.status::migration_item_status,
           i.before, i.after, i.reason
    FROM jsonb_to_recordset(${jsonParam(payload)})
      AS i(row_id int, user_id int, user_email text, status text, before jsonb, after jsonb, reason text)
    LEFT JOIN users u ON u.id = i.user_id`;
}

export async function insertItems(tx: Tx, runId: number, items: NewItem[]): Promise<void> {
  const statement = insertItemsStatement(runId, items);
  if (statement) await tx.execute(statement);
}
