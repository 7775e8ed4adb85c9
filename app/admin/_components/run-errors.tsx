import { Link } from "@/components/ui/link";
import type { MigrationRun } from "@/db/schema";
import { getDb } from "@/server/db";
import { listRunItems } from "@/server/migrations/queries";
import { currentFixValues, fixFieldsOf, listRowFixes } from "@/server/migrations/row-fix";
import type { AnyDataMigration } from "@/server/migrations/types";
import { Badge } from "@/components/admin/badges";
import { DateTime } from "@/components/admin/date-time";
import { fixFieldText } from "@/lib/migrations/row-fix";
import { RowFixForm } from "./row-fix-form";

const ERRORS_SHOWN = 10;

/**
 * A preview's or run's first error rows, each with its fix-in-place form (only the migration's own
 * columns, prefilled with the row's values now), and the fixes already made from this run.
 */
export async function RunErrors({ run, migration }: { run: MigrationRun; migration: AnyDataMigration | null }) {
  const db = await getDb();
  const [errors, fixes] = await Promise.all([
    run.errors > 0 ? listRunItems(db, { runId: run.id, status: "error", limit: ERRORS_SHOWN }) : null,
    listRowFixes(db, run.id),
  ]);
  const fixFields = migration && run.status === "completed" ? fixFieldsOf(migration) : [];
  const fixValues =
    errors && migration && fixFields.length > 0
      ? new Map(
          await Promise.all(
            errors.rows.map(async (item) => {
              const current = await currentFixValues(db, migration, item.rowId);
              const text = Object.fromEntries(
                fixFields.map((field) => [field.column, fixFieldText(field, current?.[field.column])]),
              );
              return [item.rowId, current ? text : null] as const;
            }),
          ),
        )
      : null;
  const migrationPath = `/admin/migrations/${encodeURIComponent(run.migrationId)}`;

  return (
    <>
      {errors && errors.rows.length > 0 ? (
        <section aria-labelledby="errors-heading" className="space-y-2">
          <h2 id="errors-heading" className="text-xl font-bold">
            Errors
          </h2>
          <p className="text-sm text-slate-600">
            Rows with data the rules cannot convert. They were left untouched.
            {fixFields.length > 0 ? (
              <>
                {" "}
                Fix a row here (only {fixFields.map((f) => f.column).join(" and ")}; the value must pass the migration&apos;s
                rules), then preview again.
              </>
            ) : (
              <> Correct them at the source, then preview again.</>
            )}
          </p>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {errors.rows.map((item) => {
              const fixed = fixes.find((f) => f.rowId === item.rowId);
              const values = fixValues?.get(item.rowId);
              return (
                <li key={item.id} className="px-3 py-2 text-sm">
                  <span className="font-medium break-all">{item.userEmail ?? `row ${item.rowId}`}</span>{" "}
                  <span className="text-slate-500">(row {item.rowId})</span>: <span className="text-red-800">{item.reason}</span>
                  {fixed ? (
                    <span className="ml-2 inline-flex flex-wrap items-center gap-1">
                      <Badge tone="green">Fixed</Badge>
                      <span className="text-slate-600">
                        by {fixed.fixedBy} <DateTime value={fixed.fixedAt} withSeconds />
                      </span>
                    </span>
                  ) : null}
                  {values ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer font-semibold text-brand-700">Fix row {item.rowId}</summary>
                      <RowFixForm
                        runId={run.id}
                        rowId={item.rowId}
                        fields={fixFields}
                        values={values}
                        migrationPath={migrationPath}
                      />
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {errors.total > errors.rows.length ? (
            <Link
              href={`/admin/runs/${run.id}?status=error#details`}
              className="text-sm font-semibold text-brand-700 underline underline-offset-2"
            >
              See all {errors.total.toLocaleString("en")} errors
            </Link>
          ) : null}
        </section>
      ) : null}

      {fixes.length > 0 ? (
        <section aria-labelledby="fixes-heading" className="space-y-2">
          <h2 id="fixes-heading" className="text-xl font-bold">
            Fixed in place
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {fixes.map((fix) => (
              <li key={fix.id} className="px-3 py-2 text-sm">
                Row {fix.rowId}, by {fix.fixedBy} <DateTime value={fix.fixedAt} withSeconds />:{" "}
                <span className="font-mono break-all">{JSON.stringify(fix.before)}</span> →{" "}
                <span className="font-mono break-all">{JSON.stringify(fix.after)}</span>
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-600">
            <Link href={migrationPath} className="font-semibold text-brand-700 underline underline-offset-2">
              Preview again
            </Link>{" "}
            to see what a run would do with the fixed rows.
          </p>
        </section>
      ) : null}
    </>
  );
}
