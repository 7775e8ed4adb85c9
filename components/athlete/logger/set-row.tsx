"use client";

import type { SetText } from "@/lib/athlete/logger-state";
import type { SetFieldErrors } from "@/lib/athlete/session-sync";
import { RECORD_LABELS, type RecordKind } from "@/lib/training/records";

export type PreviousSet = { weight: string; reps: string } | null;

/** One row as the logger shows it: typed, or logged (and then saved, or on its way). */
export type SetRowView = {
  id: string;
  text: SetText;
  logged: boolean;
  /** Logged here, not yet acknowledged by the server. */
  pending: boolean;
  errors: SetFieldErrors;
  notice?: string;
  marks?: { kind: RecordKind; first: boolean }[];
};

export const SET_GRID = "grid grid-cols-[1.25rem_minmax(0,3.5rem)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,2.5rem)_2.25rem_2.75rem_1.5rem] gap-1.5 sm:gap-2";

const inputClass =
  "block w-full min-w-0 rounded-md border-0 px-1 py-2 text-center text-base tabular-nums ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-500 aria-[invalid=true]:bg-red-50";

/** One set: last time's values, weight, reps, optional RPE, missed, and the tick that logs it. */
export function SetRow({
  index,
  exerciseName,
  row,
  unit,
  previous,
  placeholder,
  onChange,
  onToggle,
  onRemove,
}: {
  index: number;
  exerciseName: string;
  row: SetRowView;
  unit: string;
  previous: PreviousSet;
  /** What the empty fields show (and a tick logs): today's suggestion, or last time's values. */
  placeholder: PreviousSet;
  onChange: (patch: Partial<SetText>) => void;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const label = `${exerciseName}, set ${index + 1}`;
  const hasErrors = Object.values(row.errors).some(Boolean);
  // Shown as logged only when valid: a row with an error is never green, whatever was ticked.
  const logged = row.logged && !hasErrors;
  const realRecords = logged ? (row.marks?.filter((r) => !r.first) ?? []) : [];
  const baseline = logged && (row.marks?.length ?? 0) > 0 && realRecords.length === 0;
  const errorId = `${row.id}-errors`;
  const errorText = Object.values(row.errors).filter(Boolean).join(" ");
  const field = (name: "weight" | "reps" | "rpe") => ({
    "aria-invalid": row.errors[name] ? true : undefined,
    "aria-describedby": errorText ? errorId : undefined,
  });
  return (
    <li className={`rounded-md px-1 py-1 ${logged ? (realRecords.length ? "bg-amber-50" : "bg-emerald-50") : ""}`} data-testid="set-row" data-logged={logged ? "true" : "false"}>
      <div className={`${SET_GRID} items-center`}>
        <span className="text-center text-sm font-semibold text-slate-500">{index + 1}</span>
        {previous ? (
          <button
            type="button"
            disabled={logged}
            onClick={() => onChange({ weight: previous.weight, reps: previous.reps })}
            className="truncate rounded px-1 py-2 text-left text-xs text-slate-500 hover:bg-slate-100 disabled:hover:bg-transparent"
            aria-label={`Last time: ${previous.weight ? `${previous.weight} ${unit}` : "bodyweight"} for ${previous.reps} reps. Use these values for ${label}`}
          >
            {previous.weight || "BW"}×{previous.reps}
          </button>
        ) : (
          <span className="px-1 text-xs text-slate-400" aria-hidden>
            —
          </span>
        )}
        <input aria-label={`${label}: weight (${unit})`} inputMode="decimal" autoComplete="off" value={row.text.weight} placeholder={placeholder?.weight || "0"} onChange={(e) => onChange({ weight: e.target.value })} className={inputClass} {...field("weight")} />
        <input aria-label={`${label}: reps`} inputMode="numeric" autoComplete="off" value={row.text.reps} placeholder={placeholder?.reps || ""} onChange={(e) => onChange({ reps: e.target.value })} className={inputClass} {...field("reps")} />
        <input aria-label={`${label}: RPE (optional)`} inputMode="decimal" autoComplete="off" value={row.text.rpe} placeholder="–" onChange={(e) => onChange({ rpe: e.target.value })} className={inputClass} {...field("rpe")} />
        <button
          type="button"
          onClick={() => onChange({ missed: !row.text.missed })}
          aria-pressed={row.text.missed}
          aria-label={`${label}: missed attempt`}
          title="Missed attempt (counts with 0 reps)"
          className={`h-9 rounded-md text-[11px] font-bold ${row.text.missed ? "bg-red-600 text-white" : "text-slate-500 ring-1 ring-slate-300 hover:bg-slate-100"}`}
        >
          Miss
        </button>
        <button
          type="button"
          onClick={onToggle}
          aria-pressed={logged}
          aria-label={logged ? `Undo ${label}` : `Log ${label}`}
          className={`flex h-10 w-10 items-center justify-center rounded-md text-lg font-bold ${logged ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-500 ring-1 ring-slate-300 hover:bg-slate-200"}`}
        >
          ✓
        </button>
        <button type="button" onClick={onRemove} aria-label={`Remove ${label}`} className="h-8 w-7 rounded text-slate-400 hover:bg-slate-100 hover:text-red-600">
          ×
        </button>
      </div>
      {errorText ? (
        <p id={errorId} role="alert" className="mt-1 pl-6 text-xs text-red-700">
          {errorText}
        </p>
      ) : null}
      {row.notice ? <p className="mt-1 pl-6 text-xs text-amber-800" data-testid="set-notice">{row.notice}</p> : null}
      {logged && row.pending ? <p className="sr-only">Saving</p> : null}
      {realRecords.length ? (
        <p className="mt-1 flex flex-wrap gap-1 pl-6" data-testid="pr-badges">
          {realRecords.map((r) => (
            <span key={r.kind} className="rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-amber-950">
              PR · {RECORD_LABELS[r.kind]}
            </span>
          ))}
        </p>
      ) : baseline ? (
        <p className="mt-1 pl-6 text-xs text-emerald-800">First time logged: this is your baseline.</p>
      ) : null}
    </li>
  );
}
