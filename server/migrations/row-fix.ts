/**
 * Fix in place: from a run's error list, an admin corrects one row's value. Only the migration's
 * own columns (its declared columns of the table, or its `fixable` ones), one row at a time, and
 * only to a value its rules accept (the row as corrected must not classify as an error). The change
 * and who made it are recorded in migration_row_fixes; the write is an ordinary one (counted by
 * the table's write trigger), so the migration's latest preview goes stale and the admin previews
 * again before a run.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database, DbOrTx } from "@/db/client";
import { type MigrationRowFix, migrationRowFixes, migrationRunItems, migrationRuns } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { type FixField, type FixKind, parseFixValue } from "@/lib/migrations/row-fix";
import type { RowStatus } from "@/lib/migrations/run-values";
import { jsonParam } from "./json-param";
import { getDataMigration } from "./registry";
import { readSourceRows } from "./define-migration";
import { type ColumnSource, isColumn, recordedValue } from "./table-sql";
import type { AnyDataMigration, SourceRow, StartedBy } from "./types";

function kindOf(column: PgColumn): FixKind {
  const type = column.getSQLType();
  if (type === "jsonb" || type === "json") return "json";
  if (type === "integer" || type === "smallint" || type === "bigint") return "integer";
  if (type === "boolean") return "boolean";
  return "text";
}

/** The fixable columns, each with the row property the classifier reads it as. */
function fixableColumns(migration: AnyDataMigration): { column: PgColumn; property: string }[] {
  const { declaration } = migration;
  const byColumn = new Map<PgColumn, string>();
  for (const [property, source] of Object.entries(declaration.columns) as [string, ColumnSource][]) {
    if (isColumn(source)) byColumn.set(source, property);
  }
  const columns = declaration.fixable ?? [...byColumn.keys()];
  return columns.flatMap((column) => {
    const property = byColumn.get(column);
    return property ? [{ column, property }] : [];
  });
}

/** The form's fields for a migration's error rows (none when it cannot be fixed in place). */
export function fixFieldsOf(migration: AnyDataMigration): FixField[] {
  return fixableColumns(migration).map(({ column }) => ({
    column: column.name,
    kind: kindOf(column),
    nullable: !column.notNull,
  }));
}

export interface RowFixRequest {
  runId: number;
  rowId: number;
  /** Text per SQL column name, as the form sends it; columns left out keep their value. */
  values: Record<string, string>;
  fixedBy: StartedBy;
}

export interface RowFixResult {
  fix: MigrationRowFix;
  /** What a run would now do with the row. */
  outcome: Exclude<RowStatus, "error">;
}

const refuse = (message: string, field?: string) => new UserFacingError(message, { status: 409, code: "fix_refused", field });

/** Correct one error row of a run, validated against the migration's rules; recorded with who and when. */
export async function fixErrorRow(database: Database, request: RowFixRequest): Promise<RowFixResult> {
  const [run] = await database.db.select().from(migrationRuns).where(eq(migrationRuns.id, request.runId));
  if (!run || run.mode === "undo") throw refuse(`Run #${request.runId} has no error list to fix from.`);
  const migration = getDataMigration(run.migrationId);
  const [item] = await database.db
    .select({ status: migrationRunItems.status })
    .from(migrationRunItems)
    .where(and(eq(migrationRunItems.runId, run.id), eq(migrationRunItems.rowId, request.rowId)))
    .limit(1);
  if (item?.status !== "error") throw refuse(`Row ${request.rowId} is not an error of run #${run.id}.`);
  const [running] = await database.db
    .select({ id: migrationRuns.id })
    .from(migrationRuns)
    .where(and(eq(migrationRuns.migrationId, run.migrationId), eq(migrationRuns.status, "running")));
  if (running) throw refuse(`Run #${running.id} of ${run.migrationId} is in progress: fix the row once it has ended.`);

  const fields = fixFieldsOf(migration);
  const columns = fixableColumns(migration);
  const unknown = Object.keys(request.values).filter((name) => !fields.some((f) => f.column === name));
  if (unknown.length > 0)
    throw refuse(`Only ${fields.map((f) => f.column).join(", ")} can be fixed here, not ${unknown.join(", ")}.`);

  const parsed = new Map<string, unknown>();
  for (const field of fields) {
    const text = request.values[field.column];
    if (text === undefined) continue;
    const value = parseFixValue(field, text);
    if (!value.ok) throw refuse(value.message, field.column);
    parsed.set(field.column, value.value);
  }
  if (parsed.size === 0) throw refuse("Change at least one value.");

  const { declaration } = migration;
  return database.db.transaction(async (tx) => {
    const [row] = await readSourceRows(tx, declaration, {
      where: sql`${declaration.key} = ${request.rowId}`,
      limit: 1,
      lock: sql`FOR UPDATE`,
    });
    if (!row) throw refuse(`Row ${request.rowId} no longer exists.`);
    const corrected: Record<string, unknown> = { ...row };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const { column, property } of columns) {
      if (!parsed.has(column.name)) continue;
      const old = (row as unknown as Record<string, unknown>)[property];
      const value = parsed.get(column.name);
      if (old !== undefined) before[column.name] = old;
      // A missing key stands for SQL NULL, as in run items.
      if (value !== undefined) after[column.name] = value;
      corrected[property] = value;
    }
    const outcome = declaration.classify(corrected as unknown as SourceRow);
    if (outcome.status === "error") {
      const field = [...parsed.keys()].find((name) => outcome.reason?.includes(name)) ?? [...parsed.keys()][0];
      throw refuse(`Still an error under the migration's rules: ${outcome.reason ?? "unknown reason"}.`, field);
    }
    const changed = columns.filter(({ column }) => parsed.has(column.name)).map(({ column }) => column);
    const payload = jsonParam(after);
    await tx.execute(sql`
      UPDATE ${declaration.table}
      SET ${sql.join(
        changed.map((column) => sql`${sql.identifier(column.name)} = ${recordedValue(payload, column)}`),
        sql`, `,
      )},
          ${sql.identifier(declaration.updatedAt.name)} = now()
      WHERE ${declaration.key} = ${request.rowId}`);
    const [fix] = await tx
      .insert(migrationRowFixes)
      .values({
        migrationId: run.migrationId,
        runId: run.id,
        rowId: request.rowId,
        before,
        after,
        fixedBy: request.fixedBy.label,
        fixedByUserId: request.fixedBy.userId ?? null,
      })
      .returning();
    return { fix, outcome: outcome.status };
  });
}

/** The fixes made from a run's error list, newest first. */
export async function listRowFixes(db: DbOrTx, runId: number): Promise<MigrationRowFix[]> {
  return db
    .select()
    .from(migrationRowFixes)
    .where(eq(migrationRowFixes.runId, runId))
    .orderBy(desc(migrationRowFixes.fixedAt), desc(migrationRowFixes.id));
}

/** The current values of a row's fixable columns, for the form (keyed by SQL column name). */
export async function currentFixValues(
  db: DbOrTx,
  migration: AnyDataMigration,
  rowId: number,
): Promise<Record<string, unknown> | null> {
  const { declaration } = migration;
  const [row] = await readSourceRows(db, declaration, { where: sql`${declaration.key} = ${rowId}`, limit: 1 });
  if (!row) return null;
  const values: Record<string, unknown> = {};
  for (const { column, property } of fixableColumns(migration))
    values[column.name] = (row as unknown as Record<string, unknown>)[property];
  return values;
}
