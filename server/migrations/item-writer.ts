/**
 * Where a run writes its report items (one per non-skipped row).
 *
 * Postgres: through the pool, on other connections than the run's transaction, one batch per
 * statement, each committed by itself. Recording a million-row run's 250k items costs the database
 * about as much as the migration's own reads and UPDATEs; on connections of their own that work
 * runs beside the run's transaction instead of after each of its batches. Two batches are written
 * at a time (on two connections), which is what keeps up with the transaction on this project's
 * two cores. The items are then not covered by the run's rollback, so a run that fails has its
 * items deleted when it is recorded failed, and so does a run found stale after a crash
 * (run-records.ts); a completed run's items are all written before its transaction verifies and
 * commits.
 *
 * PGlite: one session, so the items go into the run's transaction, queued with its statements.
 */
import "server-only";
import type { Database, Tx } from "@/db/client";
import { type NewItem, insertItemsStatement } from "./run-records";
import { StatementQueue } from "./statement-queue";

const SEPARATE_CONNECTIONS = 2;

export interface RunItemWriter {
  /**
   * Queue a batch of items, after waiting while as many batches as the writer has connections are
   * still being written. Rejects when an earlier batch failed.
   */
  write(items: NewItem[]): Promise<void>;
  /** Wait until every queued batch is written; rejects with the first failure. */
  drain(): Promise<void>;
  /** Refuse further batches and wait for those in flight (before the run's transaction ends). */
  stop(): Promise<void>;
}

export function runItemWriter(database: Database, tx: Tx, txQueue: StatementQueue, runId: number): RunItemWriter {
  const separate = database.driver === "postgres";
  const lanes = separate ? Array.from({ length: SEPARATE_CONNECTIONS }, () => new StatementQueue()) : [txQueue];
  const db = separate ? database.db : tx;
  const inFlight: Promise<unknown>[] = [];
  let batches = 0;
  const drain = async () => {
    while (inFlight.length > 0) await inFlight.shift();
  };
  return {
    async write(items) {
      const statement = insertItemsStatement(runId, items);
      if (!statement) return;
      while (inFlight.length >= lanes.length) await inFlight.shift();
      const lane = lanes[batches++ % lanes.length];
      inFlight.push(lane.run(() => db.execute(statement)));
    },
    drain,
    async stop() {
      if (separate) await Promise.all(lanes.map((lane) => lane.stop()));
    },
  };
}
