"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/field";
import { RunProgress } from "@/components/admin/run-progress";
import type { ProgressView } from "@/lib/migrations/progress-view";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { cancelRunAction } from "./actions";
import { runName } from "@/lib/migrations/run-values";

const idle: ActionState = { status: "idle" };

/** Cancel a run in progress: it rolls back and is recorded as cancelled by this admin. */
export function CancelRunButton({ run }: { run: { id: number; mode: ProgressView["mode"] } }) {
  const runId = run.id;
  const [state, action] = useActionState(cancelRunAction, idle);
  const asked = state.status === "success";
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="runId" value={runId} />
      <SubmitButton variant="secondary" disabled={asked} pendingLabel="Cancelling…">
        {asked ? "Cancelling…" : `Cancel ${runName(run).toLowerCase()}`}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** A run's live progress with its cancel button, wherever the dashboard shows a run in progress. */
export function CancellableRunProgress(props: { initial: ProgressView; onFinished?: (progress: ProgressView) => void }) {
  return <RunProgress {...props} whileRunning={(run) => <CancelRunButton run={run} />} />;
}
