"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { decideApprovalAction, requestApprovalAction, setApprovalRequirementAction } from "@/app/admin/migrations/actions";

const idle: ActionState = { status: "idle" };

export type RequirementChoice = "default" | "required" | "not_required";

/** Whether runs of this migration (or, with migrationId "*", of every migration) need approval. */
export function RequirementForm({
  migrationId,
  current,
  label,
  followsDefaultLabel,
}: {
  migrationId: string;
  current: RequirementChoice;
  label: string;
  /** The "follow the default" choice's words; absent for the default's own form. */
  followsDefaultLabel?: string;
}) {
  const [state, action] = useActionState(setApprovalRequirementAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="migrationId" value={migrationId} />
      <SelectField label={label} name="requirement" defaultValue={current} errors={errors?.requirement} className="min-w-56">
        {followsDefaultLabel ? <option value="default">{followsDefaultLabel}</option> : null}
        <option value="required">Another admin must approve</option>
        <option value="not_required">No approval needed</option>
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state.status === "error" && errors ? undefined : state} />
      </div>
    </form>
  );
}

/** Ask another admin to approve a run as the latest preview showed it. */
export function RequestApprovalForm({ migrationId, previewRunId }: { migrationId: string; previewRunId: number }) {
  const [state, action] = useActionState(requestApprovalAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3" aria-label="Ask for approval">
      <input type="hidden" name="migrationId" value={migrationId} />
      <input type="hidden" name="previewRunId" value={previewRunId} />
      <TextAreaField
        label={`Note for the approving admin (preview #${previewRunId})`}
        name="note"
        defaultValue={state.status === "error" ? state.values?.note : undefined}
        errors={errors?.note}
        maxLength={2000}
      />
      <SubmitButton pendingLabel="Asking…">Ask for approval</SubmitButton>
      <FormMessage state={state.status === "error" && errors ? undefined : state} />
    </form>
  );
}

/** Approve or decline another admin's request, with a note. */
export function DecideApprovalForm({ approvalId }: { approvalId: number }) {
  const [state, action] = useActionState(decideApprovalAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3" aria-label={`Decide request #${approvalId}`}>
      <input type="hidden" name="approvalId" value={approvalId} />
      <TextAreaField
        label="Your note"
        name="note"
        defaultValue={state.status === "error" ? state.values?.note : undefined}
        errors={errors?.note}
        maxLength={2000}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel="Saving…">
          Approve
        </SubmitButton>
        <SubmitButton name="decision" value="decline" variant="secondary" pendingLabel="Saving…">
          Decline
        </SubmitButton>
      </div>
      <FormMessage state={state.status === "error" && errors?.note ? undefined : state} />
    </form>
  );
}
