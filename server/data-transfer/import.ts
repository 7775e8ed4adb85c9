/**
 * Load an Ironlog dump into a database, all or nothing.
 *
 * 1. Validate: read the whole file and check every line (validate-dump.ts). Any rejection refuses
 *    the import before anything is written, schema migrations included.
 * 2. Apply pending schema migrations, so the database is at the app's schema, which is the dump's or
 *    a newer one (columns added since the dump take their defaults).
 * 3. In one transaction: refuse if the database already holds data (or, with mode "replace", empty
 *    every dump table first), read the file again and insert in batches keeping the ids, move the
 *    identity sequences past them, and check the row counts.
 *
 * There is no merge: ids are kept, and merging by natural key would mean renumbering every
 * reference. Moving data between environments is "replace"; the legacy import is the one that merges.
 */
import "server-only";
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Database, type DbOrTx, queryRows, runSchemaMigrations, schemaMigrationStatus } from "@/db/client";
import { DataTransferError, type DumpHeader, shippedSchemaMigrationTags } from "./dump-format";
import { databaseErrorMessage } from "@/lib/errors";
import type { DumpSource } from "./dump-source";
import { DUMP_TABLE_ORDER, type DumpTable, type DumpTableName, dumpTable, dumpTables, isDumpTableName } from "./tables";
import { type Rejection, validateDump } from "./validate-dump";
import { type ImpliedSlot, upgradeRecord } from "./format-upgrade";

export type ImportMode = "refuse-non-empty" | "replace";

export interface ImportOptions {
  /** Validate and report, write nothing (not even schema migrations). */
  dryRun?: boolean;
  /** What to do when the database already holds data. Defaults to refusing. */
  mode?: ImportMode;
  /** Rows per INSERT. */
  batchSize?: number;
  maxListedRejections?: number;
}

/**
 * - imported: the dump is in the database.
 * - validated: dry run, and a real run would import it.
 * - rejected: some records are invalid (see `rejections`); nothing was written.
 * - refused: the database already holds data and mode is "refuse-non-empty"; nothing was written.
 * - failed: the database refused a write; the transaction was rolled back.
 */
export type ImportStatus = "imported" | "validated" | "rejected" | "refused" | "failed";

export interface ImportReport {
  status: ImportStatus;
  source: string;
  dryRun: boolean;
  mode: ImportMode;
  header?: DumpHeader;
  /** Records per table in the dump (and, when imported, rows written). */
  counts: Record<DumpTableName, number>;
  rejections: Rejection[];
  rejectedCount: number;
  /** Schema migrations applied before loading (dry run: that would be applied). */
  schemaMigrationsApplied: number;
  /** Whether the target held no data before the import (undefined when not checked). */
  targetWasEmpty?: boolean;
  /** One sentence for people: what happened, or why not. */
  message: string;
}

const DEFAULT_BATCH_SIZE = 500;
// Keeps one INSERT's JSON parameter to a few megabytes whatever the rows hold.
const MAX_BATCH_CHARS = 4_000_000;

class ImportRefused extends Error {}

export async function importDump(database: Database, source: DumpSource, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const mode = options.mode ?? "refuse-non-empty";
  const validation = await validateDump(source, {
    knownSchemaMigrations: shippedSchemaMigrationTags(),
    maxListed: options.maxListedRejections,
  });
  const report: ImportReport = {
    status: "rejected",
    source: source.name,
    dryRun,
    mode,
    header: validation.header,
    counts: validation.counts,
    rejections: validation.rejections,
    rejectedCount: validation.rejectedCount,
    schemaMigrationsApplied: 0,
    message: "",
  };
  if (validation.rejectedCount > 0) {
    report.message = `Refused: ${validation.rejectedCount} record(s) rejected; nothing was written.`;
    return report;
  }

  const schema = await schemaMigrationStatus(database.db);
  report.schemaMigrationsApplied = schema.pending;

  if (dryRun) {
    report.targetWasEmpty = !(await holdsData(database.db));
    if (!report.targetWasEmpty && mode === "refuse-non-empty") {
      report.status = "refused";
      report.message = refusalMessage();
    } else {
      report.status = "validated";
      report.message = `Dry run: the dump is valid and would be imported${report.targetWasEmpty ? "" : ", replacing the existing data"}; nothing was written.`;
    }
    return report;
  }

  if (schema.pending > 0) await runSchemaMigrations(database);

  try {
    await database.db.transaction(async (tx) => {
      report.targetWasEmpty = !(await holdsData(tx));
      if (!report.targetWasEmpty) {
        if (mode === "refuse-non-empty") throw new ImportRefused(refusalMessage());
        await emptyDumpTables(tx);
      }
      const formatVersion = validation.header!.format_version;
      const loaded = await loadRows(
        tx,
        source,
        { formatVersion, toFinish: validation.sessionsToFinish },
        options.batchSize ?? DEFAULT_BATCH_SIZE,
      );
      if (loaded.digest !== validation.digest) {
        throw new DataTransferError("the dump file changed while it was being imported");
      }
      await moveIdentitySequences(tx);
      await checkRowCounts(tx, {
        ...validation.counts,
        session_exercises: validation.counts.session_exercises + loaded.impliedSlots,
      });
    });
  } catch (error) {
    if (error instanceof ImportRefused) {
      report.status = "refused";
      report.message = error.message;
      return report;
    }
    report.status = "failed";
    report.message = `Failed, nothing was written: ${databaseErrorMessage(error)}`;
    return report;
  }
  report.status = "imported";
  report.message = `Imported ${totalRows(validation.counts)} row(s)${report.targetWasEmpty ? "" : ", replacing the existing data"}.`;
  return report;
}

