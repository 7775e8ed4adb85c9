"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { Badge } from "@/components/admin/badges";
import type { ActionState } from "@/lib/action-state";
import type { IntegrityReport } from "@/server/integrity/run";
import { runIntegrityCheckAction } from "./actions";
import { TableScroll } from "@/components/admin/table-scroll";

const idle: ActionState<IntegrityReport> = { status: "idle" };

export function IntegrityCheck() {
  const [state, action] = useActionState(runIntegrityCheckAction, idle);
  const report = state.status === "success" ? state.data : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <form action={action}>
          <SubmitButton pendingLabel="Checking every table…">
            {report ? "Run the check again" : "Run integrity check"}
          </SubmitButton>
        </form>
        <a href="/admin/integrity/report" className={buttonClasses("secondary")} download>
          Download JSON report
        </a>
      </div>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {report ? (
        <div className="space-y-2">
          <p role="status" className="text-sm text-slate-700">
            {report.ok
              ? "Every table passed."
              : `${report.tables.filter((t) => !t.ok).length} of ${report.tables.length} tables need attention.`}{" "}
            Checked at <time dateTime={report.checkedAt}>{report.checkedAt.slice(11, 19)} UTC</time> in {report.durationMs} ms.
          </p>
          <TableScroll label="Integrity check results">
            <table className="card-table min-w-full text-left text-sm">
              <caption className="sr-only">Integrity check results, one row per table</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Table
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Rows
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Result
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Checks
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.tables.map((table) => (
                  <tr key={table.table} className="align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {table.label}
                      <span className="block font-mono text-xs font-normal text-slate-500">{table.table}</span>
                    </th>
                    <td data-label="Rows" className="px-3 py-2 text-right tabular-nums">
                      {table.rowCount.toLocaleString("en")}
                    </td>
                    <td data-label="Result" className="px-3 py-2">
                      {table.ok ? (
                        <Badge tone="green">OK</Badge>
                      ) : (
                        <div className="flex flex-col items-start gap-1">
                          <Badge tone="red">{`${table.offendingRows.toLocaleString("en")} offending`}</Badge>
                          <Link
                            href={`/admin/integrity/${table.table}`}
                            className="text-sm font-semibold text-brand-700 underline underline-offset-2"
                          >
                            View offending rows<span className="sr-only"> in {table.label}</span>
                          </Link>
                        </div>
                      )}
                    </td>
                    <td data-label="Checks" className="px-3 py-2">
                      {table.checks.length === 0 ? (
                        <span className="text-slate-500">Row count only</span>
                      ) : (
                        <ul className="space-y-1">
                          {table.checks.map((check) => (
                            <li key={check.id} className="flex flex-wrap items-baseline gap-2">
                              <span aria-hidden className={check.offendingRows ? "text-red-700" : "text-emerald-700"}>
                                {check.offendingRows ? "✗" : "✓"}
                              </span>
                              <span>{check.label}</span>
                              {check.offendingRows ? (
                                <Link
                                  href={`/admin/integrity/${table.table}?check=${encodeURIComponent(check.id)}`}
                                  className="font-semibold text-red-800 underline underline-offset-2"
                                >
                                  {`${check.offendingRows.toLocaleString("en")} row${check.offendingRows === 1 ? "" : "s"}`}
                                  <span className="sr-only"> failing: {check.label}</span>
                                </Link>
                              ) : (
                                <span className="sr-only">passed</span>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
    </div>
  );
}
