/**
 * Export every table as an Ironlog dump (see dump-format.ts), streamed in keyset batches.
 *
 * The whole export reads one REPEATABLE READ snapshot, so a dump taken while athletes log sets is
 * still consistent (no set whose session is missing). Rows are serialised by Postgres itself
 * (`row_to_json`, with the session time zone pinned to UTC), which makes the text identical on
 * PGlite and Postgres and keeps timestamps to the microsecond.
 *
 * Trade-off on the embedded database: PGlite is a single connection, so other queries of the same
 * process wait until the export finishes (or its consumer stops reading).
 */
import "server-only";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, type DbOrTx, queryRows, schemaMigrationStatus } from "@/db/client";
import {
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  DataTransferError,
  type DumpHeader,
  headerLine,
  recordLine,
  trailerLine,
} from "./dump-format";
import { DUMP_TABLE_ORDER, type DumpTable, type DumpTableName, dumpTables, emptyTableCounts, exportedColumns } from "./tables";
import { yieldFromTransaction } from "./transaction-stream";
import { createAnonymizer } from "./anonymize";
import { appVersion } from "@/server/env";

export interface ExportOptions {
  /** Include users' password hashes. Off by default: a dump is often handed around. */
  includeSecrets?: boolean;
  /**
   * An anonymized copy, for staging: every table by its rule in anonymize-rules.ts (no emails, names,
   * typed text or secrets). Never with secrets.
   */
  anonymize?: boolean;
  /** Rows read per query. */
  batchSize?: number;
  /** Called once the trailer is written, with what the dump holds. */
  onComplete?: (summary: ExportSummary) => void;
}

export interface ExportSummary {
  header: DumpHeader;
  counts: Record<DumpTableName, number>;
}

const DEFAULT_BATCH_SIZE = 1000;

/**
 * The dump as chunks of text (whole lines), for a file, stdout or an HTTP response:
 * `ReadableStream.from(exportAll(db))` or `Readable.from(exportAll(db))`.
 */
export function exportAll(db: Db, options: ExportOptions = {}): AsyncIterable<string> {
  return yieldFromTransaction(db, { isolationLevel: "repeatable read", accessMode: "read only" }, (tx) =>
    dumpChunks(tx, options),
  );
}

/**
 * Write the dump to a Node Writable, with backpressure, and return what it holds. The destination
 * is ended when done unless `endDestination` is false (standard output).
 */
export async function writeDump(
  db: Db,
  destination: Writable,
  options: ExportOptions & { endDestination?: boolean } = {},
): Promise<ExportSummary> {
  let summary: ExportSummary | undefined;
  await pipeline(Readable.from(exportAll(db, { ...options, onComplete: (s) => (summary = s) })), destination, {
    end: options.endDestination ?? true,
  });
  if (!summary) throw new DataTransferError("The export stopped before its trailer was written.");
  options.onComplete?.(summary);
  return summary;
}

async function* dumpChunks(tx: DbOrTx, options: ExportOptions): AsyncGenerator<string> {
  const includeSecrets = options.includeSecrets ?? false;
  const anonymize = options.anonymize ?? false;
  if (anonymize && includeSecrets) throw new DataTransferError("An anonymized copy never holds password hashes.");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);

  const status = await schemaMigrationStatus(tx);
  if (status.pending > 0) {
    throw new DataTransferError(
      `The database has ${status.pending} schema migration(s) pending. Apply them first, so the dump ` +
        `records a schema this app knows.`,
    );
  }
  const header: DumpHeader = {
    format: DUMP_FORMAT,
    format_version: DUMP_FORMAT_VERSION,
    app_version: appVersion(),
    schema_migration: status.latest,
    created_at: new Date().toISOString(),
    secrets: includeSecrets ? "included" : "omitted",
    tables: [...DUMP_TABLE_ORDER],
    ...(anonymize ? { anonymized: true as const } : {}),
  };
  yield headerLine(header);

  const anonymizer = anonymize ? await createAnonymizer(tx) : undefined;
  const counts = emptyTableCounts();
  for (const table of dumpTables()) {
    if (anonymizer?.drops(table.name)) continue;
    for await (const read of tableBatches(tx, table, exportedColumns(table, includeSecrets), batchSize)) {
      const rows = anonymizer ? await anonymizer.rows(table.name, read) : read;
      counts[table.name] += rows.length;
      yield rows.map((rowJson) => recordLine(table.name, rowJson)).join("");
    }
  }
  yield trailerLine(counts);
  options.onComplete?.({ header, counts });
}

/** Rows of one table as JSON text, in primary key order, one keyset-paginated query per batch. */
async function* tableBatches(tx: DbOrTx, table: DumpTable, columns: PgColumn[], batchSize: number): AsyncGenerator<string[]> {
  const keyColumns = table.primaryKey.map((name) => columns.find((c) => c.name === name)!);
  const keyList = sql.join(
    keyColumns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const selectList = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const keyText = sql.join(
    keyColumns.map((c, i) => sql`r.${sql.identifier(c.name)}::text AS ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );

  let after: string[] | undefined;
  for (;;) {
    const where: SQL = after
      ? sql`WHERE (${keyList}) > (${sql.join(
          keyColumns.map((c, i) => sql`${after![i]}::text::${sql.raw(c.getSQLType())}`),
          sql`, `,
        )})`
      : sql``;
    const rows = await queryRows<Record<string, string>>(
      tx,
      sql`SELECT row_to_json(r)::text AS row_json, ${keyText}
          FROM (SELECT ${selectList} FROM ${sql.identifier(table.name)} ${where}
                ORDER BY ${keyList} LIMIT ${batchSize}) r
          ORDER BY ${sql.join(
            keyColumns.map((c) => sql`r.${sql.identifier(c.name)}`),
            sql`, `,
          )}`,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.row_json);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = keyColumns.map((_, i) => last[`k${i}`]);
  }
}
