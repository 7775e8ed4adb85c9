import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/admin/badges";
import { DateTime } from "@/components/admin/date-time";
import { SummaryCards } from "@/components/admin/summary-cards";
import { TableScroll } from "@/components/admin/table-scroll";
import type { FlaggedNoticePreview, FlaggedNoticeRow, FlaggedNoticeSummary } from "@/server/queries/flagged-notices";
import { RefreshWhileSending, RetryDelivery, TellFlaggedUsers } from "./tell-flagged-users";

const DELIVERY = {
  pending: { label: "Waiting to send", tone: "blue" },
  sending: { label: "Sending", tone: "blue" },
  sent: { label: "Sent", tone: "green" },
  failed: { label: "Failed", tone: "red" },
} as const;

/** Telling flagged users (docs/operator-guide.md), on the flagged-users page: tell them, then see who was told and who re-assessed. */
export function FlaggedNotices({
  preview,
  summary,
  notices,
  demoOutbox,
}: {
  preview: FlaggedNoticePreview;
  summary: FlaggedNoticeSummary;
  notices: FlaggedNoticeRow[];
  /** The embedded demo without SMTP: "sent" messages were kept in its outbox, not handed to a server. */
  demoOutbox: boolean;
}) {
  const sentLabel = demoOutbox ? "In the demo outbox" : DELIVERY.sent.label;
  return (
    <section aria-labelledby="notices-heading" className="mt-8 space-y-4">
      <RefreshWhileSending active={summary.queued > 0} />
      <Card title={<span id="notices-heading">Tell flagged users</span>} actions={<TellFlaggedUsers preview={preview} />}>
        <p className="text-sm text-slate-700">
          {preview.recipients === 0
            ? summary.told === 0
              ? "Nobody is flagged and untold: when a migration flags users, tell them from here."
              : "Every flagged user has been told. Users flagged again by a later run can be told again."
            : `${preview.recipients.toLocaleString("en")} flagged user${preview.recipients === 1 ? " has" : "s have"} not been told yet. Preview the email before it is sent; each user gets it once per run that flagged them.`}
        </p>
      </Card>
      {summary.told > 0 ? (
        <>
          <SummaryCards
            label="Flagged users told"
            cards={[
              { label: "Told", value: summary.told },
              { label: sentLabel, value: summary.sent, tone: "good" },
              { label: "Waiting to send", value: summary.queued },
              { label: "Failed", value: summary.failed, tone: summary.failed > 0 ? "bad" : "neutral" },
              { label: "Re-assessed since", value: summary.reassessedSince, tone: "good" },
            ]}
          />
          {demoOutbox && summary.sent > 0 ? (
            <p className="text-sm text-slate-700">
              This demo sends no email: the messages are in the{" "}
              <Link href="/admin/outbox" className="font-semibold text-brand-700 underline underline-offset-2">
                demo outbox
              </Link>
              .
            </p>
          ) : null}
          {summary.failed > 0 ? (
            <p className="flex flex-wrap items-center gap-3 text-sm text-red-800">
              {summary.failed.toLocaleString("en")} message{summary.failed === 1 ? "" : "s"} could not be delivered after three
              attempts.
              <RetryDelivery label="Retry all failed" />
            </p>
          ) : null}
          <TableScroll label="Flagged users told">
            <table className="card-table min-w-full text-left text-sm">
              <caption className="sr-only">
                Flagged users told to re-assess, failed deliveries first, then the most recent
              </caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Told
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Flagged by
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Delivery
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Re-assessed since
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {notices.map((notice) => (
                  <tr key={notice.noticeId} className="align-top">
                    <td data-label="Email" className="min-w-48 px-3 py-2 font-medium [overflow-wrap:anywhere]">
                      <Link href={`/admin/users/${notice.userId}`} className="text-brand-700 underline underline-offset-2">
                        {notice.email}
                      </Link>
                    </td>
                    <td data-label="Told" className="px-3 py-2 whitespace-nowrap">
                      <DateTime value={notice.toldAt} />
                      <span className="block text-xs text-slate-600">by {notice.toldBy}</span>
                    </td>
                    <td data-label="Flagged by" className="px-3 py-2 whitespace-nowrap">
                      {notice.flaggedByRunId ? (
                        `Run #${notice.flaggedByRunId}`
                      ) : (
                        <span className="text-slate-500">Before run records</span>
                      )}
                    </td>
                    <td data-label="Delivery" className="px-3 py-2">
                      {notice.delivery ? (
                        <Badge tone={DELIVERY[notice.delivery].tone}>
                          {notice.delivery === "sent" ? sentLabel : DELIVERY[notice.delivery].label}
                        </Badge>
                      ) : (
                        <span className="text-slate-500">Not recorded</span>
                      )}
                      {notice.delivery === "failed" ? (
                        <span className="mt-1 block space-y-1 text-xs text-red-800">
                          <span className="block">{notice.lastError}</span>
                          <RetryDelivery
                            mailId={notice.mailId!}
                            label="Retry"
                            accessibleName={`Retry the message to ${notice.email}`}
                          />
                        </span>
                      ) : null}
                    </td>
                    <td data-label="Re-assessed since" className="px-3 py-2 whitespace-nowrap">
                      {notice.reassessedAt ? (
                        <DateTime value={notice.reassessedAt} />
                      ) : (
                        <span className="text-slate-500">Not yet</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {summary.told > notices.length ? (
            <p className="text-sm text-slate-600">The {notices.length} most recent are listed (failed ones first).</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
