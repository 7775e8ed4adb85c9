import "server-only";
import type { RunProgress } from "./run-progress";
import type { ProgressView } from "@/lib/migrations/progress-view";

export type { ProgressView };

/** What the progress bar needs, serialisable for server actions and JSON. */
export function progressView(progress: RunProgress): ProgressView {
  return {
    runId: progress.runId,
    migrationId: progress.migrationId,
    mode: progress.mode,
    status: progress.status,
    startedBy: progress.startedBy,
    startedAt: progress.startedAt.toISOString(),
    finishedAt: progress.finishedAt?.toISOString() ?? null,
    total: progress.total,
    processed: progress.processed,
    rowsPerSecond: Math.round(progress.rowsPerSecond),
    etaSeconds: progress.etaSeconds === null ? null : Math.ceil(progress.etaSeconds),
    error: progress.error,
  };
}
