"use client";

import { type ComponentProps, type ComponentType, lazy, Suspense } from "react";
import type { RowFill, SetText } from "@/lib/athlete/logger-state";
import { MEASURE_FIELDS, type SetFieldErrors } from "@/lib/training/set";
import { RECORD_LABELS, type RecordKind } from "@/lib/training/record-kinds";
import { SET_TYPES, type SetType } from "@/lib/training/set-types";
import type { ExerciseMeasure } from "@/lib/training/types";
import { distanceFieldUnit, distanceUnitFor, formatPace, parseDistance, type DistanceFieldUnit } from "@/lib/training/distance";
import { parseSetTime } from "@/lib/training/set-time";
import type { WeightUnit } from "@/lib/training/units";
import type { SetTimer as SetTimerButton } from "./set-timer";

// A set timer shows only under a timed exercise's rows: not in the page's first download. The logger
// fetches it once the page is idle; until it is here its place is kept, so the rows below do not move.
export const loadSetTimer = () => import("./set-timer");
const SetTimer = lazy<ComponentType<ComponentProps<typeof SetTimerButton>>>(() =>
  loadSetTimer().then(
    (m) => ({ default: m.SetTimer }),
    () => ({ default: () => null }),
  ),
);

export type PreviousSet = RowFill | null;

export const SET_TYPE_LABELS: Record<SetType, string> = {
  normal: "normal",
  warmup: "warm-up",
  drop: "drop set",
  failure: "to failure",
};
const SET_TYPE_MARKS: Record<Exclude<SetType, "normal">, string> = { warmup: "W", drop: "D", failure: "F" };
/** What a set becomes, as the type button says it: "Change to a set to failure". */
const SET_TYPE_TARGETS: Record<SetType, string> = {
  normal: "a normal set",
  warmup: "a warm-up",
  drop: "a drop set",
  failure: "a set to failure",
};

/** The two value fields a row shows for the exercise's measure, in order. */
export function measureInputs(measure: ExerciseMeasure, bodyweight: boolean): ("weightKg" | "reps" | "seconds" | "distanceM")[] {
  const f = MEASURE_FIELDS[measure];
  if (measure === "reps_load") return ["weightKg", "reps"];
  if (measure === "reps") return ["reps"];
  if (measure === "time") return ["seconds"];
  if (measure === "distance") return bodyweight || !f.weightKg ? ["distanceM"] : ["weightKg", "distanceM"];
  return ["distanceM", "seconds"];
}

/** A distance as the field shows it, with its unit named: "5 km", "3.1 mi", "400 m". */
function withDistanceUnit(text: string | undefined, unit: DistanceFieldUnit): string {
  if (!text) return "–";
  return /[a-z]$/i.test(text) ? text : `${text} ${unit}`;
}

/** "40×8", "BW×12", "45 s", "1:30", "30 m", "5 km/25:00": last time's set, short (times as the field shows them). */
function previousText(previous: NonNullable<PreviousSet>, measure: ExerciseMeasure, unit: DistanceFieldUnit): string {
  const time = previous.seconds ? (previous.seconds.includes(":") ? previous.seconds : `${previous.seconds} s`) : "–";
  if (measure === "time") return time;
  const distance = withDistanceUnit(previous.distanceM, unit);
  if (measure === "distance") return `${distance}${previous.weightKg ? ` · ${previous.weightKg}` : ""}`;
  if (measure === "distance_time") return `${distance}/${time}`;
  return `${previous.weightKg || "BW"}×${previous.reps}`;
}

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
  /** When this row's set timer started, while it runs. */
  timerStartedAt?: number;
};

/**
 * One set: its type (tap the number: warm-up, drop set, to failure), last time's values, the fields
 * of the exercise's measure (weight and reps, seconds, metres), optional RPE, missed, and the tick
 * that logs it.
 */
