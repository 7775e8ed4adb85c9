/**
 * Where a run writes its report items (one per non-skipped row).
 *
 * Postgres: through the pool, on another connection than the run's transaction, one batch per
 * statement, each committed by itself. Recording a million-row run's 250k items costs the database
 * about as much as the migration's own UPDATEs; on a connection of its own that work runs on another
 * core while the run's transaction goes on, instead of after it. The items are then not covered by
 * the run's rollback, so a run that fails has its items deleted when it is recorded failed, and so
 * does a run found stale after a crash (run-records.ts); a completed run's items are all written
 * before its transaction verifies and commits.
 *
 * PGlite: one session, so the items go into the run's transaction, queued with its statements.
 */
import type { Database, Tx } from "@/db/client";
import { type NewItem, insertItemsStatement } from "./run-records";
import { StatementQueue } from "./statement-queue";

export interface RunItemWriter {
  /** Queue a batch of items; resolves once it is written. Batches are written in order. */
  write(items: NewItem[]): Promise<void>;
  /** Wait for every queued batch; rejects with the first failure. */
  drain(): Promise<void>;
  /** Refuse further batches and wait for the one in flight (before the run's transaction ends). */
  stop(): Promise<void>;
}

export function runItemWriter(database: Database, tx: Tx, txQueue: StatementQueue, runId: number): RunItemWriter {
  const separate = database.driver === "postgres";
  const queue = separate ? new StatementQueue() : txQueue;
  const db = separate ? database.db : tx;
  let last: Promise<void> = Promise.resolve();
  return {
    write(items) {
      const statement = insertItemsStatement(runId, items);
      if (!statement) return last;
      last = queue.run(async () => {
        await db.execute(statement);
      });
      return last;
    },
    drain: () => last,
    stop: () => (separate ? queue.stop() : Promise.resolve()),
  };
}
