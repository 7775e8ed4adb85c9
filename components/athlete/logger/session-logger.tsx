"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { emptySet, type ExerciseContext, loggedSetOf, newKey, parseDecimal, recordsForSet, type SessionDraft, setProblems } from "@/lib/athlete/session-draft";
import { fromStoredKg, type WeightUnit } from "@/lib/training/units";
import { formatDay } from "@/components/athlete/format";
import { RECORD_LABELS } from "@/lib/training/records";
import type { LoggedSet } from "@/lib/training/types";
import type { ActionState } from "@/lib/action-state";
import { ExercisePicker, type PickerOption } from "./exercise-picker";
import { REST_CHOICES, RestTimer, type RestSettings } from "./rest-timer";
import { SetRow, type PreviousSet } from "./set-row";
import { type SetErrors, type SyncStatus, useSessionDraft } from "./use-session-draft";

export type PreviousPerformance = { startedAt: string; sets: LoggedSet[] };

type DataAction<I, T> = (state: ActionState<T> | undefined, input: I) => Promise<ActionState<T>>;


const REST_KEY = "ironlog:rest";

function StatusPill({ status, unsaved }: { status: SyncStatus; unsaved: boolean }) {
  const text =
    status.kind === "saving"
      ? "Saving…"
      : status.kind === "offline"
        ? "Offline: kept on this device, will sync"
        : status.kind === "failed"
          ? `${status.message} Retrying…`
          : status.kind === "invalid"
            ? status.message
            : status.kind === "signed_out"
              ? "Signed out: sign in again to save"
              : status.kind === "missing"
                ? "This session no longer exists"
                : unsaved
                  ? "Unsaved changes"
                  : "All changes saved";
  const tone =
    status.kind === "saved" && !unsaved ? "bg-emerald-50 text-emerald-800" : status.kind === "saving" || status.kind === "saved" ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900";
  return (
    <p role="status" className={`rounded-full px-3 py-1 text-xs font-medium ${tone}`} data-testid="sync-status">
      {text}
    </p>
  );
}

/** When a rest of `seconds` started now ends (module-level: the clock is read in event handlers only). */
function secondsFromNow(seconds: number): number {
  return Date.now() + seconds * 1000;
}

function formatValue(n: number): string {
  return String(Number(n.toFixed(2)));
}

function elapsedClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

/**
 * The session logger. Everything typed is kept in the browser first (useSessionDraft) and synced to
 * the server; records are detected here, as each set is ticked, against the record-holding sets the
 * page sent (lib/athlete/record-holders), so they show instantly and offline.
 */
