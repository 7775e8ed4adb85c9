"use client";

import { type ComponentProps, type ComponentType, lazy, memo, Suspense } from "react";
import type { SlotTarget } from "@/lib/athlete/session-sync";
import { positiveWeight, type SetText } from "@/lib/athlete/logger-state";
import { TARGET_UNITS } from "@/lib/athlete/targets";
import type { PlateSetup } from "@/lib/training/plates";
import type { ExerciseMeasure } from "@/lib/training/types";
import { distanceFieldUnit } from "@/lib/training/distance";
import type { WeightUnit } from "@/lib/training/units";
import type { PlateHint as PlateHintLine } from "./plate-hint";
import { SetRow, measureInputs, type PreviousSet, type SetRowView } from "./set-row";

type PlateHintProps = ComponentProps<typeof PlateHintLine>;

// The plate calculator's line and its maths are not in the page's first download: a page rendered on the
// server keeps the server's line until the code is here (fetched as the page hydrates, and once it is idle);
// a card added later shows a line's room meanwhile. Should it not load, there is no line.
export const loadPlateHint = () => import("./plate-hint");
const LazyPlateHint = lazy<ComponentType<PlateHintProps>>(() =>
  loadPlateHint().then(
    (m) => ({ default: m.PlateHint }),
    () => ({ default: () => null }),
  ),
);
// Memoised: re-rendered with the same weight, the card leaves the server's line in place while it hydrates.
const PlateHint = memo(function PlateHint(props: PlateHintProps) {
  return (
    <Suspense fallback={<p className="mt-2 h-7" aria-hidden />}>
      <LazyPlateHint {...props} />
    </Suspense>
  );
});

export type SlotView = {
  id: string;
  exerciseId: number;
  exerciseName: string;
  bodyweight: boolean;
  measure: ExerciseMeasure;
  supersetGroup: number | null;
  target: SlotTarget | null;
};

function targetText(target: SlotTarget | null, measure: ExerciseMeasure): string {
  if (!target) return "No target";
  return `Target ${target.sets} × ${target.repsMin === target.repsMax ? target.repsMin : `${target.repsMin}–${target.repsMax}`}${TARGET_UNITS[measure]}`;
}

/** The weight of the next set to lift: the first row not logged, as typed or as its placeholder. */
function nextWeight(rows: readonly SetRowView[], placeholderFor: (index: number) => PreviousSet): string {
  const index = rows.findIndex((r) => !r.logged);
  if (index < 0) return "";
  return rows[index].text.weightKg.trim() || placeholderFor(index)?.weightKg || "";
}

const HEADINGS = { reps: "Reps", seconds: "Time" };

