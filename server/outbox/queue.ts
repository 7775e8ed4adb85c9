import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";

/**
 * One outbox mechanism for everything sent in the background (mail, webhook deliveries): work items are
 * rows, written in the transaction that decides to send them, with a status (pending, sending, sent,
 * failed), an attempt count and when the next attempt is due. A claim is one UPDATE over a
 * `FOR UPDATE SKIP LOCKED` selection, so two app instances never claim the same item; it pushes
 * `next_attempt_at` a lease ahead, so an item whose sender died is claimed again once the lease runs out
 * (sent at least once: neither SMTP nor HTTP can promise more).
 */
export interface OutboxTable extends PgTable {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
  lastError: PgColumn;
  sentAt: PgColumn;
}

/** A claim: sending, one more attempt, and the lease after which another sender may take it. */
function claimedUntil<T extends OutboxTable>(table: T, now: Date, leaseMs: number): PgUpdateSetSource<T> {
  return {
    status: "sending",
    attempts: sql`${table.attempts} + 1`,
    nextAttemptAt: new Date(now.getTime() + leaseMs),
  } as PgUpdateSetSource<T>;
}

/** Claim up to `limit` due items for this sender, oldest due first. */
export async function claimDue<T extends OutboxTable>(
  db: DbOrTx,
  table: T,
  options: { limit: number; leaseMs: number; now?: Date },
): Promise<T["$inferSelect"][]> {
  // The database's clock unless told otherwise: rows are stamped with it (next_attempt_at's default), and an
  // app instance whose clock lags would otherwise leave fresh items waiting.
  const now = options.now ?? new Date();
  const due = db
    .select({ id: table.id })
    .from(table as PgTable)
    // A JavaScript Date holds milliseconds and the stamps microseconds: a row stamped later in the same
    // millisecond as `options.now` is due at it, so compare at the Date's precision.
    .where(
      and(
        inArray(table.status, ["pending", "sending"]),
        options.now
          ? sql`date_trunc('milliseconds', ${table.nextAttemptAt}) <= ${options.now.toISOString()}::timestamptz`
          : lte(table.nextAttemptAt, sql`now()`),
      ),
    )
    .orderBy(asc(table.nextAttemptAt), asc(table.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  const claimed = (await db
    .update(table)
    .set(claimedUntil(table, now, options.leaseMs))
    .where(inArray(table.id, due))
    .returning()) as T["$inferSelect"][];
  return claimed.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);
}

/** What became of one attempt; `columns` are the table's own extra columns to record with it. */
export type AttemptOutcome =
  | { sent: true; at: Date; columns?: Record<string, unknown> }
  | { sent: false; error: string; retryAt: Date | null; columns?: Record<string, unknown> };

/**
 * Record an attempt's outcome on an item still claimed (`sending`): sent, due again at `retryAt`, or
 * failed for good (`retryAt` null) with the error. An item whose lease ran out and was claimed again
 * is still `sending`, so the later outcome is the one kept.
 */
export async function settleAttempt<T extends OutboxTable>(db: DbOrTx, table: T, id: number, outcome: AttemptOutcome) {
  const values = outcome.sent
    ? { status: "sent", sentAt: outcome.at, lastError: null, ...outcome.columns }
    : outcome.retryAt
      ? { status: "pending", lastError: outcome.error, nextAttemptAt: outcome.retryAt, ...outcome.columns }
      : { status: "failed", lastError: outcome.error, ...outcome.columns };
  await db
    .update(table)
    .set(values as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), eq(table.status, "sending")));
}

/** Failed items go back in the queue, due now, with their attempts counted afresh. */
export async function retryFailed<T extends OutboxTable>(db: DbOrTx, table: T, ids: number[], now = new Date()) {
  if (ids.length === 0) return 0;
  const retried = await db
    .update(table)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now } as PgUpdateSetSource<T>)
    .where(and(inArray(table.id, ids), eq(table.status, "failed")))
    .returning({ id: table.id });
  return retried.length;
}

/** What an admin or an athlete reads of a failure: one line, never a stack. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 500);
}

/** Claim one item now, whatever its due time (a delivery a person is waiting for); null when taken or done. */
export async function claimOne<T extends OutboxTable>(
  db: DbOrTx,
  table: T,
  id: number,
  options: { leaseMs: number; now?: Date },
): Promise<T["$inferSelect"] | null> {
  const now = options.now ?? new Date();
  const [claimed] = (await db
    .update(table)
    .set(claimedUntil(table, now, options.leaseMs))
    .where(and(eq(table.id, id), eq(table.status, "pending")))
    .returning()) as T["$inferSelect"][];
  return claimed ?? null;
}
