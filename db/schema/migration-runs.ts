import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { ITEM_STATUSES, RUN_MODES, RUN_STATUSES } from "../../lib/migrations/run-values";
import { users } from "./users";

export const migrationRunMode = pgEnum("migration_run_mode", RUN_MODES);
export const migrationRunStatus = pgEnum("migration_run_status", RUN_STATUSES);
export const migrationItemStatus = pgEnum("migration_item_status", ITEM_STATUSES);

/**
 * One row per run of a data migration (dry runs and undos included). The row is written outside the
 * run's own transaction so that it survives a rollback and records why the run failed.
 */
export const migrationRuns = pgTable(
  "migration_runs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    migrationId: text("migration_id").notNull(),
    mode: migrationRunMode("mode").notNull(),
    status: migrationRunStatus("status").notNull().default("running"),
    startedByUserId: integer("started_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Human-readable starter ("admin@ironlog.dev", "cli:root@host"), kept even if the user is deleted.
    startedBy: text("started_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    // Live progress, updated while the run is in progress (see server/migrations/live-runs.ts for how, per driver).
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    migrated: integer("migrated").notNull().default(0),
    flagged: integer("flagged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    restored: integer("restored").notNull().default(0),
    conflicts: integer("conflicts").notNull().default(0),
    error: text("error"),
    // For undo runs: the applied run being undone. For applied runs: the undo that reverted them.
    undoOfRunId: integer("undo_of_run_id"),
    undoneByRunId: integer("undone_by_run_id"),
    // Fingerprint of the rows the migration reads when the run started (count, latest updated_at),
    // so the dashboard can tell whether a preview is stale.
    sourceFingerprint: jsonb("source_fingerprint").$type<Record<string, unknown>>(),
    // Results of the post-apply verification checks.
    verification: jsonb("verification").$type<Record<string, unknown>>(),
    instance: text("instance"),
    // Cancel: asked for by an admin (dashboard) or the operator (Ctrl-C), on any instance. The run
    // checks it between batches; on Postgres the asker also cancels the statement the run's
    // backend is executing (pg_cancel_backend on backend_pid, only while it holds the run's lock).
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    cancelledBy: text("cancelled_by"),
    cancelledByUserId: integer("cancelled_by_user_id").references(() => users.id, { onDelete: "set null" }),
    backendPid: integer("backend_pid"),
  },
  (t) => [
    index("migration_runs_migration_started_idx").on(t.migrationId, t.startedAt),
    // At most one run of a migration in progress, enforced by the database across app instances.
    uniqueIndex("migration_runs_one_running_idx")
      .on(t.migrationId)
      .where(sql`${t.status} = 'running'`),
  ],
);

export const migrationRunItems = pgTable(
  "migration_run_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // A migration run's id, deliberately without a foreign key: checking it costs a lookup (and a
    // lock on the run's row) for each of a million-row run's quarter of a million items. Items are
    // only written by the engine for the run it has just recorded, runs are never deleted, and both
    // the integrity check and dump validation still verify the reference (unenforcedReferences).
    runId: integer("run_id").notNull(),
    // Primary key of the row the migration read (e.g. assessments.id).
    rowId: integer("row_id").notNull(),
    userId: integer("user_id"),
    userEmail: text("user_email"),
    status: migrationItemStatus("status").notNull(),
    // The columns the migration changes, before and after (NULL after for errors).
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    reason: text("reason"),
  },
  // A million-row run writes a quarter of a million items, and every index here is paid for on each
  // of them: (run, row) serves the report, undo and the unfiltered details table, all in row order;
  // (run, status, row) the status filter. The email filter is a case-insensitive "contains", which a
  // btree cannot serve, so it reads the run's items without an index of its own.
  (t) => [
    index("migration_run_items_run_status_idx").on(t.runId, t.status, t.rowId),
    index("migration_run_items_run_row_idx").on(t.runId, t.rowId),
  ],
);

/**
 * One admin correction of one row's value, made from a run's error list ("fix in place"): only the
 * migration's own columns, validated against its rules, with who and when. `before`/`after` hold
 * the changed columns by SQL name, as run items do.
 */
export const migrationRowFixes = pgTable(
  "migration_row_fixes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    migrationId: text("migration_id").notNull(),
    // The run whose error list the fix was made from.
    runId: integer("run_id")
      .notNull()
      .references(() => migrationRuns.id, { onDelete: "cascade" }),
    rowId: integer("row_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    fixedBy: text("fixed_by").notNull(),
    fixedByUserId: integer("fixed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    fixedAt: timestamp("fixed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("migration_row_fixes_run_row_idx").on(t.runId, t.rowId)],
);

export type MigrationRowFix = typeof migrationRowFixes.$inferSelect;

/** References the database does not enforce, which dumps and the integrity check verify instead. */
export const unenforcedReferences = [
  { table: "migration_run_items", column: "run_id", foreignTable: "migration_runs", foreignColumn: "id" },
] as const;

export type MigrationRun = typeof migrationRuns.$inferSelect;
export type MigrationRunItem = typeof migrationRunItems.$inferSelect;

/**
 * Write counters of the tables data migrations read: a statement-level trigger on each (insert,
 * update, delete, truncate; written by hand in the run_trust migration) takes a number from its
 * table's sequence for every statement of any client, so a preview's fingerprint sees plain-SQL
 * writes that leave row count, highest id and updated_at as they were. A sequence takes no lock,
 * so athletes' writes never wait behind a long run. The engine's own statements set
 * `ironlog.migration_engine` locally and are not counted (sequences do not roll back, so a dry run
 * would otherwise make its own preview stale). Named `<table>_write_seq` (see server/migrations/define-migration.ts).
 */
export const assessmentsWriteSeq = pgSequence("assessments_write_seq");
export const exercisesWriteSeq = pgSequence("exercises_write_seq");
export const splitsWriteSeq = pgSequence("splits_write_seq");
