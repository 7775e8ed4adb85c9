import { Link } from "@/components/ui/link";
import type { MigrationApproval } from "@/db/schema";
import type { ApprovalState } from "@/server/migrations/approvals";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/admin/date-time";
import { DecideApprovalForm, RequestApprovalForm, RequirementForm, type RequirementChoice } from "./approval-forms";

const choiceOf = (value: boolean | null): RequirementChoice => (value === null ? "default" : value ? "required" : "not_required");

function Decision({ approval }: { approval: MigrationApproval }) {
  if (approval.status === "pending") return <>waiting for another admin</>;
  return (
    <>
      {approval.status} by {approval.decidedBy}, {approval.decidedAt ? <DateTime value={approval.decidedAt} /> : null}
      {approval.decisionNote ? <>: “{approval.decisionNote}”</> : null}
    </>
  );
}

/**
 * The two-person rule on a migration's page: whether runs need another admin's approval (this
 * migration's setting and the default), the request for the latest preview, and recent requests.
 */
export function ApprovalPanel({
  migrationId,
  state,
  previewRunId,
  viewerId,
}: {
  migrationId: string;
  state: ApprovalState;
  previewRunId: number | null;
  viewerId: number;
}) {
  const { requirement, usable, pending, recent } = state;
  return (
    <Card title="Approval" id="approval">
      <div className="space-y-4 text-sm">
        <p className="text-slate-700">
          {requirement.required
            ? "A run of this migration needs another admin's approval of its latest preview."
            : "Runs of this migration need no approval."}{" "}
          An approval is for one run, while its preview is the latest and the data has not changed, for 24 hours.
        </p>
        <div className="flex flex-wrap gap-6">
          <RequirementForm
            migrationId={migrationId}
            current={choiceOf(requirement.own)}
            label="This migration"
            followsDefaultLabel={`As the default (${requirement.byDefault ? "approval needed" : "no approval"})`}
          />
          <RequirementForm migrationId="*" current={choiceOf(requirement.byDefault)} label="Default for every migration" />
        </div>

        {usable ? (
          <p role="status" className="rounded-md bg-emerald-50 p-3 text-emerald-900 ring-1 ring-emerald-200">
            Approval #{usable.id}: {usable.requestedBy} asked, <Decision approval={usable} />. Good for one run of preview #
            {usable.previewRunId} until <DateTime value={usable.expiresAt} />.
          </p>
        ) : null}

        {pending ? (
          <div className="space-y-3 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
            <p>
              Request #{pending.id}: {pending.requestedBy} asked <DateTime value={pending.requestedAt} /> to run{" "}
              <Link
                href={`/admin/runs/${pending.previewRunId}`}
                className="font-semibold text-brand-700 underline underline-offset-2"
              >
                preview #{pending.previewRunId}
              </Link>
              : “{pending.requestNote}”
            </p>
            {pending.requestedByUserId === viewerId ? (
              <p className="text-slate-700">You asked: another admin approves or declines it.</p>
            ) : (
              <DecideApprovalForm approvalId={pending.id} />
            )}
          </div>
        ) : null}

        {requirement.required && previewRunId !== null && !usable && !pending ? (
          <RequestApprovalForm migrationId={migrationId} previewRunId={previewRunId} />
        ) : null}

        {recent.length > 0 ? (
          <details>
            <summary className="cursor-pointer font-semibold">Recent requests</summary>
            <ul className="mt-2 space-y-2">
              {recent.map((approval) => (
                <li key={approval.id}>
                  #{approval.id}, preview #{approval.previewRunId}: {approval.requestedBy} asked{" "}
                  <DateTime value={approval.requestedAt} /> (“{approval.requestNote}”); <Decision approval={approval} />
                  {approval.runId ? (
                    <>
                      ; used by{" "}
                      <Link href={`/admin/runs/${approval.runId}`} className="text-brand-700 underline underline-offset-2">
                        run #{approval.runId}
                      </Link>
                    </>
                  ) : null}
                  .
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
