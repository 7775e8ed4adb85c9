"use client";

import type { RecordKind } from "@/lib/training/record-kinds";
import { RECORD_LABELS } from "@/lib/training/record-kinds";
import type { SetType } from "@/lib/training/set-types";
import type { WeightUnit } from "@/lib/training/units";
import { type DistanceFieldUnit, distanceUnitFor, formatPace, parseDistance } from "@/lib/training/distance";
import { parseSetTime } from "@/lib/training/set-time";

export type SetRowNotesProps = {
  errorId: string;
  /** The row's field errors, in one sentence ("" for none). */
  errorText: string;
  setType: SetType;
  /** What the set type is called ("drop set"), for its line. */
  setTypeLabel: string;
  missed: boolean;
  notice?: string;
  /** Logged here and not yet acknowledged by the server. */
  saving: boolean;
  /** Logged: its record marks show, then. */
  logged: boolean;
  marks?: { kind: RecordKind; first: boolean }[];
  /** A timed distance's time as typed or as its placeholder (the pace line); null for other rows. */
  paceTime: string | null;
  paceDistance: string;
  distanceUnit: DistanceFieldUnit;
  unit: WeightUnit;
};

/**
 * The lines under a set: its error, what its type and a missed attempt mean, a run's pace, a notice from
 * the sync, and the records it set. Only text, and not every row has any: not in the logger's first
 * download (a server-rendered line stays as it is until this code is here).
 */
export function SetRowNotes({
  errorId,
  errorText,
  setType,
  setTypeLabel,
  missed,
  notice,
  saving,
  logged,
  marks,
  paceTime,
  paceDistance,
  distanceUnit,
  unit,
}: SetRowNotesProps) {
  const realRecords = logged ? (marks?.filter((r) => !r.first) ?? []) : [];
  const baseline = logged && (marks?.length ?? 0) > 0 && realRecords.length === 0;
  // The pace of a timed distance in the athlete's unit, once both fields read (each parsed once: bounded).
  const paceText =
    paceTime === null
      ? null
      : formatPace(parseSetTime(paceTime), parseDistance(paceDistance, distanceUnit), distanceUnitFor(unit));
  return (
    <>
      {errorText ? (
        <p id={errorId} role="alert" className="mt-1 pl-6 text-xs text-red-700">
          {errorText}
        </p>
      ) : null}
      {setType !== "normal" ? (
        <p className="mt-1 pl-6 text-xs font-medium text-sky-800">
          {setType === "warmup"
            ? "Warm-up: not counted in records or volume."
            : setTypeLabel[0].toUpperCase() + setTypeLabel.slice(1)}
        </p>
      ) : null}
      {paceText && !errorText ? (
        <p className="mt-1 pl-6 text-xs text-slate-600" data-testid="set-pace">
          Pace {paceText}
        </p>
      ) : null}
      {missed ? <p className="mt-1 pl-6 text-xs font-medium text-red-800">Missed: not counted in records or volume.</p> : null}
      {notice ? (
        <p className="mt-1 pl-6 text-xs text-amber-800" data-testid="set-notice">
          {notice}
        </p>
      ) : null}
      {saving ? <p className="sr-only">Saving</p> : null}
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
    </>
  );
}