function refusalMessage(): string {
  return "Refused: the database already holds data. Import into an empty database, or pass --replace to delete everything in it first.";
}

function totalRows(counts: Record<DumpTableName, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Whether any dump table has a row. Tables a pending schema migration would create hold nothing yet. */
async function holdsData(db: DbOrTx): Promise<boolean> {
  const present = await queryRows<{ name: string }>(
    db,
    sql`SELECT value AS name FROM json_array_elements_text(${JSON.stringify(DUMP_TABLE_ORDER)}::text::json)
        WHERE to_regclass(value) IS NOT NULL`,
  );
  if (present.length === 0) return false;
  const checks = present.map(({ name }) => sql`EXISTS (SELECT 1 FROM ${sql.identifier(name)})`);
  const [row] = await queryRows<{ holds_data: boolean }>(db, sql`SELECT ${sql.join(checks, sql` OR `)} AS holds_data`);
  return row.holds_data;
}

/**
 * CASCADE also empties tables outside the dump that reference these (auth_sessions: a replaced
 * database signs everyone out): with users replaced, rows pointing at the old ones would be meaningless.
 */
async function emptyDumpTables(tx: DbOrTx): Promise<void> {
  const names = sql.join(
    DUMP_TABLE_ORDER.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await tx.execute(sql`TRUNCATE TABLE ${names} RESTART IDENTITY CASCADE`);
}

interface PendingBatch {
  table: DumpTable;
  columns: string[];
  rowsJson: string[];
  chars: number;
  firstLine: number;
  lastLine: number;
}

/**
 * The write pass: insert every record in file order (upgraded from an older format first). Returns
 * the digest of the lines read and how many exercise slots an older format implied.
 */
async function loadRows(
  tx: DbOrTx,
  source: DumpSource,
  upgrade: { formatVersion: number; toFinish: ReadonlySet<number> },
  batchSize: number,
): Promise<{ digest: string; impliedSlots: number }> {
  const hash = createHash("sha256");
  let batch: PendingBatch | undefined;
  let lineNumber = 0;
  let headerSeen = false;
  const implied = new Map<string, ImpliedSlot>();
  let insertedSlots = 0;

  const flush = async () => {
    if (implied.size > 0) {
      insertedSlots += await insertImpliedSlots(tx, [...implied.values()]);
      implied.clear();
    }
    if (batch && batch.rowsJson.length > 0) await insertBatch(tx, batch);
    batch = undefined;
  };

  for await (const line of source.lines()) {
    lineNumber += 1;
    hash.update(line).update("\n");
    if (line.trim() === "") continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const value = JSON.parse(line) as { table?: unknown; row?: Record<string, unknown>; end?: unknown };
    if (value.end !== undefined || !isDumpTableName(value.table) || !value.row) continue;
    const upgraded = upgradeRecord(upgrade.formatVersion, value.table, value.row, upgrade.toFinish);
    value.row = upgraded.row;
    const columns = Object.keys(value.row);
    // Rows that leave out different columns go in separate INSERTs, so that the columns a row
    // leaves out take their defaults rather than NULL.
    const signature = columns.join(",");
    if (!batch || batch.table.name !== value.table || batch.columns.join(",") !== signature) {
      await flush();
      batch = { table: dumpTable(value.table), columns, rowsJson: [], chars: 0, firstLine: lineNumber, lastLine: lineNumber };
    }
    // Inserted just before the batch holding the sets that name them.
    if (upgraded.impliedSlot) implied.set(upgraded.impliedSlot.id, upgraded.impliedSlot);
    const rowJson = JSON.stringify(value.row);
    batch.rowsJson.push(rowJson);
    batch.chars += rowJson.length;
    batch.lastLine = lineNumber;
    if (batch.rowsJson.length >= batchSize || batch.chars >= MAX_BATCH_CHARS) await flush();
  }
  await flush();
  if (insertedSlots > 0) await orderImpliedSlots(tx);
  return { digest: hash.digest("hex"), impliedSlots: insertedSlots };
}

/** A format-1 dump's slots, inserted before the sets that name them (once each). */
async function insertImpliedSlots(tx: DbOrTx, slots: ImpliedSlot[]): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO session_exercises (id, session_id, exercise_id)
        SELECT id, session_id, exercise_id FROM json_populate_recordset(NULL::session_exercises, ${JSON.stringify(slots)}::text::json)
        ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return rows.length;
}

/** Implied slots in the order their first set was logged, with the plan's targets, as the migration does. */
async function orderImpliedSlots(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`
    UPDATE session_exercises x SET position = o.position, target_sets = p.target_sets, target_reps_min = p.target_reps_min,
           target_reps_max = p.target_reps_max, note = p.note
    FROM (
      SELECT e.id, (row_number() OVER (PARTITION BY e.session_id ORDER BY min(s.position), e.exercise_id) - 1)::int AS position
      FROM session_exercises e JOIN session_sets s ON s.exercise_slot_id = e.id
      GROUP BY e.id, e.session_id, e.exercise_id
    ) o
    JOIN session_exercises e ON e.id = o.id
    JOIN workout_sessions w ON w.id = e.session_id
    LEFT JOIN LATERAL (
      SELECT d.target_sets, d.target_reps_min, d.target_reps_max, d.note FROM split_day_exercises d
      WHERE d.split_day_id = w.split_day_id AND d.exercise_id = e.exercise_id ORDER BY d.position, d.id LIMIT 1
    ) p ON true
    WHERE x.id = o.id AND x.field_times = '{}'::jsonb AND x.revision = 0`);
}

