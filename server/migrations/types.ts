/**
 * The contract between the data migration engine and the migrations it runs. A migration is a
 * short declaration (`MigrationDeclaration`: its table, the columns its pure classifier reads, the
 * SQL filter, its wording and report); `defineDataMigration` (define-migration.ts) derives the rest
 * of a `DataMigration` from it: how to read a batch, write a batch, undo recorded changes, count
 * what is pending and check the result. The engine owns everything else: the transaction, the
 * one-run-at-a-time lock, run records, items, progress and reports.
 */
import "server-only";
import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "@/db/client";
import type { ChangeNotice, RecordedItem, ReportShape, RowOutcome } from "@/lib/migrations/outcome";
import type { RowStatus } from "@/lib/migrations/run-values";
import type { ColumnSource } from "./table-sql";

export type { ItemStatus, RowStatus, RunMode } from "@/lib/migrations/run-values";
export type { RecordedItem, ReportShape, RowOutcome } from "@/lib/migrations/outcome";

/** Who started a run: a signed-in admin (userId) or an operator on the command line (userId null). */
export interface StartedBy {
  userId?: number | null;
  /** Human-readable: the admin's email, or "cli:user@host". Kept even if the user is deleted. */
  label: string;
}

/**
 * Every source row names its primary key and, where there is one, the user it belongs to. The
 * engine looks the user's email up when it records an item, so batch reads need no join.
 */
export interface SourceRow {
  id: number;
  userId: number | null;
}

/** What a classifier reads of a row: the declaration's own properties, without the key and owner. */
export type RowValues<Row extends SourceRow> = Omit<Row, keyof SourceRow>;

/**
 * A classifier's outcome as the engine writes and records it: `before` and `after` keyed by SQL
 * column name, as run items (and dumps of them) have always held them.
 */
export interface ColumnOutcome {
  status: RowStatus;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
}

export interface ClassifiedRow<Row extends SourceRow = SourceRow> {
  row: Row;
  outcome: ColumnOutcome;
}

/**
 * Taken when a run starts: the rows it covers (`rows`, those with a primary key up to `maxId`; rows
 * inserted later are left for the next run), and `maxUpdatedAt`, so the dashboard can tell that a
 * preview has gone stale because the rows changed since.
 */
export interface SourceFingerprint extends Record<string, unknown> {
  rows: number;
  maxId: number | null;
  maxUpdatedAt: string | null;
  /** Statements of any client that wrote the table (its write sequence), the engine's own aside. */
  writes: number;
}

/**
 * One batch of a keyset scan. `rows` are the rows the run may change, locked; rows in the scanned
 * range that SQL can tell are already in the new format stay in the database and are only counted.
 */
export interface SourceBatch<Row> {
  rows: Row[];
  /** Source rows with a key in (range.afterId, nextAfterId], `rows` included. */
  scanned: number;
  /** Where the next batch starts (exclusive); `range.upToId` once the scan is complete. */
  nextAfterId: number;
}

export interface BatchRange {
  /** Exclusive lower bound (keyset pagination by primary key). */
  afterId: number;
  /** Inclusive upper bound: the highest key when the run started. */
  upToId: number;
  limit: number;
  /**
   * Lock the rows read (FOR UPDATE) until the run ends. Apply does, so that a row cannot change
   * between being classified and written; a dry run keeps no change, so it does not make athletes'
   * edits wait for the length of a preview.
   */
  lockRows: boolean;
}

export interface WriteContext {
  runId: number;
}

export interface VerifyContext {
  runId: number;
  upToId: number;
  /** Rows counted when the run started. */
  totalAtStart: number;
  counts: RowCounts;
  /** The table's write sequence when the run started (its fingerprint's `writes`). */
  writesAtStart: number;
  /** Another transaction had written the table and was still open when the run started. */
  othersWritingAtStart: boolean;
  /** Rows the run wrote that its own UPDATE left still needing a change (see writeBatch). */
  leftByWrites: number[];
}

export interface UndoContext {
  /** The applied run being undone. */
  undoneRunId: number;
}

export interface VerificationCheck {
  name: string;
  description: string;
  ok: boolean;
  expected: number;
  actual: number;
  /**
   * The outcome in plain words, numbers included ("11 flagged, all 11 have needs_reassessment
   * set"). Runs recorded before it existed have none; readers fall back to expected/found.
   */
  summary?: string;
}

/** What a run would still do to the table: rows it would change, and rows it would leave as errors. */
export interface PendingOutcome {
  toChange: number;
  errors: number;
}

export interface Verification extends Record<string, unknown> {
  ok: boolean;
  checkedAt: string;
  checks: VerificationCheck[];
}

export interface RowCounts {
  migrated: number;
  flagged: number;
  skipped: number;
  errors: number;
}

