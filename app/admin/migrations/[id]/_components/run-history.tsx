import { runName } from "@/lib/migrations/run-values";
import { Link } from "@/components/ui/link";
import type { MigrationRun } from "@/db/schema";
import { StatusBadge, statusLabel } from "@/components/admin/badges";
import { DateTime, formatDuration } from "@/components/admin/date-time";
import { TableScroll } from "@/components/admin/table-scroll";

function counts(run: MigrationRun): string {
  if (run.mode === "undo")
    return `${run.restored.toLocaleString("en")} restored, ${run.conflicts.toLocaleString("en")} conflicts`;
  return [
    `${run.migrated.toLocaleString("en")} migrated`,
    `${run.flagged.toLocaleString("en")} flagged`,
    `${run.skipped.toLocaleString("en")} skipped`,
    `${run.errors.toLocaleString("en")} errors`,
  ].join(", ");
}

/** Runs of a migration: who, when, dry or applied, status, counts and duration, each linking to its page. */
export function RunHistory({ runs, caption }: { runs: MigrationRun[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="card-table min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Run
            </th>
            <th scope="col" className="px-3 py-2">
              Kind
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Started
            </th>
            <th scope="col" className="px-3 py-2">
              By
            </th>
            <th scope="col" className="px-3 py-2">
              Counts
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id}>
              <td data-label="Run" className="px-3 py-2 whitespace-nowrap">
                <Link href={`/admin/runs/${run.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                  {runName(run)}
                </Link>
              </td>
              <td data-label="Kind" className="px-3 py-2 whitespace-nowrap">
                {statusLabel(run.mode)}
              </td>
              <td data-label="Status" className="px-3 py-2">
                <StatusBadge status={run.status} />
              </td>
              <td data-label="Started" className="px-3 py-2 whitespace-nowrap">
                <DateTime value={run.startedAt} />
              </td>
              <td data-label="By" className="min-w-40 px-3 py-2 [overflow-wrap:anywhere]">
                {run.startedBy}
              </td>
              <td data-label="Counts" className="min-w-56 px-3 py-2 text-slate-700">
                {run.status === "failed" || run.status === "cancelled" ? (run.error ?? statusLabel(run.status)) : counts(run)}
              </td>
              <td data-label="Duration" className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {formatDuration(run.durationMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
