/**
 * `defineDataMigration`: a data migration from a short declaration over one table. The declaration
 * names the table, its key, owner and updated_at columns, the columns the pure classifier reads (by
 * row property), and the SQL twin of "the classifier would not skip this row" (`mayNeedChange`); the
 * engine derives the rest from it: the keyset read (FOR UPDATE when applying), the mapping of each
 * outcome's properties to SQL columns, the set-based write of its `after` values, the undo (restore
 * `before` where the row still holds `after`), the pending count, the fingerprint and the standard
 * post-apply checks. See README.md in this folder.
 */
import "server-only";
import { type SQL, and, eq, getTableName, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type DbOrTx, type Tx, queryRows } from "@/db/client";
import { migrationRunItems } from "@/db/schema";
import { jsonParam } from "./json-param";
import { countScanned, rowLockClause } from "./keyset";
import { parseJsonColumn } from "@/lib/migrations/json";
import {
  type ColumnSource,
  isColumn,
  recordedValue,
  records,
  selectExpression,
  selectedAsJson,
  setFromRecorded,
} from "./table-sql";
import type {
  ColumnOutcome,
  DataMigration,
  MigrationDeclaration,
  PendingOutcome,
  RowValues,
  SourceRow,
  VerifyContext,
} from "./types";
import { count, countCheck, counted, itemsRecordedCheck, verificationOf } from "./verification";

const MAX_ID = 2_147_483_647;

