/**
 * What a migration's pure rules hand the engine for one row, and what the engine hands back to the
 * report. Pure types, so that each migration's classifier and report entries live in lib/ beside
 * their tests; the engine (server/migrations) re-exports them.
 */
import type { ItemStatus } from "./run-values";

/**
 * The pure classifier's verdict for one row, keyed by the row's own properties (the declaration's
 * `columns`), so a key the row does not have is a type error, not a failed run. The engine maps each
 * property to its SQL column when it writes the row and records the item.
 * - `before`: the values the change touches, as they were (plus the original values the report
 *   shows). An absent or `undefined` value stands for SQL NULL, so undo restores NULL, not JSON null.
 * - `after`: the new values of exactly the properties that change. The engine writes these, and
 *   undo restores the `before` value of each of them, only when the row still holds the `after`
 *   value (otherwise: conflict).
 * - `reason`: the flag reason or the error message.
 */
export type RowOutcome<Values> =
  | { status: "skipped" }
  | { status: "migrated"; before: Partial<Values>; after: Partial<Values> }
  | { status: "flagged"; before: Partial<Values>; after: Partial<Values>; reason: string }
  | { status: "error"; before: Partial<Values>; reason: string };

/** The row once the engine has written the outcome: the model a classifier's idempotency test checks against. */
export function applyOutcome<Values extends object>(row: Values, outcome: RowOutcome<Values>): Values {
  return outcome.status === "migrated" || outcome.status === "flagged" ? { ...row, ...outcome.after } : row;
}

/**
 * One `migration_run_items` row as the engine, undo and reports see it. `before` and `after` are
 * keyed by SQL column name: that is how runs have always been recorded (and dumped), so a run
 * recorded long ago still undoes and reports the same.
 */
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

/**
 * How a migration tells an athlete what it did to their own row, once, on their dashboard. `describe`
 * reads one recorded item's `before`/`after` (SQL column names) and returns the sentence, or null to
 * say nothing. Pure: the words are tested with the migration's rules.
 */
export interface ChangeNotice {
  describe(before: Record<string, unknown>, after: Record<string, unknown>): string | null;
  /** Where the athlete changes the answer. */
  href: string;
}
