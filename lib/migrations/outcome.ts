/**
 * What a migration's pure rules hand the engine for one row, and what the engine hands back to the
 * report. Pure types, so that each migration's classifier and report entries live in lib/ beside
 * their tests; the engine (server/migrations) re-exports them.
 */
import type { ItemStatus, RowStatus } from "./run-values";

/**
 * The pure classifier's verdict for one row.
 * - `before`: the values of the columns the change touches, as they were (plus the original values
 *   the report shows). A key that is absent stands for SQL NULL, so undo restores NULL, not JSON null.
 * - `after`: the new values of exactly the columns that change, keyed by SQL column name. The
 *   engine writes these keys, and undo restores the `before` value of each of them, only when the row
 *   still holds the `after` value (otherwise: conflict).
 * - `reason`: the flag reason or the error message.
 */
export interface RowOutcome {
  status: RowStatus;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
}

/** One `migration_run_items` row as the engine, undo and reports see it. */
export interface RecordedItem {
  rowId: number;
  userId: number | null;
  userEmail: string | null;
  status: ItemStatus;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** How a migration's report reads: CSV header in order (JSON details use the same names), one entry per item. */
export interface ReportShape {
  columns: readonly string[];
  detail(item: RecordedItem): Record<string, unknown>;
}

/** The report fields every migration starts its entries with. */
export function itemOwner(item: RecordedItem): Record<string, unknown> {
  return { user_id: item.userId, user_email: item.userEmail, status: item.status };
}
