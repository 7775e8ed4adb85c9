import type { AnyRunMode, RunStatus } from "./run-values";

/** A run's live progress as the browser receives it (dates as ISO text), from actions and the progress route. */
export interface ProgressView {
  runId: number;
  migrationId: string;
  mode: AnyRunMode;
  status: RunStatus;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  processed: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  error: string | null;
}