/** Rows of the declared table matching `where`, in key order, as the classifier sees them. */
export async function readSourceRows<Row extends SourceRow>(
  db: DbOrTx,
  declaration: MigrationDeclaration<Row>,
  options: { where: SQL; limit: number; lock?: SQL },
): Promise<Row[]> {
  const { table, key, owner } = declaration;
  const sources = Object.entries(declaration.columns) as [string, ColumnSource][];
  const selected = sources.map(([property, source]) => sql`${selectExpression(source)} AS ${sql.identifier(property)}`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT ${key} AS "id", ${owner ?? sql`NULL::int`} AS "userId", ${sql.join(selected, sql`, `)}
        FROM ${table} WHERE ${options.where} ORDER BY ${key} LIMIT ${options.limit} ${options.lock ?? sql``}`,
  );
  // Decided once per batch, not per row and column: a million-row run parses a quarter million rows.
  const parsed = sources.filter(([, source]) => selectedAsJson(source)).map(([property]) => property);
  for (const row of rows) for (const property of parsed) row[property] = parseJsonColumn(row[property] as string | null);
  return rows as unknown as Row[];
}

export function defineDataMigration<Row extends SourceRow>(declaration: MigrationDeclaration<Row>): DataMigration<Row> {
  const { table, key, updatedAt, mayNeedChange, runStamp } = declaration;
  // Counts every statement of any client that writes the table (trigger in the run_trust schema
  // migration; db/schema/migration-runs.ts): the fingerprint sees plain-SQL writes too.
  const writeSequence = sql.identifier(`${getTableName(table)}_write_seq`);
  const writable = new Map<string, PgColumn>();
  // Row property → SQL column name, for the properties an outcome may record.
  const columnNameOf = new Map<string, string>();
  for (const [property, source] of Object.entries(declaration.columns) as [string, ColumnSource][]) {
    if (!isColumn(source)) continue;
    writable.set(source.name, source);
    columnNameOf.set(property, source.name);
  }

  /** An outcome's values keyed by SQL column name; an `undefined` value (SQL NULL) has no key. */
  const byColumnName = (values: Partial<RowValues<Row>>): Record<string, unknown> => {
    const named: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const name = columnNameOf.get(property);
      if (!name) throw new Error(`${declaration.id}: an outcome records "${property}", which is not a column of the table`);
      named[name] = value;
    }
    return named;
  };

  /** The declared columns some of these recorded changes write, in declaration order. */
  const changedColumns = (changes: (Record<string, unknown> | null | undefined)[]): PgColumn[] => {
    const names = new Set<string>();
    for (const after of changes) for (const name of Object.keys(after ?? {})) names.add(name);
    for (const name of names) {
      if (!writable.has(name)) throw new Error(`${declaration.id}: a change writes "${name}", which is not a declared column`);
    }
    return [...writable.values()].filter((column) => names.has(column.name));
  };
  const stamped = (columns: PgColumn[]) => (runStamp && columns.includes(runStamp.when) ? runStamp : null);

  /**
   * Classify the rows matching `where` (a subset of `mayNeedChange`), in keyset batches: how many a
   * run would change and how many it would leave as errors. Counted first with a plain scan: after a
   * good run there is nothing or only errors left (the filters are exact), and the keyset read
   * (ORDER BY key) would walk the whole primary key index to find that out.
   */
  async function classifyWhere(db: DbOrTx, where: SQL): Promise<PendingOutcome> {
    const outcome = { toChange: 0, errors: 0 };
    const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
    if (n === 0) return outcome;
    for (let afterId = -MAX_ID - 1; ;) {
      const rows = await readSourceRows(db, declaration, { where: sql`${key} > ${afterId} AND ${where}`, limit: 10_000 });
      for (const row of rows) {
        const status = declaration.classify(row).status;
        if (status === "error") outcome.errors++;
        else if (status !== "skipped") outcome.toChange++;
      }
      if (rows.length < 10_000) return outcome;
      afterId = rows[rows.length - 1].id;
    }
  }

  /** The table's write sequence now: statements of other clients that wrote it (see SourceFingerprint). */
  async function writesNow(tx: Tx): Promise<number> {
    const [row] = await queryRows<{ writes: string }>(
      tx,
      sql`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS writes FROM ${writeSequence}`,
    );
    return Number(row.writes);
  }

  /**
   * Rows up to the run's last key that a run would still change, the run's own errors aside.
   *
   * Only the rows the run wrote can have changed since its reads, when nothing else wrote the table
   * during the run: no statement of another client moved the write sequence since the run started,
   * and no transaction that had written the table before was still open then (its rows could commit
   * after the run read past them). The run's reads found every other row up to its last key needing
   * no change or in error, and the rows it read and did not write are locked and unchanged. So the
   * rows its UPDATEs left still selected by the filter (`leftByWrites`, normally none) are all there
   * is to check. When anything else wrote the table, every row up to the run's last key is read again.
   */
  async function leftToChange(tx: Tx, context: VerifyContext): Promise<number> {
    const { runId, upToId } = context;
    const onlyTheRunWrote = !context.othersWritingAtStart && (await writesNow(tx)) === context.writesAtStart;
    const notAnError = sql`NOT EXISTS (SELECT 1 FROM ${migrationRunItems} WHERE ${and(
      eq(migrationRunItems.runId, runId),
      eq(migrationRunItems.rowId, key),
      eq(migrationRunItems.status, "error"),
    )})`;
    if (onlyTheRunWrote && context.leftByWrites.length === 0) return 0;
    const rows = onlyTheRunWrote ? sql`${key} = ANY(${`{${context.leftByWrites.join(",")}}`}::int[])` : sql`${key} <= ${upToId}`;
    const left = await classifyWhere(tx, sql`${rows} AND (${mayNeedChange}) AND ${notAnError}`);
    // A row that was no error when the run read it but is one now was changed under the run: count it.
    return left.toChange + left.errors;
  }

  return {
    declaration,
    id: declaration.id,
    title: declaration.title,
    description: declaration.description,
    rules: declaration.rules,
    wording: declaration.wording,
    report: declaration.report,

    classify(row): ColumnOutcome {
      const outcome = declaration.classify(row);
      switch (outcome.status) {
        case "skipped":
          return outcome;
        case "error":
          return { status: "error", before: byColumnName(outcome.before), reason: outcome.reason };
        case "migrated":
          return { status: "migrated", before: byColumnName(outcome.before), after: byColumnName(outcome.after) };
        case "flagged": {
          const { before, after, reason } = outcome;
          return { status: "flagged", before: byColumnName(before), after: byColumnName(after), reason };
        }
      }
    },

    async readBatch(tx, range) {
      const where = sql`${key} > ${range.afterId} AND ${key} <= ${range.upToId} AND (${mayNeedChange})`;
      const rows = await readSourceRows(tx, declaration, { where, limit: range.limit, lock: rowLockClause(range) });
      return countScanned(tx, table, key, range, rows);
    },

    async writeBatch(tx, changes, { runId }) {
      const columns = changedColumns(changes.map((c) => c.outcome.after));
      const after = sql`c.after`;
      const sets = columns.map((column) => setFromRecorded(column, records(after, column), recordedValue(after, column)));
      const stamp = stamped(columns);
      if (stamp) {
        sets.push(setFromRecorded(stamp.runId, records(after, stamp.when), sql`${runId}::int`));
        // now() is the transaction's start: one stamp time for the whole run.
        sets.push(setFromRecorded(stamp.at, records(after, stamp.when), sql`now()`));
      }
      const payload = changes.map(({ row, outcome }) => ({ id: row.id, after: outcome.after ?? {} }));
      // RETURNING sees each row as the write left it (triggers included): the filter is checked on the
      // rows the run changed while they are at hand, instead of re-reading them all at the end.
      const left = await queryRows<{ id: number }>(
        tx,
        sql`WITH written AS (
              UPDATE ${table} SET ${sql.join(sets, sql`, `)}, ${sql.identifier(updatedAt.name)} = now()
              FROM jsonb_to_recordset(${jsonParam(payload)}) AS c(id int, after jsonb)
              WHERE ${key} = c.id
              RETURNING ${key} AS id, (${mayNeedChange}) AS "stillSelected")
            SELECT id FROM written WHERE "stillSelected"`,
      );
      return left.map((row) => row.id);
    },

    async undoBatch(tx, items, { undoneRunId }) {
      const columns = changedColumns(items.map((item) => item.after));
      const [before, after] = [sql`i.before`, sql`i.after`];
      // Restore only the columns the run changed (the keys of `after`), and only where the row still
      // holds what the run wrote; a missing `before` key is SQL NULL, which `->` returns for it.
      const sets = columns.map((column) => setFromRecorded(column, records(after, column), recordedValue(before, column)));
      const holds = columns.map(
        (column) => sql`(NOT ${records(after, column)} OR ${column} IS NOT DISTINCT FROM ${recordedValue(after, column)})`,
      );
      const stamp = stamped(columns);
      if (stamp) {
        for (const column of [stamp.runId, stamp.at])
          sets.push(setFromRecorded(column, records(after, stamp.when), recordedValue(before, column)));
        holds.push(sql`(NOT ${records(after, stamp.when)} OR ${stamp.runId} IS NOT DISTINCT FROM ${undoneRunId}::int)`);
      }
      if (sets.length === 0) return new Set();
      const payload = items.map((item) => ({ row_id: item.rowId, before: item.before ?? {}, after: item.after ?? {} }));
      const restored = await queryRows<{ id: number }>(
        tx,
        sql`UPDATE ${table} SET ${sql.join(sets, sql`, `)}, ${sql.identifier(updatedAt.name)} = now()
            FROM jsonb_to_recordset(${jsonParam(payload)}) AS i(row_id int, before jsonb, after jsonb)
            WHERE ${key} = i.row_id AND ${sql.join(holds, sql` AND `)}
            RETURNING ${key} AS id`,
      );
      return new Set(restored.map((r) => r.id));
    },

    pendingOutcome: (db) => classifyWhere(db, sql`(${mayNeedChange})`),

    async pendingCount(db) {
      const [row] = await queryRows<{ pending: number }>(
        db,
        sql`SELECT count(*)::int AS pending FROM ${table} WHERE ${mayNeedChange}`,
      );
      return row.pending;
    },

    async fingerprint(db) {
      const [row] = await queryRows<{ rows: number; maxId: number | null; maxUpdatedAt: string | null; writes: string }>(
        db,
        sql`SELECT count(*)::int AS rows, max(${key}) AS "maxId", to_json(max(${updatedAt})) #>> '{}' AS "maxUpdatedAt",
                   (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ${writeSequence})::text AS writes
            FROM ${table}`,
      );
      return { rows: row.rows, maxId: row.maxId, maxUpdatedAt: row.maxUpdatedAt, writes: Number(row.writes) };
    },

    async othersWriting(tx) {
      // A transaction that wrote the table holds ROW EXCLUSIVE on it until it ends.
      const [row] = await queryRows<{ writing: boolean }>(
        tx,
        sql`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = ${getTableName(table)}::regclass
              AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()) AS writing`,
      );
      return row.writing;
    },

    async verify(tx, context) {
      const noun = declaration.wording.rowsNoun;
      const [{ rowsNow }] = await queryRows<{ rowsNow: number }>(
        tx,
        sql`SELECT count(*)::int AS "rowsNow" FROM ${table} WHERE ${key} <= ${context.upToId}`,
      );
      const left = await leftToChange(tx, context);
      const errors = context.counts.errors;
      const errorsLeft = errors === 0 ? "no errors" : `${counted(errors, "errors")} left as they are`;
      return verificationOf([
        countCheck(
          "no_legacy_rows_left",
          `No ${noun} left that a run would still change, except the rows reported as errors`,
          0,
          left,
          left === 0
            ? `Nothing left to change: 0 ${noun} a run would still change, ${errorsLeft}`
            : `${count(left)} ${noun} a run would still change, besides ${errorsLeft}`,
        ),
        countCheck(
          "row_count_unchanged",
          `The run added or removed no ${noun}`,
          context.totalAtStart,
          rowsNow,
          `${count(context.totalAtStart)} ${noun} before the run, ${count(rowsNow)} after`,
        ),
        ...((await declaration.extraChecks?.(tx, context)) ?? []),
        await itemsRecordedCheck(tx, context.runId, context.counts),
      ]);
    },
  };
}
