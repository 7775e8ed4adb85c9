/**
 * The contract between the data migration engine and the migrations it runs: how to read a batch,
 * classify a row, write a batch, undo recorded changes, and check the result. Migrations do not
 * write it by hand: `defineTableMigration` (table-migration.ts) derives it from a short declaration.
 * The engine owns everything else: the transaction, the one-run-at-a-time lock, run records, items,
 * progress and reports.
 */
import "server-only";
import type { DbOrTx, Tx } from "@/db/client";
import type { RecordedItem, ReportShape, RowOutcome } from "@/lib/migrations/outcome";

export type { ItemStatus, RowStatus, RunMode, UndoStatus } from "@/lib/migrations/run-values";
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

export interface ClassifiedRow<Row extends SourceRow = SourceRow> {
  row: Row;
  outcome: RowOutcome;
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
}

/**
 * A registered data migration. Methods (not function-typed properties) on purpose: it lets the
 * registry hold migrations of different row types in one list.
 */
export interface DataMigration<Row extends SourceRow = SourceRow> {
  id: string;
  title: string;
  /** The rules in plain words, one sentence each, for the dashboard and `--help`. */
  description: string;
  rules: readonly string[];
  wording: MigrationWording;

  /**
   * The next batch of rows that may need a change, ordered by primary key and locked FOR UPDATE so
   * concurrent edits wait for the run (see SourceBatch). The SQL filter must only leave out rows
   * that `classify` would skip: a property test holds each migration to that.
   */
  readBatch(tx: Tx, range: BatchRange): Promise<SourceBatch<Row>>;
  /** Pure and total: never throws, whatever the row holds. */
  classify(row: Row): RowOutcome;
  /** Write the migrated and flagged rows of one batch in as few statements as possible. */
  writeBatch(tx: Tx, changes: ClassifiedRow<Row>[], context: WriteContext): Promise<void>;
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
  /** Checks run inside the apply transaction after the last batch; stored with the run. */
  verify(tx: Tx, context: VerifyContext): Promise<Verification>;

  /** The report's columns and one entry (`details[]`) per recorded dry-run or apply item. */
  report: ReportShape;
}

export type AnyDataMigration = DataMigration<SourceRow>;
