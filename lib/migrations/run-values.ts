/**
 * The value lists of migration runs, once: the schema's enums are built from them, and the engine,
 * the dashboard and the command line take their types from here.
 */

/** What a run does: a dry run (rolled back), an apply, or an undo of an earlier apply. */
export const RUN_MODES = ["dry_run", "apply", "undo"] as const;
export type AnyRunMode = (typeof RUN_MODES)[number];
/** The modes a migration itself runs in (an undo replays a run's items instead). */
export type RunMode = Exclude<AnyRunMode, "undo">;

/** `cancelled`: stopped by an admin or the operator (Ctrl-C) and rolled back; nothing it did was kept. */
export const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What a run decided for one row. Only `skipped` rows are left out of the recorded items. */
export const ROW_STATUSES = ["migrated", "flagged", "skipped", "error"] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
/** Item statuses an undo run records. */
export const UNDO_STATUSES = ["restored", "conflict"] as const;
export const ITEM_STATUSES = [...ROW_STATUSES, ...UNDO_STATUSES] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A run's counters, as its record keeps them. */
export const RUN_COUNT_KEYS = ["migrated", "flagged", "skipped", "errors", "restored", "conflicts"] as const;
export type RunCounts = Record<(typeof RUN_COUNT_KEYS)[number], number>;
export const emptyCounts = (): RunCounts => ({ migrated: 0, flagged: 0, skipped: 0, errors: 0, restored: 0, conflicts: 0 });

/** The report summary's counts with their labels, in the order the dashboard shows them. */
export const SUMMARY_COUNTS = [
  ["total_processed", "Total"],
  ["migrated", "Migrated"],
  ["flagged", "Flagged"],
  ["skipped", "Skipped"],
  ["errors", "Errors"],
] as const;

/**
 * A run's name wherever it is shown: a dry run is a preview ("Preview #12") and only an apply is a
 * run ("Run #13"), so one record never goes by two names.
 */
export function runName(run: { id: number; mode: AnyRunMode }): string {
  return `${run.mode === "dry_run" ? "Preview" : run.mode === "undo" ? "Undo" : "Run"} #${run.id}`;
}
