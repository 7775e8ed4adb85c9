/**
 * One run of a migration at a time (dry run, apply and undo alike).
 *
 * - Postgres, across app instances: a transaction-level advisory lock taken as the first statement
 *   of the run's transaction, so it is released by commit, rollback, or the server noticing the
 *   connection died. The partial unique index migration_runs_one_running_idx backs it up in data.
 * - PGlite is one session in one process (the data-folder lock keeps other processes out), and its
 *   advisory locks are re-entrant within that session, so there an in-process claim does the job.
 *
 * A 'running' row whose lock nobody holds was left by a process that died: it is stale.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { queryRows } from "@/db/client";

/** First key of every Ironlog migration lock ("IRON"), so other advisory-lock users cannot collide. */
const LOCK_NAMESPACE = 0x49524f4e;

/** Second key: a stable 32-bit FNV-1a hash of the migration id, as a signed int4. */
export function migrationLockKey(migrationId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < migrationId.length; i++) {
    hash ^= migrationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export async function tryTransactionLock(tx: Tx, migrationId: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    tx,
    sql`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${migrationLockKey(migrationId)}::int) AS locked`,
  );
  return row.locked;
}

/** Whether some session holds the migration's lock (Postgres only; read-only, takes nothing). */
export async function isLockHeld(db: DbOrTx, migrationId: string): Promise<boolean> {
  // pg_locks shows the two int4 keys as unsigned oids, with objsubid 2 for the two-key form. It
  // lists every database on the server, while advisory locks are per database: another database's
  // run of the same migration (another deployment, a test database) is not this one's.
  const objid = migrationLockKey(migrationId) >>> 0;
  const [row] = await queryRows<{ held: boolean }>(
    db,
    sql`SELECT EXISTS (
          SELECT 1 FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND objsubid = 2
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND classid = ${String(LOCK_NAMESPACE)}::text::oid AND objid = ${String(objid)}::text::oid
        ) AS held`,
  );
  return row.held;
}

/** The run transaction's backend process id (Postgres), which a cancel from any instance interrupts. */
export async function backendPid(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`);
  return row.pid;
}

/**
 * Cancel the statement the run's backend is executing (Postgres), so a run waiting on a lock or in
 * a long statement stops at once and rolls back. Only a backend that holds this migration's lock
 * in this database and has the recorded pid: a pid reused by another session is left alone.
 */
export async function cancelLockHolder(db: DbOrTx, migrationId: string, pid: number): Promise<boolean> {
  const objid = migrationLockKey(migrationId) >>> 0;
  const rows = await queryRows<{ cancelled: boolean }>(
    db,
    sql`SELECT pg_cancel_backend(pid) AS cancelled FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND pid = ${pid}
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid = ${String(LOCK_NAMESPACE)}::text::oid AND objid = ${String(objid)}::text::oid`,
  );
  return rows.some((r) => r.cancelled);
}
