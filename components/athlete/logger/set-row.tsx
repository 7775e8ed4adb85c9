"use client";

import type { DraftSet } from "@/lib/athlete/session-draft";
import { RECORD_LABELS } from "@/lib/training/records";

export type PreviousSet = { weight: string; reps: string } | null;

const inputClass =
  "block w-full min-w-0 rounded-md border-0 px-1 py-2 text-center text-base tabular-nums ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 read-only:bg-transparent read-only:ring-transparent aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-500";

/** One set: previous values, weight, reps, optional RPE, and the tick that logs it. */
export function SetRow({
  index,
  exerciseName,
  set,
  unit,
  previous,
  errors,
  onChange,
  onToggle,
  onRemove,
}: {
  index: number;
  exerciseName: string;
  set: DraftSet;
  unit: string;
  previous: PreviousSet;
  errors?: Partial<Record<"weight" | "reps" | "rpe" | "exerciseId", string>>;
  onChange: (field: "weight" | "reps" | "rpe", value: string) => void;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const label = `${exerciseName}, set ${index + 1}`;
  const realRecords = set.records?.filter((r) => !r.first) ?? [];
  const baseline = (set.records?.length ?? 0) > 0 && realRecords.length === 0;
  const errorId = `${set.key}-errors`;
  const errorText = errors ? Object.values(errors).filter(Boolean).join(" ") : "";
  return (
    <li className={`rounded-md px-1 py-1 ${set.done ? (realRecords.length ? "bg-amber-50" : "bg-emerald-50") : ""}`} data-testid="set-row">
      <div className="grid grid-cols-[1.25rem_minmax(0,3.75rem)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,2.75rem)_2.75rem_1.5rem] items-center gap-1.5 sm:gap-2">
        <span className="text-center text-sm font-semibold text-slate-500">{index + 1}</span>
        {previous ? (
          <button
            type="button"
            disabled={set.done}
            onClick={() => {
              onChange("weight", previous.weight);
              onChange("reps", previous.reps);
            }}
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
        <input
          aria-label={`${label}: weight (${unit})`}
          inputMode="decimal"
          autoComplete="off"
          value={set.weight}
          placeholder={previous?.weight || "0"}
          readOnly={set.done}
          aria-invalid={errors?.weight ? true : undefined}
          aria-describedby={errorText ? errorId : undefined}
          onChange={(e) => onChange("weight", e.target.value)}
          className={inputClass}
        />
        <input
          aria-label={`${label}: reps`}
          inputMode="numeric"
          autoComplete="off"
          value={set.reps}
          placeholder={previous?.reps || ""}
          readOnly={set.done}
          aria-invalid={errors?.reps ? true : undefined}
          aria-describedby={errorText ? errorId : undefined}
          onChange={(e) => onChange("reps", e.target.value)}
          className={inputClass}
        />
        <input
          aria-label={`${label}: RPE (optional)`}
          inputMode="decimal"
          autoComplete="off"
          value={set.rpe}
          placeholder="–"
          readOnly={set.done}
          aria-invalid={errors?.rpe ? true : undefined}
          aria-describedby={errorText ? errorId : undefined}
          onChange={(e) => onChange("rpe", e.target.value)}
          className={inputClass}
        />
        <button
          type="button"
          onClick={onToggle}
          aria-pressed={set.done}
          aria-label={set.done ? `Undo ${label}` : `Log ${label}`}
          className={`flex h-10 w-10 items-center justify-center rounded-md text-lg font-bold ${set.done ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-500 ring-1 ring-slate-300 hover:bg-slate-200"}`}
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
