/**
 * Which tables a dump holds, in which order, and what the dump needs to know about each of them
 * (SQL column names, primary key, foreign keys, unique columns). Everything but the order is read
 * from the Drizzle schema, so a column the schema gains is exported and validated without a change
 * here; a new table fails `tables.test.ts` until it is placed in DUMP_TABLE_ORDER or NOT_DUMPED.
 */
import "server-only";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { type PgColumn, PgTable, getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/**
 * Every table in an order where each one comes after the tables it references, so records can be
 * inserted in file order. The order is part of the dump format (see docs/data-dump-format.md).
 */
export const DUMP_TABLE_ORDER = [
  "users",
  "assessments",
  "muscles",
  "exercises",
  "exercise_muscles",
  "splits",
  "split_days",
  "split_day_exercises",
  "history_imports",
  "history_import_exercises",
  "workout_sessions",
  "session_exercises",
  "session_sets",
  "session_tombstones",
  "migration_runs",
  "migration_run_items",
  "migration_row_fixes",
  "migration_settings",
  "migration_approvals",
  "migration_change_notices",
  "maintenance_notices",
  "flagged_user_notices",
] as const;
export type DumpTableName = (typeof DUMP_TABLE_ORDER)[number];

/** Tables of db/schema deliberately left out of dumps, with the reason. */
export const NOT_DUMPED: Record<string, string> = {
  auth_sessions: "signed-in devices belong to the deployment they signed in to: after an import everyone signs in again",
  history_import_previews: "an uploaded history file waiting a day at most for the athlete to confirm it; they upload it again",
  history_import_preview_workouts: "the workouts of those previews",
  rate_limits: "throttle counters expire within the hour; carrying them over would only lock people out",
  password_reset_tokens: "reset links are bearer secrets valid for an hour: never copied, and a user asks again after a move",
  api_tokens:
    "personal access tokens are bearer secrets (stored hashed, shown once): never copied, so a dump opens no API; athletes make new ones after a move",
  api_idempotency_keys: "stored answers to retried API writes, kept a day: a retry after a move is a new request",
  mail_queue: "outgoing mail belongs to the deployment that sends it; who was told is kept in flagged_user_notices",
  webhook_endpoints:
    "an endpoint's signing secret is sealed with this deployment's AUTH_SECRET, which another cannot open: athletes register their endpoints again",
  webhook_deliveries: "deliveries are this deployment's outbox, of endpoints that are not dumped",
};

/** Columns left out unless the dump is taken with secrets (`--include-secrets`). */
export const SECRET_COLUMNS: Partial<Record<DumpTableName, readonly string[]>> = {
  users: ["password_hash"],
};

export interface ForeignKeyRef {
  column: string;
  table: string;
  foreignColumn: string;
}

export interface DumpTable {
  name: DumpTableName;
  table: PgTable;
  /** Columns in schema order, which is the key order of every exported row. */
  columns: PgColumn[];
  /** Primary key column names (two for exercise_muscles). */
  primaryKey: string[];
  foreignKeys: ForeignKeyRef[];
  /** Single columns with a UNIQUE constraint (users.email, muscles.name, ...). */
  uniqueColumns: string[];
  /** Identity columns whose sequence is moved past the imported ids. */
  identityColumns: string[];
}

export function isDumpTableName(value: unknown): value is DumpTableName {
  return typeof value === "string" && (DUMP_TABLE_ORDER as readonly string[]).includes(value);
}

/** All PgTable objects exported by db/schema, keyed by SQL table name. */
export function schemaTablesByName(): Map<string, PgTable> {
  const tables = new Map<string, PgTable>();
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) tables.set(getTableName(value), value);
  }
  return tables;
}

function describeTable(name: DumpTableName, table: PgTable): DumpTable {
  const config = getTableConfig(table);
  const columns = Object.values(getTableColumns(table)) as PgColumn[];
  const compositeKey = config.primaryKeys[0]?.columns.map((c) => c.name);
  const primaryKey = compositeKey ?? columns.filter((c) => c.primary).map((c) => c.name);
  const foreignKeys = config.foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    // Every foreign key in the schema is single-column; a composite one would need tuple lookups.
    if (ref.columns.length !== 1) throw new Error(`${name}: composite foreign keys are not supported by dumps`);
    return [{ column: ref.columns[0].name, table: getTableName(ref.foreignTable), foreignColumn: ref.foreignColumns[0].name }];
  });
  for (const ref of schema.unenforcedReferences) {
    if (ref.table === name) foreignKeys.push({ column: ref.column, table: ref.foreignTable, foreignColumn: ref.foreignColumn });
  }
  return {
    name,
    table,
    columns,
    primaryKey,
    foreignKeys,
    uniqueColumns: columns.filter((c) => c.isUnique).map((c) => c.name),
    identityColumns: columns.filter((c) => c.generatedIdentity !== undefined).map((c) => c.name),
  };
}

let described: DumpTable[] | undefined;

/** The dump tables in DUMP_TABLE_ORDER with their metadata. */
export function dumpTables(): DumpTable[] {
  if (!described) {
    const byName = schemaTablesByName();
    described = DUMP_TABLE_ORDER.map((name) => {
      const table = byName.get(name);
      if (!table) throw new Error(`Dump table ${name} is not in db/schema`);
      return describeTable(name, table);
    });
  }
  return described;
}

export function dumpTable(name: DumpTableName): DumpTable {
  return dumpTables()[DUMP_TABLE_ORDER.indexOf(name)];
}

/** The columns exported for a table: all of them, minus secrets unless asked for. */
export function exportedColumns(table: DumpTable, includeSecrets: boolean): PgColumn[] {
  const secret = SECRET_COLUMNS[table.name] ?? [];
  return includeSecrets ? table.columns : table.columns.filter((c) => !secret.includes(c.name));
}

export function emptyTableCounts(): Record<DumpTableName, number> {
  return Object.fromEntries(DUMP_TABLE_ORDER.map((name) => [name, 0])) as Record<DumpTableName, number>;
}
