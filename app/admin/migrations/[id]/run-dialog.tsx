"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action-state";
import type { ProgressView } from "@/lib/migrations/progress-view";
import { SUMMARY_COUNTS } from "@/lib/migrations/run-values";

interface PreviewStatus {
  preview: { runId: number; startedAt: string; summary: Record<string, number> } | null;
  stale: boolean;
  changes: string[];
}

/**
 * The confirmation before a real run: the latest preview's counts, whether the data changed since
 * (then: preview again), and the migration's id typed out. The server checks all of it again.
 */
export function RunDialog({
  open,
  onClose,
  migrationId,
  approvalId,
  embedded,
  blockedBy,
  previewing,
  statusVersion,
  runState,
  runAction,
  onPreviewAgain,
}: {
  embedded: boolean;
  /** Why a run cannot start for want of an approval (a new preview needs a new one). */
  blockedBy: string | null;
  /** A preview started from this dialog is running: its counts replace these when it ends. */
  previewing: boolean;
  /** Bumped when a preview ends, so the dialog checks the latest preview again. */
  statusVersion: number;
  open: boolean;
  onClose: () => void;
  migrationId: string;
  approvalId: number | null;
  runState: ActionState<ProgressView>;
  runAction: (formData: FormData) => void;
  onPreviewAgain: () => void;
}) {
  const [status, setStatus] = useState<PreviewStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState("");

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    fetch(`/admin/migrations/${encodeURIComponent(migrationId)}/preview-status`, { cache: "no-store" })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error ?? `The server answered ${response.status}.`);
        if (!cancelled) setStatus(body as PreviewStatus);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(error instanceof Error ? error.message : "The preview could not be checked.");
      });
    return () => {
      cancelled = true;
      setStatus(null);
      setProblem(null);
      setTyped("");
    };
  }, [open, migrationId, statusVersion]);

  const preview = status?.preview ?? null;
  const ready = Boolean(preview) && !status?.stale && !blockedBy && typed.trim() === migrationId;
  const errors = runState.status === "error" ? runState.fieldErrors : undefined;

  return (
    <Dialog open={open} onClose={onClose} title="Run this migration for real?">
      {!status && !problem ? (
        <p role="status" className="text-sm text-slate-600">
          Checking whether the latest preview is still current…
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {status && !preview ? (
        <div className="space-y-3">
          <p className="text-sm">A run follows a preview. Preview the migration first and review what it would change.</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            {previewing ? (
              <p role="status" className="text-sm font-semibold">
                Previewing…
              </p>
            ) : (
              <Button onClick={onPreviewAgain}>Preview migration</Button>
            )}
          </div>
        </div>
      ) : null}
      {preview ? (
        <div className="space-y-4">
          <div>
            <p className="text-sm text-slate-700">
              The latest preview (#{preview.runId}, {preview.startedAt.slice(0, 16).replace("T", " ")} UTC) found:
            </p>
            <dl aria-label="Latest preview" className="mt-2 grid grid-cols-3 gap-2 text-center sm:grid-cols-5">
              {SUMMARY_COUNTS.map(([key, label]) => (
                <div key={key} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="font-bold tabular-nums">{(preview.summary[key] ?? 0).toLocaleString("en")}</dd>
                </div>
              ))}
            </dl>
          </div>
          {status?.stale ? (
            <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              <p className="font-semibold">This preview is stale: the data changed since it ran.</p>
              <ul className="mt-1 list-disc pl-5">
                {status.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
              {previewing ? (
                <p role="status" className="mt-3 font-semibold">
                  Previewing again: this dialog shows the new counts when it finishes.
                </p>
              ) : (
                <Button className="mt-3" onClick={onPreviewAgain}>
                  Preview again
                </Button>
              )}
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              The data has not changed since this preview. The run changes the rows in one transaction: all or nothing. You can
              undo it afterwards.
            </p>
          )}
          {blockedBy && !status?.stale ? (
            <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              {blockedBy}
            </p>
          ) : null}
          {embedded ? (
            <p role="note" className="rounded-md bg-slate-50 p-3 text-sm text-slate-800 ring-1 ring-slate-200">
              This app runs on the embedded database, which has one connection: the run finishes before Cancel can be reached, and
              every other page waits until it does. For a long run, move to PostgreSQL first (operator guide, &ldquo;Moving from
              the embedded database to PostgreSQL&rdquo;), or stop the app and run it from the command line, where Ctrl-C cancels
              it.
            </p>
          ) : null}
          <form action={runAction} className="space-y-4">
            <FormMessage state={runState.status === "error" && !errors ? runState : undefined} />
            <input type="hidden" name="migrationId" value={migrationId} />
            <input type="hidden" name="previewRunId" value={preview.runId} />
            {approvalId ? <input type="hidden" name="approvalId" value={approvalId} /> : null}
            <TextField
              label={`Type ${migrationId} to confirm`}
              name="confirmation"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              errors={errors?.confirmation}
              disabled={status?.stale}
            />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <SubmitButton variant="danger" disabled={!ready} pendingLabel="Starting the run…">
                Run migration
              </SubmitButton>
            </div>
          </form>
        </div>
      ) : null}
    </Dialog>
  );
}
