import { runName } from "@/lib/migrations/run-values";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { requireAdmin } from "@/server/auth/session";
import { USER_RUNS_LIMIT, getAdminUserDetail } from "@/server/queries/admin-user-detail";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AssessmentStatusBadge, Badge, StatusBadge, statusLabel } from "@/components/admin/badges";
import { DateTime } from "@/components/admin/date-time";
import { ChangedValues } from "@/components/admin/run-items-table";
import { TableScroll } from "@/components/admin/table-scroll";
import { parseId } from "@/lib/ids";
import { RoleChangeForm } from "../role-form";
import { ResetLinkForm } from "../reset-link-form";
import { listResetLinks, type ResetLinkStatus } from "@/server/auth/password-reset";

const RESET_LINK_STATUS: Record<ResetLinkStatus, string> = {
  open: "Open",
  used: "Used",
  expired: "Expired",
  superseded: "Replaced by a newer link",
};

export const metadata: Metadata = { title: "User · Admin" };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const json = (value: unknown) =>
  value === null || value === undefined ? (
    <span className="text-slate-400">null</span>
  ) : (
    <code className="font-mono text-xs">{JSON.stringify(value)}</code>
  );

/** One user, for an admin: the account, the assessment and its flags, and every migration run that touched them. */
export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const admin = await requireAdmin(`/admin/users/${userId}`);
  const id = parseId(userId) ?? notFound();
  const db = await getDb();
  const [detail, resetLinks] = await Promise.all([getAdminUserDetail(db, id), listResetLinks(db, id)]);
  if (!detail) notFound();
  const { user, assessment, training, runs } = detail;
  const isSelf = user.id === admin.id;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users" className="font-semibold text-brand-700 underline underline-offset-2">
          ← All users
        </Link>
      </p>
      <PageHeader
        title={user.email}
        description={`${user.name ?? "No name given"}${isSelf ? " (you)" : ""}`}
        actions={<RoleChangeForm userId={user.id} email={user.email} role={user.role} isSelf={isSelf} />}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <dl className="grid grid-cols-2 gap-4">
            <Fact label="Role">
              <Badge tone={user.role === "admin" ? "blue" : "grey"}>{user.role === "admin" ? "Admin" : "Athlete"}</Badge>
            </Fact>
            <Fact label="Joined">
              <DateTime value={user.createdAt} />
            </Fact>
            <Fact label="Training sessions">{training.sessions.toLocaleString("en")}</Fact>
            <Fact label="Last session">
              {training.lastSessionAt ? <DateTime value={training.lastSessionAt} /> : "None logged yet"}
            </Fact>
            <Fact label="Password">{user.hasPassword ? "Set" : "None: imported account that has not set one"}</Fact>
            <Fact label="Weight unit">{user.weightUnit}</Fact>
          </dl>
          <section aria-labelledby="reset-link-heading" className="mt-6 space-y-3 border-t border-slate-200 pt-4">
            <h3 id="reset-link-heading" className="text-sm font-semibold">
              Password reset link
            </h3>
            <ResetLinkForm userId={user.id} email={user.email} />
            {resetLinks.length === 0 ? (
              <p className="text-sm text-slate-600">No reset link was ever issued for this user, by email or by an admin.</p>
            ) : (
              <ul className="space-y-1 text-sm text-slate-700" aria-label="Reset links issued">
                {resetLinks.map((link) => (
                  <li key={link.id}>
                    <DateTime value={link.createdAt} /> {link.issuedBy ? `by ${link.issuedBy}` : "emailed on request"}:{" "}
                    <Badge tone={link.status === "open" ? "blue" : link.status === "used" ? "green" : "grey"}>
                      {RESET_LINK_STATUS[link.status]}
                    </Badge>
                    {link.endedAt ? (
                      <span className="text-slate-500">
                        {" "}
                        <DateTime value={link.endedAt} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Card>

        <Card title="Assessment" actions={<AssessmentStatusBadge status={detail.assessmentStatus} />}>
          {assessment ? (
            <dl className="grid grid-cols-2 gap-4">
              <Fact label="Equipment">{json(assessment.equipment)}</Fact>
              <Fact label="Equipment items">{json(assessment.equipmentItems)}</Fact>
              <Fact label="Sport">{assessment.sport ?? "—"}</Fact>
              <Fact label="Experience">{assessment.experienceLevel ?? "—"}</Fact>
              <Fact label="Goal">{assessment.goal ?? "—"}</Fact>
              <Fact label="Days per week">{assessment.daysPerWeek ?? "—"}</Fact>
              <Fact label="Age">{assessment.age ?? "—"}</Fact>
              <Fact label="Last changed">
                <DateTime value={assessment.updatedAt} />
              </Fact>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">No assessment yet: the user is asked for one at their next sign-in.</p>
          )}
        </Card>
      </div>

      <Card title="Flags">
        {assessment?.needsReassessment ? (
          <dl className="grid gap-4 sm:grid-cols-3">
            <Fact label="Needs re-assessment">
              <Badge tone="amber">Yes</Badge>
            </Fact>
            <Fact label="Reason">{assessment.reassessmentReason ?? "No reason recorded"}</Fact>
            <Fact label="Flagged">
              {assessment.flaggedAt ? <DateTime value={assessment.flaggedAt} /> : "—"}
              {assessment.flaggedByRunId ? (
                <>
                  {" by "}
                  <Link
                    href={`/admin/runs/${assessment.flaggedByRunId}`}
                    className="font-semibold text-brand-700 underline underline-offset-2"
                  >
                    run #{assessment.flaggedByRunId}
                  </Link>
                </>
              ) : null}
            </Fact>
          </dl>
        ) : (
          <p className="text-sm text-slate-600">Not flagged: nothing asks this user to re-assess.</p>
        )}
      </Card>

      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-base font-semibold">
          Migration runs that touched this user
        </h2>
        {runs.length === 0 ? (
          <EmptyState title="No run touched this user">
            A run that changes, flags or reports this user&apos;s data lists it here, with the values before and after.
          </EmptyState>
        ) : (
          <TableScroll label="Migration runs that touched this user">
            <table className="card-table min-w-full text-left text-sm">
              <caption className="sr-only">Migration runs that touched {user.email}, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Run
                  </th>
                  <th scope="col" className="px-3 py-2">
                    What happened
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Before
                  </th>
                  <th scope="col" className="px-3 py-2">
                    After
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {runs.map(({ run, item }) => (
                  <tr key={item.id} className="align-top">
                    <td data-label="Run" className="min-w-48 px-3 py-2">
                      <Link href={`/admin/runs/${run.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                        {runName(run)}
                      </Link>
                      <span className="block text-xs text-slate-600">
                        {statusLabel(run.mode)} of <span className="font-mono">{run.migrationId}</span>
                      </span>
                      <span className="block text-xs text-slate-600">
                        <DateTime value={run.startedAt} /> by {run.startedBy}
                      </span>
                      {run.undoneByRunId ? (
                        <span className="block text-xs text-slate-600">Undone by run #{run.undoneByRunId}</span>
                      ) : null}
                    </td>
                    <td data-label="What happened" className="px-3 py-2">
                      <StatusBadge status={item.status} />
                      {run.status !== "completed" ? (
                        <span className="mt-1 block text-xs text-slate-600">Run {statusLabel(run.status).toLowerCase()}</span>
                      ) : null}
                    </td>
                    <td data-label="Before" className="min-w-56 px-3 py-2">
                      <ChangedValues values={item.before} />
                    </td>
                    <td data-label="After" className="min-w-56 px-3 py-2">
                      <ChangedValues values={item.after} />
                    </td>
                    <td data-label="Reason" className="max-w-xs min-w-48 px-3 py-2 text-slate-700">
                      {item.reason ?? <span className="text-slate-400">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {runs.length === USER_RUNS_LIMIT ? (
          <p className="text-sm text-slate-600">The {USER_RUNS_LIMIT} most recent runs are shown.</p>
        ) : null}
      </section>
    </div>
  );
}
