/**
 * Run reports, JSON or CSV, streamed from migration_run_items in keyset batches: a million-row report
 * is never built in memory. `reportChunks` is an async iterable of strings (the dashboard wraps it in
 * a web ReadableStream for downloads); `writeReport` pipes it into any Node Writable (the CLI's file).
 *
 * JSON: `{ "report": {...}, "summary": { total_processed, migrated, flagged, skipped, errors },
 * "details": [...] }`, one detail per non-skipped row, in row order, with the field names the
 * migration defines. Undo runs report `{ total_processed, restored, conflicts }` and one detail per
 * restored or conflicting row. `report` says which run this is (run and migration ids, mode,
 * status, who, when, app version, schema migration, approval), so two files can be told apart; a CSV
 * starts with its header row (spreadsheets read it as a table) and says which run it is in its name. With `includeSkipped`, the rows the run read and left
 * as they were follow the recorded ones (skipped rows get no item, so they are read from the table
 * as it is now, up to the run's highest id).
 */
import "server-only";
import { getRun } from "./queries";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows, schemaMigrationStatus } from "@/db/client";
import { appVersion } from "@/server/env";
import type { MigrationRun } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { migrationSummaryOf } from "./engine";
import { getDataMigration } from "./registry";
import type { RecordedItem, ReportShape } from "./types";
import { spreadsheetCsv, spreadsheetCsvLine } from "@/lib/spreadsheet-csv";
import { undoSummaryOf } from "./undo";
import { approvalOfRun } from "./approvals";

export type ReportFormat = "json" | "csv";
export const REPORT_FORMATS: readonly ReportFormat[] = ["json", "csv"];

const UNDO_COLUMNS = ["user_id", "user_email", "status", "row_id", "reason"] as const;

/** A run's report: the migration's (or undo's) shape, and the run's summary counts. */
interface RunReportShape extends ReportShape {
  summary: Record<string, number>;
}

function shapeOf(run: MigrationRun): RunReportShape {
  if (run.mode === "undo") {
    return {
      summary: { ...undoSummaryOf(run) },
      columns: UNDO_COLUMNS,
      detail: (item) => ({
        user_id: item.userId,
        user_email: item.userEmail,
        status: item.status,
        row_id: item.rowId,
        reason: item.reason,
      }),
    };
  }
  const migration = getDataMigration(run.migrationId);
  return { summary: { ...migrationSummaryOf(run) }, columns: migration.report.columns, detail: migration.report.detail };
}

/** Items of a run in row order, one batch at a time. */
export async function* runItems(db: DbOrTx, runId: number, batchSize = 5_000): AsyncGenerator<RecordedItem[]> {
  let afterRowId = -2_147_483_648;
  for (;;) {
    const rows = await queryRows<RecordedItem & Record<string, unknown>>(
      db,
      sql`SELECT row_id AS "rowId", user_id AS "userId", user_email AS "userEmail", status, before, after, reason
          FROM migration_run_items
          WHERE run_id = ${runId} AND row_id > ${afterRowId}
          ORDER BY row_id
          LIMIT ${batchSize}`,
    );
    if (rows.length === 0) return;
    afterRowId = rows[rows.length - 1].rowId;
    yield rows;
  }
}

/** Which run a report describes: the JSON's `report` object, the CSV's leading comment lines. */
export async function reportHeader(db: DbOrTx, run: MigrationRun, includeSkipped: boolean): Promise<Record<string, unknown>> {
  const approval = run.mode === "apply" ? await approvalOfRun(db, run.id) : null;
  return {
    run_id: run.id,
    migration_id: run.migrationId,
    mode: run.mode,
    status: run.status,
    started_by: run.startedBy,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    undo_of_run_id: run.undoOfRunId,
    app_version: appVersion(),
    schema_migration: (await schemaMigrationStatus(db)).latest,
    includes_skipped: includeSkipped,
    // Who asked for the run and which second admin approved it, when the run needed approval.
    approval: approval
      ? {
          approval_id: approval.id,
          requested_by: approval.requestedBy,
          requested_at: approval.requestedAt.toISOString(),
          request_note: approval.requestNote,
          approved_by: approval.decidedBy,
          approved_at: approval.decidedAt?.toISOString() ?? null,
          approval_note: approval.decisionNote,
        }
      : null,
  };
}

