import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows } from "@/db/client";
import { INTEGRITY_TABLES, type IntegrityTableDefinition, integrityTable } from "./catalogue";
import { formatRowCursor, parseRowCursor } from "./cursor";

export interface IntegrityCheckResult {
  id: string;
  label: string;
  offendingRows: number;
}

export interface IntegrityTableResult {
  table: string;
  label: string;
  rowCount: number;
  /** Rows failing at least one check of this table (a row failing two checks counts once). */
  offendingRows: number;
  ok: boolean;
  checks: IntegrityCheckResult[];
}

/** The result of one run of the data-integrity check; also the body of its JSON download. */
export interface IntegrityReport {
  checkedAt: string;
  durationMs: number;
  ok: boolean;
  tables: IntegrityTableResult[];
}

function anyCheck(definition: IntegrityTableDefinition): SQL {
  if (definition.checks.length === 0) return sql`false`;
  return sql.join(
    definition.checks.map((c) => sql`(${c.condition})`),
    sql` OR `,
  );
}

/** One scan per table: its row count and, in the same pass, how many rows fail each check. */
async function checkTable(db: DbOrTx, definition: IntegrityTableDefinition): Promise<IntegrityTableResult> {
  const counts = [
    sql`count(*)::int AS "total"`,
    sql`(count(*) FILTER (WHERE ${anyCheck(definition)}))::int AS "any"`,
    ...definition.checks.map((c, i) => sql`(count(*) FILTER (WHERE ${c.condition}))::int AS ${sql.identifier(`c${i}`)}`),
  ];
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT ${sql.join(counts, sql`, `)} FROM ${sql.identifier(definition.table)} t`,
  );
  const offendingRows = Number(row.any);
  return {
    table: definition.table,
    label: definition.label,
    rowCount: Number(row.total),
    offendingRows,
    ok: offendingRows === 0,
    checks: definition.checks.map((c, i) => ({ id: c.id, label: c.label, offendingRows: Number(row[`c${i}`]) })),
  };
}

/**
 * Run every check on every table, on demand (never on a page render: it reads whole tables). The
 * tables are read in one read-only repeatable-read transaction, so the counts agree with each other
 * even while athletes keep writing.
 */
export async function runIntegrityCheck(db: Db, now: () => number = Date.now): Promise<IntegrityReport> {
  const started = now();
  const tables = await db.transaction(
    async (tx) => {
      const results: IntegrityTableResult[] = [];
      for (const definition of INTEGRITY_TABLES) results.push(await checkTable(tx, definition));
      return results;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return {
    checkedAt: new Date(started).toISOString(),
    durationMs: now() - started,
    ok: tables.every((t) => t.ok),
    tables,
  };
}

export interface OffendingRow {
  /** The row's key, as a cursor string ("12", or "3,7" for two-column keys). */
  key: string;
  values: Record<string, unknown>;
  /** Ids of the checks this row fails. */
  failedChecks: string[];
}

export interface OffendingRowsPage {
  rows: OffendingRow[];
  /** Cursor for the next page, or null on the last one. */
  next: string | null;
}

/**
 * A page of the rows failing a table's checks (one check when `checkId` is given), in key order.
 * Returns null for an unknown table or check.
 */
export async function listOffendingRows(
  db: DbOrTx,
  table: string,
  options: { checkId?: string; after?: string | null; limit?: number } = {},
): Promise<OffendingRowsPage | null> {
  const definition = integrityTable(table);
  if (!definition) return null;
  const check = options.checkId ? definition.checks.find((c) => c.id === options.checkId) : undefined;
  if (options.checkId && !check) return null;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);

  const keyColumns = sql.join(
    definition.key.map((k) => sql`t.${sql.identifier(k)}`),
    sql`, `,
  );
  const conditions: SQL[] = [check ? check.condition : anyCheck(definition)];
  const after = parseRowCursor(options.after, definition.key.length);
  if (after) {
    conditions.push(
      sql`(${keyColumns}) > (${sql.join(
        after.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  }
  const valuesObject = sql.join(
    definition.columns.map((c) => sql`${c}::text, t.${sql.identifier(c)}`),
    sql`, `,
  );
  const failed = definition.checks.map((c, i) => sql`coalesce((${c.condition}), false) AS ${sql.identifier(`c${i}`)}`);
  const keys = definition.key.map((k, i) => sql`t.${sql.identifier(k)} AS ${sql.identifier(`k${i}`)}`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT jsonb_build_object(${valuesObject}) AS "values", ${sql.join([...keys, ...failed], sql`, `)}
        FROM ${sql.identifier(definition.table)} t
        WHERE ${sql.join(
          conditions.map((c) => sql`(${c})`),
          sql` AND `,
        )}
        ORDER BY ${keyColumns}
        LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit).map((row) => ({
    key: formatRowCursor(definition.key.map((_, i) => row[`k${i}`])),
    values: (typeof row.values === "string" ? JSON.parse(row.values) : row.values) as Record<string, unknown>,
    failedChecks: definition.checks.filter((_, i) => row[`c${i}`] === true).map((c) => c.id),
  }));
  return { rows: page, next: rows.length > limit ? page[page.length - 1].key : null };
}
