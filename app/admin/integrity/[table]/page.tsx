import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { requireAdmin } from "@/server/auth/session";
import { integrityTable } from "@/server/integrity/catalogue";
import { listOffendingRows } from "@/server/integrity/run";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/admin/pager";
import { param, type SearchParams } from "@/lib/search-params";
import { TableScroll } from "@/components/admin/table-scroll";

export const metadata: Metadata = { title: "Offending rows · Admin" };

function cell(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default async function OffendingRowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ table: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { table } = await params;
  await requireAdmin(`/admin/integrity/${encodeURIComponent(table)}`);
  const query = await searchParams;
  const definition = integrityTable(table);
  if (!definition) notFound();
  const checkId = param(query, "check");
  const after = param(query, "after");
  const page = await listOffendingRows(await getDb(), table, { checkId, after, limit: 50 });
  if (!page) notFound();
  const check = definition.checks.find((c) => c.id === checkId);
  const labelOf = (id: string) => definition.checks.find((c) => c.id === id)?.label ?? id;

  return (
    <div>
      <PageHeader
        title={`Offending rows: ${definition.label}`}
        description={check ? `Rows failing “${check.label}”.` : "Rows failing at least one check of this table."}
        actions={
          <Link href="/admin/integrity" className="text-sm font-semibold text-brand-700 underline underline-offset-2">
            Back to the integrity check
          </Link>
        }
      />
      {definition.checks.length > 0 ? (
        <nav aria-label="Checks" className="mb-4 flex flex-wrap gap-2 text-sm">
          {[{ id: undefined, label: "All checks" }, ...definition.checks].map((c) => (
            <Link
              key={c.id ?? "all"}
              href={c.id ? `/admin/integrity/${table}?check=${encodeURIComponent(c.id)}` : `/admin/integrity/${table}`}
              aria-current={c.id === checkId ? "page" : undefined}
              className={`rounded-full px-3 py-1 ring-1 ring-inset ${c.id === checkId ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {c.label}
            </Link>
          ))}
        </nav>
      ) : null}
      {page.rows.length === 0 ? (
        <EmptyState title="No offending rows">{after ? "That was the last page." : "Every row of this table passes."}</EmptyState>
      ) : (
        <TableScroll label="Offending rows">
          <table className="card-table min-w-full text-left text-sm">
            <caption className="sr-only">Offending rows of {definition.label}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                {definition.columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 font-mono normal-case">
                    {c}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  Fails
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => (
                <tr key={row.key} className="align-top">
                  {definition.columns.map((c) => (
                    <td key={c} data-label={c} className="max-w-xs px-3 py-2 font-mono text-xs break-words">
                      {cell(row.values[c])}
                    </td>
                  ))}
                  <td data-label="Fails" className="px-3 py-2">
                    <ul className="space-y-0.5 text-xs text-red-800">
                      {row.failedChecks.map((id) => (
                        <li key={id}>{labelOf(id)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager
        basePath={`/admin/integrity/${table}`}
        params={{ check: checkId }}
        next={page.next}
        isFirstPage={!after}
        label="Offending row pages"
      />
    </div>
  );
}
