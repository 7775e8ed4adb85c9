/** Keyset pagination by primary key, for the batch reads the engine derives from a declaration. */
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Tx, queryRows } from "@/db/client";
import type { BatchRange, SourceBatch, SourceRow } from "./types";

/**
 * Complete a batch read: where the next batch starts, and how many source rows this batch covered
 * (the rows read plus the rows the SQL filter left in the database as already done). A short batch
 * means the scan reached the end of the range.
 */
export async function countScanned<Row extends SourceRow>(
  tx: Tx,
  table: PgTable,
  key: PgColumn,
  range: BatchRange,
  rows: Row[],
): Promise<SourceBatch<Row>> {
  const nextAfterId = rows.length === range.limit ? rows[rows.length - 1].id : range.upToId;
  const [{ scanned }] = await queryRows<{ scanned: number }>(
    tx,
    sql`SELECT count(*)::int AS scanned FROM ${table} WHERE ${key} > ${range.afterId} AND ${key} <= ${nextAfterId}`,
  );
  return { rows, scanned: Math.max(scanned, rows.length), nextAfterId };
}

/** `FOR UPDATE` when the batch read must lock its rows (see BatchRange.lockRows). */
export function rowLockClause(range: BatchRange): SQL {
  return range.lockRows ? sql`FOR UPDATE` : sql``;
}