export function SessionLogger({
  userId,
  serverDraft,
  startedAt,
  timeZone,
  alreadyFinished,
  previous: initialPrevious,
  recordSets: initialRecordSets,
  exerciseContextAction,
  exerciseOptionsAction,
}: {
  userId: number;
  serverDraft: SessionDraft;
  startedAt: string;
  /** The athlete's time zone: dates must read the same rendered on the server and in the browser. */
  timeZone: string;
  alreadyFinished: boolean;
  previous: Record<number, PreviousPerformance>;
  recordSets: Record<number, LoggedSet[]>;
  /** Last time's sets and the records to beat, for an exercise added mid-session. */
  exerciseContextAction: DataAction<{ sessionId: number; exerciseId: number }, ExerciseContext>;
  /** The athlete's exercise list, fetched when the picker opens. */
  exerciseOptionsAction: DataAction<Record<string, never>, PickerOption[]>;
}) {
  const router = useRouter();
  const sessionId = serverDraft.sessionId;
  const onFinished = useCallback(() => router.push(`/history/${sessionId}?saved=1`), [router, sessionId]);
  const { draft, change, status, setErrors, restored, syncNow } = useSessionDraft(`ironlog:draft:${userId}:${sessionId}`, serverDraft, onFinished);
  const unit: WeightUnit = draft.unit;
  const [previous, setPrevious] = useState(initialPrevious);
  const [recordSets, setRecordSets] = useState(initialRecordSets);
  const recordMap = useMemo(() => new Map(Object.entries(recordSets).map(([k, v]) => [Number(k), v])), [recordSets]);
  const [localErrors, setLocalErrors] = useState<SetErrors>({});
  const [announcement, setAnnouncement] = useState("");
  const [picking, setPicking] = useState(false);
  const [options, setOptions] = useState<PickerOption[] | null>(null);
  const [optionsError, setOptionsError] = useState(false);
  const [finishing, setFinishing] = useState(alreadyFinished);
  const [rest, setRest] = useState<RestSettings>({ enabled: true, seconds: 90 });
  const [restEndsAt, setRestEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(REST_KEY) ?? "null") as RestSettings | null;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a browser-only preference, read after hydration
      if (saved && typeof saved.enabled === "boolean" && REST_CHOICES.includes(saved.seconds)) setRest(saved);
    } catch {
      // Keep the defaults.
    }
  }, []);

  function saveRest(next: RestSettings) {
    setRest(next);
    try {
      window.localStorage.setItem(REST_KEY, JSON.stringify(next));
    } catch {
      // Preference not kept; the timer still works.
    }
  }

  const errorsFor = (setKey: string) => ({ ...setErrors[setKey], ...localErrors[setKey] });

  function previousFor(exerciseId: number, index: number): PreviousSet {
    const p = previous[exerciseId]?.sets;
    const s = p?.[Math.min(index, (p?.length ?? 1) - 1)];
    if (!s) return null;
    return { weight: s.weightKg > 0 ? formatValue(fromStoredKg(s.weightKg, unit)) : "", reps: String(s.reps) };
  }

  function updateSet(exerciseKey: string, setKey: string, field: "weight" | "reps" | "rpe", value: string) {
    setLocalErrors((e) => ({ ...e, [setKey]: {} }));
    change((d) => ({
      ...d,
      exercises: d.exercises.map((e) => (e.key !== exerciseKey ? e : { ...e, sets: e.sets.map((s) => (s.key === setKey ? { ...s, [field]: value } : s)) })),
    }));
  }

  function toggleSet(exerciseKey: string, setKey: string, index: number) {
    const exercise = draft.exercises.find((e) => e.key === exerciseKey);
    const set = exercise?.sets.find((s) => s.key === setKey);
    if (!exercise || !set) return;
    if (set.done) {
      change((d) => ({
        ...d,
        exercises: d.exercises.map((e) => (e.key !== exerciseKey ? e : { ...e, sets: e.sets.map((s) => (s.key === setKey ? { ...s, done: false, records: undefined } : s)) })),
      }));
      return;
    }
    // An empty field takes last time's value, as the placeholder suggested.
    const prev = previousFor(exercise.exerciseId, index);
    const filled = { ...set, weight: set.weight.trim() || prev?.weight || "", reps: set.reps.trim() || prev?.reps || "" };
    const problems = setProblems(filled, exercise.bodyweight);
    if (problems.length) {
      setLocalErrors((e) => ({ ...e, [setKey]: Object.fromEntries(problems.map((p) => [p.field, p.message])) }));
      return;
    }
    const withValues: SessionDraft = {
      ...draft,
      exercises: draft.exercises.map((e) => (e.key !== exerciseKey ? e : { ...e, sets: e.sets.map((s) => (s.key === setKey ? filled : s)) })),
    };
    const records = recordsForSet(withValues, exerciseKey, setKey, recordMap);
    const marks = records.map((r) => ({ kind: r.kind, first: r.previous === null }));
    change((d) => ({
      ...d,
      exercises: d.exercises.map((e) => (e.key !== exerciseKey ? e : { ...e, sets: e.sets.map((s) => (s.key === setKey ? { ...filled, done: true, records: marks } : s)) })),
    }));
    const real = records.filter((r) => r.previous !== null);
    const logged = loggedSetOf(filled, unit);
    setAnnouncement(
      real.length
        ? `New personal record on ${exercise.name}: ${real.map((r) => RECORD_LABELS[r.kind]).join(", ")}.`
        : `Logged ${exercise.name} set ${index + 1}: ${logged.weightKg ? `${filled.weight} ${unit}` : "bodyweight"} for ${filled.reps} reps.`,
    );
    if (rest.enabled) setRestEndsAt(secondsFromNow(rest.seconds));
  }

  function addSet(exerciseKey: string) {
    change((d) => ({ ...d, exercises: d.exercises.map((e) => (e.key === exerciseKey ? { ...e, sets: [...e.sets, emptySet()] } : e)) }));
  }

  function removeSet(exerciseKey: string, setKey: string) {
    change((d) => ({ ...d, exercises: d.exercises.map((e) => (e.key === exerciseKey ? { ...e, sets: e.sets.filter((s) => s.key !== setKey) } : e)) }));
  }

  function removeExercise(exerciseKey: string) {
    const exercise = draft.exercises.find((e) => e.key === exerciseKey);
    if (exercise?.sets.some((s) => s.done) && !window.confirm(`Remove ${exercise.name} and its logged sets from this session?`)) return;
    change((d) => ({ ...d, exercises: d.exercises.filter((e) => e.key !== exerciseKey) }));
  }

  function moveExercise(exerciseKey: string, delta: -1 | 1) {
    change((d) => {
      const list = [...d.exercises];
      const from = list.findIndex((e) => e.key === exerciseKey);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= list.length) return d;
      [list[from], list[to]] = [list[to], list[from]];
      return { ...d, exercises: list };
    });
  }

  async function openPicker() {
    setPicking(true);
    if (options) return;
    setOptionsError(false);
    try {
      const result = await exerciseOptionsAction({ status: "idle" }, {});
      if (result.status === "success" && result.data) setOptions(result.data);
      else setOptionsError(true);
    } catch {
      setOptionsError(true);
    }
  }

  async function addExercise(option: PickerOption) {
    setPicking(false);
    change((d) => ({
      ...d,
      exercises: [
        ...d.exercises,
        { key: newKey("e"), exerciseId: option.id, name: option.name, bodyweight: option.type === "bodyweight", target: null, sets: [emptySet(), emptySet(), emptySet()] },
      ],
    }));
    if (previous[option.id] || recordSets[option.id]) return;
    try {
      const result = await exerciseContextAction({ status: "idle" }, { sessionId, exerciseId: option.id });
      if (result.status === "success" && result.data) {
        const context = result.data;
        if (context.previous) setPrevious((p) => ({ ...p, [option.id]: context.previous! }));
        setRecordSets((r) => ({ ...r, [option.id]: context.recordSets }));
      }
    } catch {
      // Offline: no "last time" values for this exercise; records are checked again when saved.
    }
  }

  function finish() {
    const unticked = draft.exercises.flatMap((e) => e.sets).filter((s) => !s.done && (s.weight.trim() || s.reps.trim())).length;
    if (unticked && !window.confirm(`${unticked} set${unticked === 1 ? " has" : "s have"} values but ${unticked === 1 ? "is" : "are"} not ticked and will not be saved. Finish anyway?`)) return;
    change((d) => ({ ...d, finishRequested: true }));
  }

  const doneSets = draft.exercises.reduce((n, e) => n + e.sets.filter((s) => s.done).length, 0);
  const elapsed = now === null ? null : now - Date.parse(startedAt);
  const unsaved = restored && draft.revision > draft.syncedRevision;

  return (
    <div className={`mx-auto max-w-3xl ${restEndsAt ? "pb-28" : "pb-8"}`}>
      <div className="sticky top-14 z-20 -mx-4 mb-4 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-4">
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="session-name" className="sr-only">
            Session name
          </label>
          <input
            id="session-name"
            value={draft.name}
            maxLength={100}
            onChange={(e) => change((d) => ({ ...d, name: e.target.value }))}
            className="min-w-0 flex-1 rounded-md border-0 bg-transparent px-1 py-1 text-xl font-bold text-slate-900 ring-inset hover:ring-1 hover:ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          {!alreadyFinished && elapsed !== null ? (
            <span className="font-mono text-sm tabular-nums text-slate-600" aria-label="Time since you started">
              {elapsedClock(elapsed)}
            </span>
          ) : null}
          <StatusPill status={status} unsaved={unsaved} />
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {doneSets} set{doneSets === 1 ? "" : "s"} logged · weights in {unit} · RPE optional (1–10)
        </p>
      </div>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <ol className="space-y-4">
        {draft.exercises.map((exercise, exerciseIndex) => {
          const prev = previous[exercise.exerciseId];
          return (
            <li key={exercise.key} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-4" data-testid="logger-exercise">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <h2 className="font-semibold text-slate-900">{exercise.name}</h2>
                  <p className="text-xs text-slate-500">
                    {exercise.target ? `Target ${exercise.target.sets} × ${exercise.target.repsMin === exercise.target.repsMax ? exercise.target.repsMin : `${exercise.target.repsMin}–${exercise.target.repsMax}`}` : "No target"}
                    {prev ? ` · last time ${formatDay(new Date(prev.startedAt), timeZone)}` : " · first time"}
                  </p>
                </div>
                <div className="flex shrink-0 items-center">
                  <button type="button" onClick={() => moveExercise(exercise.key, -1)} disabled={exerciseIndex === 0} aria-label={`Move ${exercise.name} up`} className="h-8 w-8 rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30">
                    ↑
                  </button>
                  <button type="button" onClick={() => moveExercise(exercise.key, 1)} disabled={exerciseIndex === draft.exercises.length - 1} aria-label={`Move ${exercise.name} down`} className="h-8 w-8 rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30">
                    ↓
                  </button>
                  <button type="button" onClick={() => removeExercise(exercise.key)} aria-label={`Remove ${exercise.name}`} className="h-8 rounded px-2 text-xs text-slate-500 hover:bg-slate-100 hover:text-red-700">
                    Remove
                  </button>
                </div>
              </div>
              <div className="mt-3 grid grid-cols-[1.25rem_minmax(0,3.75rem)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,2.75rem)_2.75rem_1.5rem] gap-1.5 px-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 sm:gap-2" aria-hidden>
                <span className="text-center">Set</span>
                <span>Last</span>
                <span className="text-center">{unit}</span>
                <span className="text-center">Reps</span>
                <span className="text-center">RPE</span>
                <span />
                <span />
              </div>
              <ol className="mt-1 space-y-1">
                {exercise.sets.map((set, index) => (
                  <SetRow
                    key={set.key}
                    index={index}
                    exerciseName={exercise.name}
                    set={set}
                    unit={unit}
                    previous={previousFor(exercise.exerciseId, index)}
                    errors={errorsFor(set.key)}
                    onChange={(field, value) => updateSet(exercise.key, set.key, field, value)}
                    onToggle={() => toggleSet(exercise.key, set.key, index)}
                    onRemove={() => removeSet(exercise.key, set.key)}
                  />
                ))}
              </ol>
              <button type="button" onClick={() => addSet(exercise.key)} className="mt-2 w-full rounded-md py-2 text-sm font-semibold text-brand-700 ring-1 ring-dashed ring-slate-300 hover:bg-brand-50">
                + Add set
              </button>
            </li>
          );
        })}
      </ol>

      <div className="mt-4">
        {picking ? (
          <ExercisePicker options={options} failed={optionsError} onRetry={openPicker} onPick={addExercise} onClose={() => setPicking(false)} />
        ) : (
          <button type="button" onClick={() => void openPicker()} className="w-full rounded-lg bg-white py-3 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
            + Add exercise
          </button>
        )}
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={rest.enabled} onChange={(e) => saveRest({ ...rest, enabled: e.target.checked })} className="h-4 w-4 accent-brand-600" />
          Rest timer after each set
        </label>
        <label className="flex items-center gap-2">
          <span className="sr-only">Rest length</span>
          <select value={rest.seconds} onChange={(e) => saveRest({ ...rest, seconds: Number(e.target.value) })} disabled={!rest.enabled} className="rounded-md border-0 py-1 pl-2 pr-7 ring-1 ring-inset ring-slate-300">
            {REST_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s < 120 ? `${s} s` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section aria-labelledby="finish-title" className="mt-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="finish-title" className="font-semibold text-slate-900">
          {alreadyFinished ? "Session details" : "Finish"}
        </h2>
        {finishing ? (
          <div className="mt-3 space-y-3">
            <div>
              <label htmlFor="duration" className="block text-sm font-medium text-slate-800">
                Duration (minutes)
              </label>
              <input
                id="duration"
                inputMode="numeric"
                value={draft.durationMinutes}
                onChange={(e) => change((d) => ({ ...d, durationMinutes: e.target.value }))}
                aria-invalid={draft.durationMinutes.trim() !== "" && parseDecimal(draft.durationMinutes) === null ? true : undefined}
                className="mt-1 block w-32 rounded-md border-0 px-3 py-2 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
              />
            </div>
            <div>
              <label htmlFor="notes" className="block text-sm font-medium text-slate-800">
                Notes
              </label>
              <textarea
                id="notes"
                rows={3}
                maxLength={2000}
                value={draft.notes}
                onChange={(e) => change((d) => ({ ...d, notes: e.target.value }))}
                placeholder="How did it feel? Anything to remember next time?"
                className="mt-1 block w-full rounded-md border-0 px-3 py-2 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              />
            </div>
            <button
              type="button"
              onClick={() => {
                finish();
                void syncNow();
              }}
              className="w-full rounded-md bg-emerald-600 py-3 text-base font-semibold text-white hover:bg-emerald-700 sm:w-auto sm:px-6"
            >
              {alreadyFinished ? "Save changes" : "Finish workout"}
            </button>
            {draft.finishRequested && status.kind === "offline" ? (
              <p role="status" className="text-sm text-amber-800">
                You are offline. Your workout is kept on this device and will be saved as soon as you are back online.
              </p>
            ) : null}
          </div>
        ) : (
          <button
            type="button"
            onClick={() => {
              if (!draft.durationMinutes.trim() && elapsed !== null) change((d) => ({ ...d, durationMinutes: String(Math.max(1, Math.round(elapsed / 60000))) }));
              setFinishing(true);
            }}
            className="mt-3 w-full rounded-md bg-slate-900 py-3 text-base font-semibold text-white hover:bg-slate-800 sm:w-auto sm:px-6"
          >
            Finish workout…
          </button>
        )}
      </section>

      {restEndsAt ? <RestTimer endsAt={restEndsAt} total={rest.seconds} onChange={setRestEndsAt} /> : null}
    </div>
  );
}
