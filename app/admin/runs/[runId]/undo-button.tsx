"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { CancellableRunProgress } from "@/app/admin/runs/cancel-run-button";
import type { ProgressView } from "@/lib/migrations/progress-view";
import type { ActionState } from "@/lib/action-state";
import { undoRunAction } from "@/app/admin/runs/actions";

const idle: ActionState<ProgressView> = { status: "idle" };

/** Undo an applied run, after confirming; then its progress, then the undo run's own page. */
export function UndoRunButton({ runId, changedRows }: { runId: number; changedRows: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState<ProgressView | null>(null);
  const [stateAtOpen, setStateAtOpen] = useState<ActionState<ProgressView> | null>(null);
  const [state, action] = useActionState(async (previous: ActionState<ProgressView>, formData: FormData) => {
    const result = await undoRunAction(previous, formData);
    if (result.status === "success" && result.data) {
      setLive(result.data);
      setOpen(false);
    }
    return result;
  }, idle);
  const running = live?.status === "running";

  return (
    <div className="space-y-3">
      <Button
        variant="danger"
        aria-haspopup="dialog"
        disabled={Boolean(live)}
        onClick={() => {
          setStateAtOpen(state);
          setOpen(true);
        }}
      >
        Undo this run…
      </Button>
      {live ? (
        <CancellableRunProgress key={live.runId} initial={live} onFinished={(p) => router.push(`/admin/runs/${p.runId}`)} />
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)} title={`Undo run #${runId}?`}>
        <form action={action} className="space-y-4">
          <FormMessage state={state === stateAtOpen ? undefined : state} />
          <input type="hidden" name="runId" value={runId} />
          <p className="text-sm text-slate-700">
            This restores the values the run changed in {changedRows.toLocaleString("en")} row{changedRows === 1 ? "" : "s"}, in
            one transaction. A row edited since the run is left as it is and reported as a conflict. The undo is recorded as a run
            of its own, with a report.
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              Cancel
            </Button>
            <SubmitButton variant="danger" disabled={running} pendingLabel="Starting the undo…">
              Undo run
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
