"use client";

import { useId, useMemo, useState } from "react";
import type { ExerciseMeasure, ExerciseType } from "@/lib/training/types";

export type PickerOption = { id: number; name: string; type: ExerciseType; measure: ExerciseMeasure; custom: boolean };

/** Search the athlete's library (built-in and their own) and pick an exercise to add. */
export function ExercisePicker({
  options,
  failed,
  onRetry,
  onPick,
  onClose,
}: {
  /** Null while the list loads. */
  options: PickerOption[] | null;
  failed: boolean;
  onRetry: () => void;
  onPick: (option: PickerOption) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState("");
  const id = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = options ?? [];
    return (q ? all.filter((o) => o.name.toLowerCase().includes(q)) : all).slice(0, 40);
  }, [options, query]);
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" role="group" aria-labelledby={`${id}-title`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold text-slate-900">
          Add an exercise
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
          Cancel
        </button>
      </div>
      <label htmlFor={`${id}-search`} className="sr-only">
        Search exercises
      </label>
      <input
        id={`${id}-search`}
        type="search"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search, e.g. squat, row, curl"
        className="mt-3 block w-full rounded-md border-0 px-3 py-2 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
      />
      <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto">
        {matches.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              onClick={() => onPick(o)}
              className="flex w-full items-center justify-between gap-2 px-2 py-3 text-left hover:bg-slate-50"
            >
              <span className="font-medium text-slate-900">{o.name}</span>
              <span className="text-xs text-slate-500">
                {o.custom ? "Yours · " : ""}
                {o.type}
              </span>
            </button>
          </li>
        ))}
        {failed ? (
          <li className="px-2 py-3 text-sm text-amber-800">
            Could not load the exercise list (offline?).{" "}
            <button type="button" onClick={onRetry} className="font-semibold underline">
              Try again
            </button>
          </li>
        ) : options === null ? (
          <li className="px-2 py-3 text-sm text-slate-500" role="status">
            Loading exercises…
          </li>
        ) : matches.length === 0 ? (
          <li className="px-2 py-3 text-sm text-slate-500">No exercise matches. Add your own from the Exercises page.</li>
        ) : null}
      </ul>
    </div>
  );
}
