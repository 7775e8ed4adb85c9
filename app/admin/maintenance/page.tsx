import type { Metadata } from "next";
import { getDb } from "@/server/db";
import { requireAdmin } from "@/server/auth/session";
import { listMaintenanceNotices } from "@/server/queries/maintenance-notices";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type Tone } from "@/components/admin/badges";
import { DateTime } from "@/components/admin/date-time";
import { LEAD_TIMES } from "@/lib/maintenance/notice";
import { type NoticePhase, noticePhase } from "@/lib/maintenance/phase";
import { ScheduleNoticeForm } from "./schedule-form";
import { EndNoticeButton } from "./end-notice-button";

export const metadata: Metadata = { title: "Maintenance · Admin" };

const PHASES: Record<NoticePhase, { label: string; tone: Tone }> = {
  scheduled: { label: "Scheduled, not shown yet", tone: "grey" },
  announced: { label: "Shown to users", tone: "blue" },
  in_progress: { label: "In progress", tone: "amber" },
  completed: { label: "Ended early", tone: "green" },
  cancelled: { label: "Cancelled", tone: "grey" },
  over: { label: "Over", tone: "grey" },
};

export default async function AdminMaintenancePage() {
  await requireAdmin("/admin/maintenance");
  const now = new Date();
  const notices = await listMaintenanceNotices(await getDb());

  return (
    <div className="space-y-6">
      <PageHeader
        title="Planned maintenance"
        description="Tell every signed-in user about downtime before it happens. The banner appears at the lead time you choose, and clears itself when the window ends."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,24rem)_1fr]">
        <Card title="Schedule maintenance">
          <ScheduleNoticeForm />
        </Card>
        <section aria-labelledby="notices-heading" className="min-w-0 space-y-3">
          <h2 id="notices-heading" className="text-base font-semibold">
            Notices
          </h2>
          {notices.length === 0 ? (
            <EmptyState title="No maintenance planned">
              Schedule one with the form: users are told from the time you choose.
            </EmptyState>
          ) : (
            <ul className="space-y-3" aria-label="Maintenance notices">
              {notices.map((notice) => {
                const phase = noticePhase(notice, now);
                const open = phase === "scheduled" || phase === "announced" || phase === "in_progress";
                const lead = LEAD_TIMES.find(([m]) => m === notice.leadMinutes)?.[1] ?? `${notice.leadMinutes} minutes before`;
                return (
                  <li key={notice.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0">
                        <p className="text-sm font-semibold">
                          #{notice.id} · <DateTime value={notice.startsAt} /> to <DateTime value={notice.endsAt} />
                        </p>
                        <p className="mt-0.5 text-xs text-slate-600">
                          Users told {lead.toLowerCase()} (from <DateTime value={notice.notifyFrom} />) · scheduled by{" "}
                          {notice.createdBy}
                        </p>
                      </div>
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={PHASES[phase].tone}>{PHASES[phase].label}</Badge>
                        <EndNoticeButton noticeId={notice.id} started={phase === "in_progress"} canEnd={open} />
                      </div>
                    </div>
                    <p className="mt-2 text-sm [overflow-wrap:anywhere] whitespace-pre-line">{notice.message}</p>
                    {notice.endedAt ? (
                      <p className="mt-2 rounded-md bg-emerald-50 p-2 text-sm [overflow-wrap:anywhere] text-emerald-900">
                        Ended <DateTime value={notice.endedAt} /> by {notice.endedBy}: {notice.completionMessage}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
