/**
 * The SQL the engine derives from a table migration's declaration: how a declared column is read for
 * the classifier, and how a value recorded in an item's `before`/`after` (JSON, keyed by SQL column
 * name) is turned back into that column's type for the set-based write, the undo and its checks.
 * Nothing here names a table: the table and its columns come from the declaration (Drizzle objects).
 */
import "server-only";
import { Column, type SQL, is, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** A row property the classifier reads: a column of the table, or a read-only SQL expression. */
export type ColumnSource = PgColumn | SQL;

export function isColumn(source: ColumnSource): source is PgColumn {
  return is(source, Column);
}

function isJson(column: PgColumn): boolean {
  const type = column.getSQLType();
  return type === "jsonb" || type === "json";
}

/**
 * How a source is selected. jsonb as text (parsed here, not by the driver: SQL NULL and JSON null
 * stay distinct, and both drivers hand the classifier the same values), timestamps as the ISO text
 * Postgres writes in JSON (microseconds kept, so undo restores them exactly), enums as text, and a
 * SQL expression as JSON text, whatever its type.
 */
export function selectExpression(source: ColumnSource): SQL {
  if (!isColumn(source)) return sql`to_jsonb(${source})::text`;
  if (isJson(source)) return sql`${source}::text`;
  if (source.getSQLType().startsWith("timestamp")) return sql`to_json(${source}) #>> '{}'`;
  if (source.columnType === "PgEnumColumn") return sql`${source}::text`;
  return sql`${source}`;
}

/** Selected as JSON text, to be parsed (SQL NULL becomes `undefined`): jsonb columns and SQL expressions. */
export function selectedAsJson(source: ColumnSource): boolean {
  return !isColumn(source) || isJson(source);
}

/**
 * A recorded value as the column's type: `object` is a jsonb expression (an item's `before` or
 * `after`), and a missing key yields SQL NULL. varchar goes through text: an explicit cast to
 * varchar(n) would cut a long value silently, where the assignment refuses it.
 */
export function recordedValue(object: SQL, column: PgColumn): SQL {
  const key = sql.raw(`'${column.name}'`);
  const type = column.getSQLType();
  if (type === "jsonb") return sql`(${object} -> ${key})`;
  if (type === "json") return sql`(${object} -> ${key})::json`;
  const target = /^(varchar|char|character)\b/.test(type) ? "text" : type;
  return sql`(${object} ->> ${key})::${sql.raw(target)}`;
}

/** `object ? 'column'`: the recorded change includes this column. */
export function records(object: SQL, column: PgColumn): SQL {
  return sql`${object} ? ${sql.raw(`'${column.name}'`)}`;
}

/** `column = CASE WHEN object has it THEN its value ELSE the column as it is END`, for UPDATE ... SET. */
export function setFromRecorded(column: PgColumn, when: SQL, value: SQL): SQL {
  return sql`${sql.identifier(column.name)} = CASE WHEN ${when} THEN ${value} ELSE ${column} END`;
}
