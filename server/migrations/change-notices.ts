/**
 * Athletes told what a data migration changed in their own answers: after an applied run, one
 * notice per changed row that has an owner, in the words of the migration's `changeNotice`, written
 * in the run's transaction (all or nothing with the data). The athlete's dashboard shows each once,
 * until dismissed; undoing the run deletes them (`withdrawChangeNotices`, in the undo's transaction).
 */
import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type DbOrTx, type Tx, queryRows } from "@/db/client";
import { type MigrationChangeNotice, migrationChangeNotices } from "@/db/schema";
import type { ChangeNotice } from "@/lib/migrations/outcome";
import { jsonParam } from "./json-param";

const BATCH = 5_000;

/**
 * Write the notices of an applied run from its recorded items. Returns how many were written.
 *
 * One status at a time, so each batch is the next stretch of the (run, status, row) index: with both
 * statuses in one query, no index gives the rows in key order, and with statistics taken before the
 * run the planner sorted every remaining item for each batch (quadratic: minutes at ten million rows).
 */
export async function recordChangeNotices(tx: Tx, runId: number, notice: ChangeNotice): Promise<number> {
  let written = 0;
  for (const status of ["migrated", "flagged"] as const) {
    let afterRowId = -2_147_483_648;
    for (;;) {
      const items = await queryRows<{
        rowId: number;
        userId: number;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }>(
        tx,
        sql`SELECT row_id AS "rowId", user_id AS "userId", before, after
            FROM migration_run_items
            WHERE run_id = ${runId} AND status = ${status} AND row_id > ${afterRowId}
            ORDER BY row_id
            LIMIT ${BATCH}`,
      );
      if (items.length === 0) break;
      afterRowId = items[items.length - 1].rowId;
      const values = items.flatMap((item) => {
        if (item.userId === null) return [];
        const message = notice.describe(item.before ?? {}, item.after ?? {});
        return message ? [{ user_id: item.userId, row_id: item.rowId, message }] : [];
      });
      // One JSON parameter per batch, not five per notice: a million-row run writes a quarter of a
      // million notices, and a statement with that many bound values costs this process more memory
      // and time than the database's insert.
      if (values.length > 0) {
        await tx.execute(sql`INSERT INTO ${migrationChangeNotices} (run_id, user_id, row_id, message, href)
          SELECT ${runId}::int, n.user_id, n.row_id, n.message, ${notice.href}::text
          FROM jsonb_to_recordset(${jsonParam(values)}) AS n(user_id int, row_id int, message text)`);
      }
      written += values.length;
    }
  }
  return written;
}

/** An undone run's notices are withdrawn: what they describe was put back. */
export async function withdrawChangeNotices(tx: Tx, runId: number): Promise<void> {
  await tx.delete(migrationChangeNotices).where(eq(migrationChangeNotices.runId, runId));
}

/** The notices an athlete has not dismissed yet, oldest first. */
export async function changeNoticesFor(db: DbOrTx, userId: number): Promise<MigrationChangeNotice[]> {
  return db
    .select()
    .from(migrationChangeNotices)
    .where(and(eq(migrationChangeNotices.userId, userId), isNull(migrationChangeNotices.dismissedAt)))
    .orderBy(asc(migrationChangeNotices.createdAt), asc(migrationChangeNotices.id))
    .limit(20);
}

/** Dismiss one of the athlete's own notices (someone else's id changes nothing). */
export async function dismissChangeNotice(db: DbOrTx, userId: number, noticeId: number): Promise<boolean> {
  const rows = await db
    .update(migrationChangeNotices)
    .set({ dismissedAt: new Date() })
    .where(
      and(
        eq(migrationChangeNotices.id, noticeId),
        eq(migrationChangeNotices.userId, userId),
        isNull(migrationChangeNotices.dismissedAt),
      ),
    )
    .returning({ id: migrationChangeNotices.id });
  return rows.length > 0;
}
