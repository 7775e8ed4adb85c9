"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionToast } from "@/components/admin/action-toast";
import { CancellableRunProgress } from "@/app/admin/runs/cancel-run-button";
import type { ProgressView } from "@/lib/migrations/progress-view";
import type { ActionState } from "@/lib/action-state";
import { previewMigrationAction, runMigrationAction } from "@/app/admin/migrations/actions";
import { RunDialog } from "./run-dialog";

const idle: ActionState<ProgressView> = { status: "idle" };
const WATCH_MS = 3000;

/**
 * Preview and Run for one migration, and the live progress of whichever run of it is in progress:
 * one this admin started, or one another admin or app instance started (found by polling), which
 * also disables both buttons until it ends.
 */
export function MigrationControls({
  migrationId,
  initialRunning,
  runBlockedBy,
  approvalId,
  embedded,
}: {
  migrationId: string;
  /** On the embedded database (PGlite) a run holds its one connection to the end. */
  embedded: boolean;
  initialRunning: ProgressView | null;
  /** Why a run cannot start for want of another admin's approval; the server checks it again. */
  runBlockedBy: string | null;
  /** The approval a run starts with, when the migration needs one. */
  approvalId: number | null;
}) {
  const router = useRouter();
  const [live, setLive] = useState<ProgressView | null>(initialRunning);
  const [dialogOpen, setDialogOpen] = useState(false);
  // Counts the previews that ended while this page was open: the dialog then checks the latest again.
  const [previewsEnded, setPreviewsEnded] = useState(0);
  // The run result when the dialog last opened: older errors are not shown again.
  const [runStateAtOpen, setRunStateAtOpen] = useState<ActionState<ProgressView> | null>(null);
  const running = live?.status === "running";

  const [previewState, previewAction] = useActionState(async (previous: ActionState<ProgressView>, formData: FormData) => {
    const result = await previewMigrationAction(previous, formData);
    if (result.status === "success" && result.data) setLive(result.data);
    return result;
  }, idle);

  const [runState, runAction] = useActionState(async (previous: ActionState<ProgressView>, formData: FormData) => {
    const result = await runMigrationAction(previous, formData);
    if (result.status === "success" && result.data) {
      setLive(result.data);
      setDialogOpen(false);
    }
    return result;
  }, idle);

  // Watch for runs started elsewhere while nothing is running here.
  useEffect(() => {
    if (running) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/admin/migrations/${encodeURIComponent(migrationId)}/status`, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { running: ProgressView | null };
        if (!cancelled && body.running) setLive(body.running);
      } catch {
        // The next tick tries again; the page still works without the watcher.
      }
    }, WATCH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [running, migrationId]);

  function finished(progress: ProgressView) {
    setLive(progress);
    // A real run or an undo has its own page with the summary; a preview shows here once refreshed.
    if (progress.mode !== "dry_run") router.push(`/admin/runs/${progress.runId}`);
    else {
      router.refresh();
      setPreviewsEnded((n) => n + 1);
    }
  }

  const previewForm = (label: string) => (
    <form action={previewAction}>
      <input type="hidden" name="migrationId" value={migrationId} />
      <SubmitButton variant="secondary" disabled={running} pendingLabel="Starting the preview…">
        {label}
      </SubmitButton>
    </form>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        {previewForm("Preview migration")}
        <Button
          variant="danger"
          onClick={() => {
            setRunStateAtOpen(runState);
            setDialogOpen(true);
          }}
          disabled={running || runBlockedBy !== null}
          aria-haspopup="dialog"
          aria-describedby={runBlockedBy && !running ? "run-blocked" : undefined}
        >
          Run migration…
        </Button>
        {runBlockedBy && !running ? (
          <p id="run-blocked" className="text-sm text-slate-600">
            {runBlockedBy}
          </p>
        ) : null}
        {running ? (
          <p className="text-sm text-slate-600">
            Disabled while {live.mode === "dry_run" ? "a preview" : live.mode === "undo" ? "an undo" : "a run"} of this migration
            is in progress.
          </p>
        ) : null}
      </div>
      {live ? <CancellableRunProgress key={live.runId} initial={live} onFinished={finished} /> : null}
      <RunDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        migrationId={migrationId}
        approvalId={approvalId}
        embedded={embedded}
        blockedBy={runBlockedBy}
        runState={runState === runStateAtOpen ? idle : runState}
        runAction={runAction}
        previewing={running && live?.mode === "dry_run"}
        statusVersion={previewsEnded}
        onPreviewAgain={() => {
          // The preview runs with the dialog open, which shows its counts when it ends.
          const formData = new FormData();
          formData.set("migrationId", migrationId);
          startTransition(() => previewAction(formData));
        }}
      />
      <ActionToast state={previewState} />
    </div>
  );
}
