/**
 * The data migration engine's public API, for the admin dashboard, the command line and tests.
 * Not marked server-only on purpose: the command line (tsx) imports it outside Next. It opens no
 * connections itself; callers pass the Database from db/client.
 */
export { dataMigrations, findDataMigration, getDataMigration } from "./registry";
export {
  DEFAULT_BATCH_SIZE,
  type MigrationRunResult,
  type MigrationSummary,
  type RunMigrationOptions,
  migrationSummaryOf,
  runMigration,
  startMigrationRun,
} from "./engine";
export { type UndoOptions, type UndoRunResult, type UndoSummary, startUndoRun, undoMigrationRun, undoRefusal, undoSummaryOf } from "./undo";
export { type RunProgress, getRunProgress, progressOf } from "./progress";
export type { LaunchedRun } from "./run-launcher";
export { STALE_RUN_MESSAGE } from "./run-records";
export { InjectedFaultError, RunInProgressError, UndoRefusedError, UnknownMigrationError } from "./errors";
export { REPORT_FORMATS, type ReportFormat, reportChunks, reportDownload, runItems, writeReport } from "./report";
export {
  type Page,
  type PageRequest,
  type PreviewStatus,
  type RunItemFilter,
  getRun,
  latestPreview,
  listRunItems,
  listRuns,
  previewStatus,
} from "./queries";
export type {
  AnyDataMigration,
  DataMigration,
  ItemStatus,
  RecordedItem,
  RowOutcome,
  RowStatus,
  RunMode,
  SourceFingerprint,
  StartedBy,
  Verification,
  VerificationCheck,
} from "./types";
