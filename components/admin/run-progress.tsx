"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useId, useState } from "react";
import { formatDuration } from "./date-time";
import type { ProgressView } from "@/lib/migrations/progress-view";

const POLL_MS = 1000;

const MODE_WORDS: Record<ProgressView["mode"], string> = { dry_run: "Preview", apply: "Run", undo: "Undo" };

function eta(seconds: number | null): string {
  if (seconds === null) return "estimating…";
  return seconds < 1 ? "under a second" : formatDuration(seconds * 1000);
}

/**
 * Live progress of a run: processed/total, rows/s, ETA and who started it. Polls the run's progress
 * route while it runs (so it keeps working after a reload, and for a run another instance is doing),
 * then calls `onFinished`, or refreshes the page so it shows the finished run.
 */
export function RunProgress({
  initial,
  onFinished,
  whileRunning,
}: {
  initial: ProgressView;
  onFinished?: (progress: ProgressView) => void;
  /** Controls shown while the run is in progress (the cancel button), given its id. */
  whileRunning?: (run: { id: number; mode: ProgressView["mode"] }) => ReactNode;
}) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const running = progress.status === "running";

  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/admin/runs/${progress.runId}/progress`, { cache: "no-store" });
        const body = await response.json();
        if (cancelled) return;
        if (!response.ok) throw new Error(body?.error ?? `The server answered ${response.status}.`);
        setProblem(null);
        setProgress(body as ProgressView);
      } catch (error) {
        if (!cancelled) setProblem(error instanceof Error ? error.message : "The server did not answer.");
      }
      if (!cancelled) setAttempt((n) => n + 1);
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [running, progress.runId, attempt]);

  useEffect(() => {
    if (running) return;
    if (onFinished) onFinished(progress);
    else router.refresh();
    // Only the transition out of "running" matters; the callbacks may change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);

  const percent = progress.total > 0 ? Math.min(100, Math.round((progress.processed / progress.total) * 100)) : running ? 0 : 100;
  const what = `${MODE_WORDS[progress.mode]} #${progress.runId}`;
  const state = running
    ? "in progress"
    : progress.status === "completed"
      ? "finished"
      : progress.status === "cancelled"
        ? "cancelled"
        : "failed";

  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {what} {state}
      </h2>
      <div
        role="progressbar"
        aria-label={`${what} progress`}
        aria-valuemin={0}
        aria-valuemax={Math.max(progress.total, 1)}
        aria-valuenow={progress.total > 0 ? progress.processed : 0}
        aria-valuetext={`${progress.processed.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rows`}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] ${progress.status === "failed" ? "bg-red-600" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Processed</dt>
          <dd className="font-semibold tabular-nums">
            {progress.processed.toLocaleString("en")} / {progress.total.toLocaleString("en")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Rate</dt>
          <dd className="font-semibold tabular-nums">{progress.rowsPerSecond.toLocaleString("en")} rows/s</dd>
        </div>
        <div>
          <dt className="text-slate-500">{running ? "Time left" : "Status"}</dt>
          <dd className="font-semibold">{running ? eta(progress.etaSeconds) : state}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Started by</dt>
          <dd className="font-semibold break-all">
            {progress.startedBy} <span className="font-normal text-slate-500">at {progress.startedAt.slice(11, 19)} UTC</span>
          </dd>
        </div>
      </dl>
      {running && whileRunning ? <div className="mt-3">{whileRunning({ id: progress.runId, mode: progress.mode })}</div> : null}
      {progress.error ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {progress.error}
        </p>
      ) : null}
      {problem ? (
        <p role="status" className="mt-3 text-sm text-amber-800">
          Lost contact with the server ({problem}); trying again…
        </p>
      ) : null}
    </section>
  );
}