/**
 * One INSERT per batch with a single JSON parameter: json_populate_recordset converts each field to
 * its column's type (timestamps, enums, numerics; json values go to jsonb columns as they are), which
 * avoids per-driver parameter typing and the 65,535-parameter limit.
 */
async function insertBatch(tx: DbOrTx, batch: PendingBatch): Promise<void> {
  const table = sql.identifier(batch.table.name);
  const columns = sql.join(
    batch.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const json = `[${batch.rowsJson.join(",")}]`;
  try {
    await tx.execute(
      sql`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ${json}::text::json)`,
    );
  } catch (error) {
    throw new DataTransferError(
      `${batch.table.name}, lines ${batch.firstLine}-${batch.lastLine}: ${databaseErrorMessage(error)}`,
    );
  }
}

/** Identity sequences must start after the imported ids, or the next sign-up collides with id 1. */
async function moveIdentitySequences(tx: DbOrTx): Promise<void> {
  for (const table of dumpTables()) {
    for (const column of table.identityColumns) {
      const qualified = `"${table.name}"`;
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${qualified}, ${column}),
                          COALESCE((SELECT MAX(${sql.identifier(column)}) FROM ${sql.identifier(table.name)}), 0) + 1,
                          false)`,
      );
    }
  }
}

async function checkRowCounts(tx: DbOrTx, expected: Record<DumpTableName, number>): Promise<void> {
  const counts: SQL[] = DUMP_TABLE_ORDER.map(
    (name) => sql`(SELECT count(*) FROM ${sql.identifier(name)})::int AS ${sql.identifier(name)}`,
  );
  const [actual] = await queryRows<Record<DumpTableName, number>>(tx, sql`SELECT ${sql.join(counts, sql`, `)}`);
  for (const name of DUMP_TABLE_ORDER) {
    if (Number(actual[name]) !== expected[name]) {
      throw new DataTransferError(`${name} holds ${actual[name]} row(s) after loading, expected ${expected[name]}`);
    }
  }
}
