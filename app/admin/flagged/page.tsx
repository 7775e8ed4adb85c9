import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/server/db";
import { countFlaggedUsers, listFlaggedUsers } from "@/server/queries/admin-flagged";
import { requireAdmin } from "@/server/auth/session";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { CopyEmailsButton } from "@/app/admin/flagged/_components/copy-emails-button";
import { Pager } from "@/components/admin/pager";
import { DateTime } from "@/components/admin/date-time";
import { idParam, type SearchParams } from "@/lib/search-params";
import { TableScroll } from "@/components/admin/table-scroll";
import { headers } from "next/headers";
import { flaggedNoticeSummary, listFlaggedNotices, previewFlaggedNotice } from "@/server/queries/flagged-notices";
import { publicOrigin } from "@/server/mail/links";
import { FlaggedNotices } from "./flagged-notices";
import { usesDemoOutbox } from "@/server/mail/demo-outbox";

export const metadata: Metadata = { title: "Flagged users · Admin" };

export default async function FlaggedUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/flagged");
  const after = idParam(await searchParams, "after");
  const db = await getDb();
  const origin = publicOrigin(await headers());
  const [total, page, preview, summary, notices] = await Promise.all([
    countFlaggedUsers(db),
    listFlaggedUsers(db, { after, limit: 50 }),
    previewFlaggedNotice(db, origin),
    flaggedNoticeSummary(db),
    listFlaggedNotices(db, { limit: 50 }),
  ]);

  return (
    <div>
      <PageHeader
        title="Flagged users"
        description={`${total.toLocaleString("en")} user${total === 1 ? "" : "s"} waiting to re-assess their equipment. They see a prompt to update it when they sign in.`}
        actions={
          <>
            <CopyEmailsButton source="/admin/flagged/emails" count={total} />
            <a href="/admin/flagged/csv" className={buttonClasses("secondary")} download>
              Export CSV
            </a>
          </>
        }
      />
      {page.users.length === 0 ? (
        <EmptyState title="Nobody is flagged">
          Users appear here when a migration flags their assessment, for example basic equipment without the specific items.
        </EmptyState>
      ) : (
        <TableScroll label="Flagged users table">
          <table className="card-table min-w-full text-left text-sm">
            <caption className="sr-only">Users flagged for re-assessment</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Email
                </th>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
                <th scope="col" className="px-3 py-2">
                  Flagged since
                </th>
                <th scope="col" className="px-3 py-2">
                  Flagged by
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.users.map((user) => (
                <tr key={user.userId}>
                  <td data-label="Email" className="min-w-48 px-3 py-2 font-medium [overflow-wrap:anywhere]">
                    {user.email}
                  </td>
                  <td data-label="Reason" className="px-3 py-2 text-slate-700">
                    {user.reason ?? <span className="text-slate-400">No reason recorded</span>}
                  </td>
                  <td data-label="Flagged since" className="px-3 py-2 whitespace-nowrap">
                    {user.flaggedAt ? <DateTime value={user.flaggedAt} /> : "—"}
                  </td>
                  <td data-label="Flagged by" className="px-3 py-2 whitespace-nowrap">
                    {user.flaggedByRunId ? (
                      <Link
                        href={`/admin/runs/${user.flaggedByRunId}`}
                        className="font-semibold text-brand-700 underline underline-offset-2"
                      >
                        Run #{user.flaggedByRunId}
                        {user.flaggedByMigrationId ? <span className="sr-only"> of {user.flaggedByMigrationId}</span> : null}
                      </Link>
                    ) : (
                      <span className="text-slate-500">Before run records</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager basePath="/admin/flagged" params={{}} next={page.next} isFirstPage={!after} label="Flagged user pages" />
      <FlaggedNotices preview={preview} summary={summary} notices={notices} demoOutbox={usesDemoOutbox()} />
    </div>
  );
}