export function SetRow({
  index,
  exerciseName,
  row,
  unit,
  measure,
  bodyweight,
  previous,
  placeholder,
  onChange,
  onToggle,
  onRemove,
  onTimer,
}: {
  index: number;
  exerciseName: string;
  row: SetRowView;
  unit: WeightUnit;
  measure: ExerciseMeasure;
  bodyweight: boolean;
  previous: PreviousSet;
  /** What the empty fields show (and a tick logs): today's suggestion, or last time's values. */
  placeholder: PreviousSet;
  onChange: (patch: Partial<SetText>) => void;
  onToggle: () => void;
  onRemove: () => void;
  /** Start or stop the row's set timer (a row not logged of a timed measure). */
  onTimer?: (action: "start" | "stop") => void;
}) {
  const label = `${exerciseName}, set ${index + 1}`;
  const hasErrors = Object.values(row.errors).some(Boolean);
  // Shown as logged only when valid: a row with an error is never green, whatever was ticked.
  const logged = row.logged && !hasErrors;
  const realRecords = logged ? (row.marks?.filter((r) => !r.first) ?? []) : [];
  const baseline = logged && (row.marks?.length ?? 0) > 0 && realRecords.length === 0;
  const errorId = `${row.id}-errors`;
  const errorText = Object.values(row.errors).filter(Boolean).join(" ");
  const field = (name: "weightKg" | "reps" | "rpe" | "seconds" | "distanceM") => ({
    "aria-invalid": row.errors[name] ? true : undefined,
    "aria-describedby": errorText ? errorId : undefined,
  });
  const setType = row.text.setType ?? "normal";
  const nextType = SET_TYPES[(SET_TYPES.indexOf(setType) + 1) % SET_TYPES.length];
  const inputs = measureInputs(measure, bodyweight);
  const distanceUnit = distanceFieldUnit(measure, unit);
  // The pace of a timed distance in the athlete's unit, once both fields read (each parsed once: bounded).
  const pace =
    measure === "distance_time" && !row.text.missed
      ? formatPace(
          parseSetTime(row.text.seconds || placeholder?.seconds || ""),
          parseDistance(row.text.distanceM || placeholder?.distanceM || "", distanceUnit),
          distanceUnitFor(unit),
        )
      : null;
  const inputProps = {
    weightKg: { label: `weight (${unit})`, mode: "decimal" as const, placeholder: placeholder?.weightKg || "0" },
    reps: { label: "reps", mode: "numeric" as const, placeholder: placeholder?.reps || "" },
    // A decimal pad has the point that stands for a colon ("1.30"); a numeric one has neither.
    seconds: { label: "time", mode: "decimal" as const, placeholder: placeholder?.seconds || "" },
    // A text keyboard: a distance may carry its unit ("3.1 mi", "400 m").
    distanceM: { label: `distance (${distanceUnit})`, mode: "text" as const, placeholder: placeholder?.distanceM || "" },
  };
  const missed = row.text.missed;
  const background =
    setType === "warmup"
      ? "bg-sky-50"
      : logged
        ? missed
          ? "bg-red-50"
          : realRecords.length
            ? "bg-amber-50"
            : "bg-emerald-50"
        : "";
  return (
    <li
      className={`rounded-md px-1 py-1 ${background}`}
      data-testid="set-row"
      data-logged={logged ? "true" : "false"}
      data-set-type={setType}
      data-missed={missed ? "true" : "false"}
    >
      <div className="set-grid">
        <button
          type="button"
          onClick={() => onChange({ setType: nextType })}
          aria-label={`${label}: ${SET_TYPE_LABELS[setType]}. Change to ${SET_TYPE_TARGETS[nextType]}`}
          title="Set type: tap for warm-up, drop set, to failure"
          className={`h-11 rounded text-center text-sm font-semibold md:order-1 ${setType === "normal" ? "text-slate-500" : "bg-sky-600 text-white"} hover:ring-1 hover:ring-slate-300`}
        >
          {setType === "normal" ? index + 1 : SET_TYPE_MARKS[setType]}
        </button>
        {[0, 1].map((slot) => {
          const name = inputs[slot];
          if (!name) return <span key={slot} aria-hidden className="hidden md:order-4 md:block" />;
          const p = inputProps[name];
          const alone = inputs.length === 1;
          return (
            <input
              key={name}
              aria-label={`${label}: ${p.label}`}
              inputMode={p.mode}
              autoComplete="off"
              value={row.text[name] ?? ""}
              placeholder={p.placeholder}
              onChange={(e) => onChange({ [name]: e.target.value })}
              className={`set-input w-full ${slot === 0 ? "md:order-3" : "md:order-4"} ${alone ? "col-span-2 md:col-span-1" : ""}`}
              {...field(name)}
            />
          );
        })}
        <button
          type="button"
          onClick={onToggle}
          aria-pressed={logged}
          aria-label={logged ? `Undo ${label}` : `Log ${label}`}
          className={`flex h-11 w-11 items-center justify-center rounded-md text-lg font-bold md:order-7 ${logged ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-500 ring-1 ring-slate-300 hover:bg-slate-200"}`}
        >
          ✓
        </button>
        <div className="col-span-4 flex min-w-0 items-center gap-2 md:contents">
          {previous ? (
            <button
              type="button"
              disabled={logged}
              onClick={() =>
                onChange({
                  weightKg: previous.weightKg,
                  reps: previous.reps,
                  ...(previous.seconds ? { seconds: previous.seconds } : {}),
                  ...(previous.distanceM ? { distanceM: previous.distanceM } : {}),
                })
              }
              className="h-11 min-w-0 flex-1 truncate rounded px-1 text-left text-xs text-slate-500 hover:bg-slate-100 disabled:hover:bg-transparent md:order-2"
              aria-label={`Last time: ${previousText(previous, measure, distanceUnit)}. Use these values for ${label}`}
            >
              <span className="md:hidden">Last: </span>
              {previousText(previous, measure, distanceUnit)}
            </button>
          ) : (
            <span className="min-w-0 flex-1 px-1 text-xs text-slate-400 md:order-2" aria-hidden>
              —
            </span>
          )}
          <input
            aria-label={`${label}: RPE (optional)`}
            inputMode="decimal"
            autoComplete="off"
            value={row.text.rpe}
            placeholder="RPE"
            onChange={(e) => onChange({ rpe: e.target.value })}
            className="set-input w-14 shrink-0 md:order-5 md:w-full"
            {...field("rpe")}
          />
          <button
            type="button"
            onClick={() => onChange({ missed: !row.text.missed })}
            aria-pressed={row.text.missed}
            aria-label={`${label}: missed attempt`}
            title="Missed attempt (counts with 0 reps)"
            className={`h-11 min-w-11 shrink-0 rounded-md px-1 text-xs font-bold md:order-6 ${row.text.missed ? "bg-red-600 text-white" : "text-slate-500 ring-1 ring-slate-300 hover:bg-slate-100"}`}
          >
            Miss
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${label}`}
            className="h-11 w-11 shrink-0 rounded text-lg text-slate-400 hover:bg-slate-100 hover:text-red-600 md:order-8"
          >
            ×
          </button>
        </div>
      </div>
      {onTimer && !row.logged && inputs.includes("seconds") ? (
        <Suspense fallback={<div className="mt-1.5 h-11" aria-hidden />}>
          <SetTimer
            label={label}
            startedAt={row.timerStartedAt}
            onStart={() => onTimer("start")}
            onStop={() => onTimer("stop")}
          />
        </Suspense>
      ) : null}
      {errorText ? (
        <p id={errorId} role="alert" className="mt-1 pl-6 text-xs text-red-700">
          {errorText}
        </p>
      ) : null}
      {setType !== "normal" ? (
        <p className="mt-1 pl-6 text-xs font-medium text-sky-800">
          {setType === "warmup"
            ? "Warm-up: not counted in records or volume."
            : SET_TYPE_LABELS[setType][0].toUpperCase() + SET_TYPE_LABELS[setType].slice(1)}
        </p>
      ) : null}
      {pace && !hasErrors ? (
        <p className="mt-1 pl-6 text-xs text-slate-600" data-testid="set-pace">
          Pace {pace}
        </p>
      ) : null}
      {missed ? <p className="mt-1 pl-6 text-xs font-medium text-red-800">Missed: not counted in records or volume.</p> : null}
      {row.notice ? (
        <p className="mt-1 pl-6 text-xs text-amber-800" data-testid="set-notice">
          {row.notice}
        </p>
      ) : null}
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
