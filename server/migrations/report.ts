/**
 * Run reports, JSON or CSV, streamed from migration_run_items in keyset batches: a million-row report
 * is never built in memory. `reportChunks` is an async iterable of strings (the dashboard wraps it in
 * a web ReadableStream for downloads); `writeReport` pipes it into any Node Writable (the CLI's file).
 *
 * JSON: `{ "summary": { total_processed, migrated, flagged, skipped, errors }, "details": [...] }`,
 * one detail per non-skipped row, in row order, with the field names the migration defines. Undo
 * runs report `{ total_processed, restored, conflicts }` and one detail per restored or conflicting row.
 */
import "server-only";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import type { MigrationRun } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { migrationSummaryOf } from "./engine";
import { getDataMigration } from "./registry";
import { loadRun } from "./run-records";
import type { RecordedItem } from "./types";
import { undoSummaryOf } from "./undo";

export type ReportFormat = "json" | "csv";
export const REPORT_FORMATS: readonly ReportFormat[] = ["json", "csv"];

const UNDO_COLUMNS = ["user_id", "user_email", "status", "row_id", "reason"] as const;

interface ReportShape {
  summary: Record<string, number>;
  columns: readonly string[];
  detail(item: RecordedItem): Record<string, unknown>;
}

function shapeOf(run: MigrationRun): ReportShape {
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

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe, since admins open these files in spreadsheets and row data is user-controlled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The report as string chunks (one per batch of items). Throws NotFoundError for an unknown run. */
export async function* reportChunks(
  db: DbOrTx,
  runId: number,
  format: ReportFormat,
  options: { batchSize?: number } = {},
): AsyncGenerator<string> {
  const run = await loadRun(db, runId);
  if (!run) throw new NotFoundError(`Migration run ${runId}`);
  const shape = shapeOf(run);

  if (format === "csv") {
    yield csvLine(shape.columns);
    for await (const items of runItems(db, runId, options.batchSize)) {
      yield items
        .map((item) => {
          const detail = shape.detail(item);
          return csvLine(shape.columns.map((column) => detail[column]));
        })
        .join("");
    }
    return;
  }

  const summary = JSON.stringify(shape.summary, null, 2).replaceAll("\n", "\n  ");
  yield `{\n  "summary": ${summary},\n  "details": [`;
  let first = true;
  for await (const items of runItems(db, runId, options.batchSize)) {
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
export async function writeReport(db: DbOrTx, runId: number, format: ReportFormat, destination: Writable): Promise<void> {
  await pipeline(Readable.from(reportChunks(db, runId, format)), destination);
}

/** Content type and file name for a download of the report. */
export function reportDownload(run: Pick<MigrationRun, "id" | "migrationId">, format: ReportFormat): { contentType: string; fileName: string } {
  return {
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    fileName: `${run.migrationId}-run-${run.id}.${format}`,
  };
}