/** Words the command line and the dashboard use for a migration. */
export interface MigrationWording {
  /** "Starting equipment data migration..." */
  name: string;
  /** "Found 1,000 assessments to process" */
  rowsNoun: string;
  /**
   * The summary's line for flagged rows ("Flagged for Re-assessment"); a migration that never flags
   * leaves it out, and the line is then printed only if a row was flagged after all.
   */
  flagged?: string;
  /** The summary's line for rows left as they were ("Skipped (Already Valid)"); "Skipped" by default. */
  skipped?: string;
}

/**
 * Columns that say which run changed a row and when (the equipment flag's `flagged_by_run_id` and
 * `flagged_at`): set to the run's id and the transaction's time whenever a change writes `when`,
 * restored from `before` by undo, which also requires the row to still name the undone run.
 */
export interface RunStamp {
  when: PgColumn;
  runId: PgColumn;
  at: PgColumn;
}

/** A data migration as a short declaration over one table; see README.md in this folder. */
export interface MigrationDeclaration<Row extends SourceRow> {
  id: string;
  title: string;
  /** The rules in plain words, one sentence each, for the dashboard and `--help`. */
  description: string;
  rules: readonly string[];
  wording: MigrationWording;
  table: PgTable;
  /** The integer primary key: the scan pages by it. */
  key: PgColumn;
  /** The user a row belongs to, named in its item and report entry; null when rows have none. */
  owner: PgColumn | null;
  /** Moved forward by every write and undo; its maximum is in the fingerprint (stale previews). */
  updatedAt: PgColumn;
  /**
   * What the classifier reads, by row property. A column of `table` may be written (an outcome's
   * `before`/`after` property is recorded under the column's SQL name); a SQL expression is
   * read-only context (read as JSON).
   */
  columns: { [K in keyof RowValues<Row>]-?: ColumnSource };
  /**
   * The SQL twin of "`classify` would not skip this row". It may let through rows the classifier
   * skips (they are read and counted), never leave out one it would change: the migration's
   * property test holds it to that on random values through the real database.
   */
  mayNeedChange: SQL;
  /** Pure and total (lib/migrations/<id>/rules.ts); never throws, whatever the row holds. */
  classify(row: Row): RowOutcome<RowValues<Row>>;
  runStamp?: RunStamp;
  /**
   * The columns an admin may correct from a run's error list (fix in place), when not every
   * declared column of the table: the equipment migration's answer, not its flag columns.
   */
  fixable?: PgColumn[];
  /** Checks of this migration's own, run after the standard ones. */
  extraChecks?(tx: Tx, context: VerifyContext): Promise<VerificationCheck[]>;
  report: ReportShape;
  /** Tell each athlete whose row an applied run changed what it did (change-notices.ts). */
  changeNotice?: ChangeNotice;
}

/**
 * A registered data migration: its declaration, and what the engine derived from it. Methods (not
 * function-typed properties) on purpose: it lets the registry hold migrations of different row
 * types in one list.
 */
export interface DataMigration<Row extends SourceRow = SourceRow> {
  declaration: MigrationDeclaration<Row>;
  id: string;
  title: string;
  description: string;
  rules: readonly string[];
  wording: MigrationWording;
  report: ReportShape;

  /**
   * The next batch of rows that may need a change, ordered by primary key and locked FOR UPDATE so
   * concurrent edits wait for the run (see SourceBatch). The SQL filter only leaves out rows that
   * `classify` would skip.
   */
  readBatch(tx: Tx, range: BatchRange): Promise<SourceBatch<Row>>;
  /** The declaration's classifier, its outcome keyed by SQL column name (as the run records it). */
  classify(row: Row): ColumnOutcome;
  /**
   * Write the migrated and flagged rows of one batch in as few statements as possible. Returns the
   * ids of written rows that, as the write left them, the SQL filter still selects (none when every
   * write did what its outcome says): the verification's view of the rows the run changed.
   */
  writeBatch(tx: Tx, changes: ClassifiedRow<Row>[], context: WriteContext): Promise<number[]>;
  /**
   * Restore the `before` values of recorded items whose row still holds the `after` values.
   * Returns the row ids restored; every other item is a conflict.
   */
  undoBatch(tx: Tx, items: RecordedItem[], context: UndoContext): Promise<Set<number>>;
  /** Cheap count of rows not yet in the new format, errors included (one count, no classifying). */
  pendingCount(db: DbOrTx): Promise<number>;
  /** The rows not yet in the new format, classified: how many a run would change, how many are errors. */
  pendingOutcome(db: DbOrTx): Promise<PendingOutcome>;
  /** Size of the source and a value that changes whenever its rows change (see SourceFingerprint). */
  fingerprint(db: DbOrTx): Promise<SourceFingerprint>;
  /** Whether another transaction has written the table and is still open (it holds a write lock on it). */
  othersWriting(tx: Tx): Promise<boolean>;
  /** Checks run inside the apply transaction after the last batch; stored with the run. */
  verify(tx: Tx, context: VerifyContext): Promise<Verification>;
}

export type AnyDataMigration = DataMigration<SourceRow>;
