import type { ReactNode } from "react";
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from "@/lib/athlete/assessment-status";

const TONES = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  blue: "bg-brand-50 text-brand-700 ring-brand-100",
  grey: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

const STATUS_TONES: Record<string, Tone> = {
  completed: "green",
  running: "blue",
  failed: "red",
  cancelled: "grey",
  migrated: "green",
  flagged: "amber",
  skipped: "grey",
  error: "red",
  restored: "green",
  conflict: "amber",
};

const STATUS_LABELS: Record<string, string> = {
  completed: "Completed",
  running: "Running",
  failed: "Failed",
  cancelled: "Cancelled",
  migrated: "Migrated",
  flagged: "Flagged",
  skipped: "Skipped",
  error: "Error",
  restored: "Restored",
  conflict: "Conflict",
  dry_run: "Preview (dry run)",
  apply: "Applied",
  undo: "Undo",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** A run or item status, in words and colour (the words carry the meaning; colour only helps). */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? "grey"}>{statusLabel(status)}</Badge>;
}

const ASSESSMENT_TONES: Record<AssessmentStatus, Tone> = {
  none: "grey",
  current: "green",
  needs_reassessment: "amber",
  legacy_format: "blue",
  invalid: "red",
};

/** Where a user's assessment stands (the users list and the user's page). */
export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  return <Badge tone={ASSESSMENT_TONES[status]}>{ASSESSMENT_STATUS_LABELS[status]}</Badge>;
}