/** One exercise of the session: its target, last time, and its rows. */
export function ExerciseCard({
  slot,
  rows,
  unit,
  first,
  last,
  lastDay,
  notice,
  previousFor,
  placeholderFor,
  suggestion,
  plates,
  onChange,
  onToggle,
  onRemoveRow,
  onTimer,
  onAddRow,
  onMove,
  onRemove,
  onAddWarmups,
  superset,
  linkedWithNext,
  onToggleSuperset,
}: {
  /** Whether the next exercise is in this one's superset; the toggle is absent on the last card. */
  linkedWithNext?: boolean;
  onToggleSuperset?: () => void;
  slot: SlotView;
  /** Adds ramped warm-up rows; absent where warm-ups do not apply (no load to ramp). */
  onAddWarmups?: () => void;
  /** "Superset A · 1 of 2" when the slot is in one. */
  superset?: { label: string; position: number; size: number };
  rows: SetRowView[];
  unit: WeightUnit;
  first: boolean;
  last: boolean;
  /** The day the exercise was last done ("Sat 9 Nov"), or null for a first time. */
  lastDay: string | null;
  notice?: string;
  previousFor: (index: number) => PreviousSet;
  placeholderFor: (index: number) => PreviousSet;
  /** Why today's placeholders are what they are (the progression rule), in one line. */
  suggestion?: string;
  /** The athlete's bar and plates, for a barbell exercise (null for the rest: no plate calculator). */
  plates: PlateSetup | null;
  onChange: (row: SetRowView, patch: Partial<SetText>) => void;
  onToggle: (row: SetRowView, index: number) => void;
  onRemoveRow: (row: SetRowView) => void;
  onTimer: (row: SetRowView, action: "start" | "stop") => void;
  onAddRow: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const name = slot.exerciseName;
  const next = nextWeight(rows, placeholderFor);
  const inputs = measureInputs(slot.measure, slot.bodyweight);
  const heading = (field: (typeof inputs)[number] | undefined) =>
    field === undefined
      ? ""
      : field === "weightKg"
        ? unit
        : field === "distanceM"
          ? distanceFieldUnit(slot.measure, unit)
          : HEADINGS[field];
  return (
    <li
      id={`slot-${slot.id}`}
      className={`scroll-mt-40 rounded-lg bg-white p-3 shadow-sm ring-1 sm:p-4 ${superset ? "ring-brand-200 border-l-4 border-l-brand-600" : "ring-slate-200"}`}
      data-testid="logger-exercise"
    >
      {superset ? (
        <p className="mb-1 text-xs font-semibold tracking-wide text-brand-700 uppercase" data-testid="superset-label">
          {superset.label} · {superset.position} of {superset.size}
        </p>
      ) : null}
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900">{name}</h2>
          <p className="text-xs text-slate-500">
            {targetText(slot.target, slot.measure)}
            {lastDay ? ` · last time ${lastDay}` : " · first time"}
          </p>
          {suggestion ? (
            <p className="mt-1 text-xs text-brand-700" data-testid="progression-suggestion">
              Today: {suggestion}
            </p>
          ) : null}
          {notice ? <p className="mt-1 text-xs text-amber-800">{notice}</p> : null}
        </div>
        <div className="flex shrink-0 items-center">
          <button
            type="button"
            onClick={() => onMove(-1)}
            disabled={first}
            aria-label={`Move ${name} up`}
            className="h-11 w-11 rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30"
          >
            ↑
          </button>
          <button
            type="button"
            onClick={() => onMove(1)}
            disabled={last}
            aria-label={`Move ${name} down`}
            className="h-11 w-11 rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30"
          >
            ↓
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${name}`}
            className="h-11 rounded px-2 text-xs text-slate-500 hover:bg-slate-100 hover:text-red-700"
          >
            Remove
          </button>
        </div>
      </div>
      <div className="mt-3 set-grid px-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase" aria-hidden>
        <span className="text-center md:order-1">Set</span>
        <span className={`text-center md:order-3 ${inputs.length === 1 ? "col-span-2 md:col-span-1" : ""}`}>
          {heading(inputs[0])}
        </span>
        <span className={`text-center md:order-4 ${inputs.length === 1 ? "hidden md:block" : ""}`}>{heading(inputs[1])}</span>
        <span className="md:order-7" />
        <span className="hidden md:order-2 md:block">Last</span>
        <span className="hidden text-center md:order-5 md:block">RPE</span>
        <span className="hidden md:order-6 md:block" />
        <span className="hidden md:order-8 md:block" />
      </div>
      <ol className="mt-1 space-y-3 md:space-y-1">
        {rows.map((row, index) => (
          <SetRow
            key={row.id}
            index={index}
            exerciseName={name}
            row={row}
            unit={unit}
            measure={slot.measure}
            bodyweight={slot.bodyweight}
            previous={previousFor(index)}
            placeholder={placeholderFor(index)}
            onChange={(patch) => onChange(row, patch)}
            onToggle={() => onToggle(row, index)}
            onRemove={() => onRemoveRow(row)}
            onTimer={(action) => onTimer(row, action)}
          />
        ))}
      </ol>
      {plates && positiveWeight(next) !== null ? <PlateHint weightText={next} setup={plates} exerciseName={name} /> : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onAddRow}
          className="ring-dashed min-h-11 flex-1 rounded-md px-3 py-2 text-sm font-semibold whitespace-nowrap text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50"
        >
          + Add set
        </button>
        {onToggleSuperset ? (
          <button
            type="button"
            onClick={onToggleSuperset}
            aria-pressed={linkedWithNext ? true : false}
            className="min-h-11 rounded-md px-3 py-2 text-sm font-semibold whitespace-nowrap text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50"
          >
            {linkedWithNext ? "Unlink next" : "Superset with next"}
          </button>
        ) : null}
        {onAddWarmups ? (
          <button
            type="button"
            onClick={onAddWarmups}
            className="min-h-11 rounded-md px-3 py-2 text-sm font-semibold whitespace-nowrap text-sky-800 ring-1 ring-slate-300 hover:bg-sky-50"
          >
            + Warm-ups
          </button>
        ) : null}
      </div>
    </li>
  );
}