/**
 * Rows a dry run or apply read and left as they were. They have no item (a million-row run would
 * record a million of them), so they are the table's rows up to the run's highest id that have
 * none, read now in key order.
 */
async function* skippedItems(db: DbOrTx, run: MigrationRun, batchSize = 5_000): AsyncGenerator<RecordedItem[]> {
  const maxId = Number((run.sourceFingerprint as { maxId?: unknown } | null)?.maxId ?? Number.NaN);
  if (run.mode === "undo" || run.status !== "completed" || !Number.isInteger(maxId)) return;
  const { table, key, owner } = getDataMigration(run.migrationId).declaration;
  let afterId = -2_147_483_648;
  for (;;) {
    const rows = await queryRows<RecordedItem & Record<string, unknown>>(
      db,
      sql`SELECT t.${sql.identifier(key.name)} AS "rowId", ${owner ? sql`t.${sql.identifier(owner.name)}` : sql`NULL::int`} AS "userId",
                 u.email AS "userEmail", 'skipped' AS status, NULL AS before, NULL AS after, NULL AS reason
          FROM ${table} t LEFT JOIN users u ON u.id = ${owner ? sql`t.${sql.identifier(owner.name)}` : sql`NULL::int`}
          WHERE t.${sql.identifier(key.name)} > ${afterId} AND t.${sql.identifier(key.name)} <= ${maxId}
            AND NOT EXISTS (SELECT 1 FROM migration_run_items i WHERE i.run_id = ${run.id} AND i.row_id = t.${sql.identifier(key.name)})
          ORDER BY t.${sql.identifier(key.name)}
          LIMIT ${batchSize}`,
    );
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].rowId;
    yield rows;
  }
}

export interface ReportOptions {
  batchSize?: number;
  /** Add the rows the run left as they were (status "skipped") after the recorded ones. */
  includeSkipped?: boolean;
}

/** The report as string chunks (one per batch of items). Throws NotFoundError for an unknown run. */
export async function* reportChunks(
  db: DbOrTx,
  runId: number,
  format: ReportFormat,
  options: ReportOptions = {},
): AsyncGenerator<string> {
  const found = await getRun(db, runId);
  if (!found) throw new NotFoundError(`Migration run ${runId}`);
  const run: MigrationRun = found;
  const shape = shapeOf(run);
  const includeSkipped = Boolean(options.includeSkipped) && run.mode !== "undo";
  const header = await reportHeader(db, run, includeSkipped);
  async function* batches(): AsyncGenerator<RecordedItem[]> {
    yield* runItems(db, runId, options.batchSize);
    if (includeSkipped) yield* skippedItems(db, run, options.batchSize);
  }

  if (format === "csv") {
    // The header row comes first, so a spreadsheet reads the file as a table; which run it describes
    // is in its file name (reportDownload) and in the JSON report.
    yield spreadsheetCsvLine(shape.columns);
    for await (const items of batches()) {
      yield spreadsheetCsv(
        items.map((item) => {
          const detail = shape.detail(item);
          return shape.columns.map((column) => detail[column]);
        }),
      );
    }
    return;
  }

  const indented = (value: unknown) => JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");
  yield `{\n  "report": ${indented(header)},\n  "summary": ${indented(shape.summary)},\n  "details": [`;
  let first = true;
  for await (const items of batches()) {
    let chunk = "";
    for (const item of items) {
      chunk += `${first ? "\n" : ",\n"}    ${JSON.stringify(shape.detail(item))}`;
      first = false;
    }
    yield chunk;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

/** Stream the report into a Writable (a file, an HTTP response), respecting backpressure. */
export async function writeReport(
  db: DbOrTx,
  runId: number,
  format: ReportFormat,
  destination: Writable,
  options: ReportOptions = {},
): Promise<void> {
  await pipeline(Readable.from(reportChunks(db, runId, format, options)), destination);
}

/** Content type and file name for a download of the report. */
export function reportDownload(
  run: Pick<MigrationRun, "id" | "migrationId" | "mode">,
  format: ReportFormat,
): { contentType: string; fileName: string } {
  return {
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    fileName: `${run.migrationId}-${run.mode === "dry_run" ? "preview" : run.mode === "undo" ? "undo" : "run"}-${run.id}.${format}`,
  };
}
