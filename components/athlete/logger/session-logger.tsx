"use client";

import { useRouter } from "next/navigation";
import { type ComponentType, lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { editLoggedSet, logRow, requestFinish, typeInRow, typeSessionField } from "@/lib/athlete/logger-actions";
import { hasPending, loggedRows, visibleSlots, type LoggerState, type PendingSet } from "@/lib/athlete/logger-state";
import { afterSetLogged, supersetPlaces } from "@/lib/athlete/supersets";
import { startSetTimer, stopSetTimer } from "@/lib/athlete/set-timer";
import { loggedCount, rowsOfSlot } from "@/lib/athlete/logger-view";
import { rowFills, type RowFills } from "@/lib/athlete/row-fill";
import type { ExerciseContext } from "@/lib/athlete/exercise-context";
import type { SessionSnapshot, SessionStart } from "@/lib/athlete/session-sync";
import type { SlotSuggestion } from "@/lib/athlete/slot-suggestions";
import type { PlateSetup } from "@/lib/training/plates";
import type { LoggedSet } from "@/lib/training/set";
import type { WeightUnit } from "@/lib/training/units";
import { ExerciseCard, loadPlateHint } from "./exercise-card";
import type { PickerOption } from "./exercise-picker";
import type { RestTimerProps } from "./rest-timer";
import { FinishSection, loadFinishForm } from "./finish-section";
import { loadSetTimer, type SetRowView } from "./set-row";
import { SyncStatusPill } from "./sync-status";
import { type DataAction, type PreviousPerformance, useExerciseLibrary } from "./use-exercise-library";
import { useLoggerSync } from "./use-logger-sync";
import { REST_CHOICES, useRestSettings } from "./use-rest-settings";

export type { PreviousPerformance };

// What is needed only after a tap (the exercise search, the rest countdown) is not in the page's first
// download: it loads when first shown, and is fetched as soon as the page is idle, so it is already here
// when the gym's signal drops. Should it still fail to load, the logger goes on without it (the page's
// error boundary would replace the whole logger): the picker says why, the countdown does not show.
const loadPicker = () => import("./exercise-picker");
const loadRestTimer = () => import("./rest-timer");
// The clock since the start is drawn only once hydrated, and ticks on its own.
const loadClock = () => import("./elapsed-clock");
// The records a ticked set sets and what is announced then: fetched with the rest once the page is idle,
// and awaited by a set ticked before, so no record goes unannounced.
const loadLoggedSetRules = () => import("@/lib/athlete/logged-set");
// Arranging the workout (untick, add or remove rows and exercises, move, superset) follows a tap, never
// the first tick: fetched once the page is idle, and a tap before that waits for it.
const loadArrange = () => import("@/lib/athlete/logger-arrange");
type Arrange = Awaited<ReturnType<typeof loadArrange>>;
// Discarding the workout follows a tap and a question: fetched once the page is idle, like arranging.
const loadDiscard = () => import("./discard-workout");
/** What the logger says when the code a change needs could not load (no signal before it was fetched). */
const OFFLINE_CHANGE = "That change could not be made offline: reload the page when you are back online.";
const ExercisePicker = lazy(() =>
  loadPicker().then(
    (m) => ({ default: m.ExercisePicker }),
    () => ({ default: PickerUnavailable }),
  ),
);
const ElapsedClock = lazy(() =>
  loadClock().then(
    (m) => ({ default: m.ElapsedClock }),
    () => ({ default: () => null }),
  ),
);
const RestTimer = lazy<ComponentType<RestTimerProps>>(() =>
  loadRestTimer().then(
    (m) => ({ default: m.RestTimer }),
    () => ({ default: () => null }),
  ),
);

function PickerUnavailable({ onClose }: { onClose: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
      The exercise search could not load (offline?). Your sets are kept: reload the page when you are back online.{" "}
      <button type="button" onClick={onClose} className="font-semibold text-brand-700 underline underline-offset-2">
        Close
      </button>
    </div>
  );
}

// Module-level: the clock is read in event handlers only, never while rendering.
/** The device's time of an edit, which the merge compares field by field. */
function deviceTime(): number {
  return Date.now();
}

/** When a rest of `seconds` started now ends. */
function secondsFromNow(seconds: number): number {
  return Date.now() + seconds * 1000;
}

/**
 * The session logger. What the athlete types is kept on the device first and synced change by
 * change (useLoggerSync); a set shows as logged only when the shared schema accepts it, and stops
 * showing so if the server refuses it. Records are detected here as each set is logged, against the
 * record-holding sets the page sent, so they show instantly and offline.
 */
export function SessionLogger({
  userId,
  serverSession,
  unit,
  startedAt,
  alreadyFinished,
  previous: initialPrevious,
  recordSets: initialRecordSets,
  suggestions,
  plates,
  barbellExercises,
  exerciseContextAction,
  exerciseOptionsAction,
  back,
  deleteAction,
  start,
}: {
  userId: number;
  serverSession: SessionSnapshot;
  unit: WeightUnit;
  startedAt: string;
  alreadyFinished: boolean;
  previous: Record<number, PreviousPerformance>;
  recordSets: Record<number, LoggedSet[]>;
  /** Per planned slot, what the progression rule suggests today (the fields' placeholders). */
  suggestions: Record<string, SlotSuggestion>;
  /** The athlete's bar and plates (profile), and the session's barbell exercises, for the plate calculator. */
  plates: PlateSetup;
  barbellExercises: number[];
  exerciseContextAction: DataAction<{ sessionUid: string; exerciseId: number }, ExerciseContext>;
  exerciseOptionsAction: DataAction<Record<string, never>, PickerOption[]>;
  /** The link back (to the log, or to the finished session), shown above the workout. */
  back?: ReactNode;
  /** Deletes the session on the server: with it, the workout can be discarded (a finished one deleted) here. */
  deleteAction?: DataAction<{ sessionId: number }, unknown>;
  /** How the workout was started on this device, while the server does not have it yet. */
  start?: SessionStart;
}) {
  const router = useRouter();
  const onFinished = useCallback((sessionId: number) => router.push(`/history/${sessionId}?saved=1`), [router]);
  const { state, update, status, restored, syncNow, wantFinish, forget } = useLoggerSync(
    userId,
    serverSession,
    unit,
    onFinished,
    start,
  );
  const library = useExerciseLibrary(
    serverSession.uid,
    { previous: initialPrevious, recordSets: initialRecordSets },
    { options: exerciseOptionsAction, context: exerciseContextAction },
  );
  const [rest, saveRest] = useRestSettings();
  const [restEndsAt, setRestEndsAt] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [picking, setPicking] = useState(false);
  const [finishPressed, setFinishPressed] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const asked = useConfirm();
  // Barbell exercises get the plate calculator: the plan's, and any added on the day.
  const [barbells, setBarbells] = useState(() => new Set(barbellExercises));
  useEffect(
    () =>
      afterIdle(() => {
        void loadPicker();
        void loadRestTimer();
        void loadLoggedSetRules().catch(() => {});
        void loadArrange().catch(() => {});
        void loadDiscard().catch(() => {});
        void loadFinishForm().catch(() => {});
        void loadSetTimer().catch(() => {});
        void loadPlateHint().catch(() => {});
      }),
    [],
  );
  const slots = visibleSlots(state);
  const supersets = supersetPlaces(slots);

  /** A change made by the arranging rules: applied once they are here (at once when they are). */
  function arrange(change: (rules: Arrange, s: LoggerState) => LoggerState) {
    withArrange((rules) => update((s) => change(rules, s)));
  }

  /** Runs `work` with the arranging rules once they are here; says so if they cannot load. */
  function withArrange(work: (rules: Arrange) => unknown) {
    loadArrange().then(
      (rules) => void work(rules),
      () => update((s) => ({ ...s, notices: { ...s.notices, session: OFFLINE_CHANGE } })),
    );
  }

  /** Each row's "last time" and fill (lib/athlete/row-fill): matched by kind, filled from the set before. */
  function fillsOf(slot: (typeof slots)[number]): RowFills[] {
    const suggestion = suggestions[slot.id];
    return rowFills(
      rowsOfSlot(state, slot.id, slot.bodyweight, slot.measure),
      library.previous[slot.exerciseId]?.sets ?? [],
      suggestion ? { weightKg: suggestion.weight, reps: suggestion.reps } : null,
      state.unit,
      slot.measure,
    );
  }

  function addWarmups(slot: (typeof slots)[number]) {
    // The working weight as the card shows it now, whenever the rules arrive.
    const rows = rowsOfSlot(state, slot.id, slot.bodyweight, slot.measure);
    const fills = fillsOf(slot);
    withArrange((rules) => {
      const weight = rules.workingWeight(rows, fills);
      let announcement = "";
      update((s) => {
        const added = rules.warmupsFor(s, slot, weight);
        announcement = added.announcement;
        return added.state;
      });
      setAnnouncement(announcement);
    });
  }

  /** Within a superset, straight on to the next exercise: its first row still to log gets the focus. */
  function goToSlot(slotId: string) {
    setTimeout(() => {
      const card = document.getElementById(`slot-${slotId}`);
      card?.scrollIntoView({ block: "start", behavior: "smooth" });
      const open = card?.querySelector<HTMLInputElement>('[data-logged="false"] input');
      open?.focus({ preventScroll: true });
    }, 0);
  }

  function toggle(slot: (typeof slots)[number], row: SetRowView, index: number) {
    if (row.logged) return arrange((rules, s) => rules.unlogSet(s, row.id, slot.id));
    const fill = fillsOf(slot)[index]?.fill ?? null;
    // From the newest state (update applies at once), not this render's: an answer adopted since is kept.
    const out: { set?: PendingSet; state?: LoggerState } = {};
    update((s) => {
      // A tick while the set's timer runs stops it first: the time is what elapsed.
      const base = s.timers?.[row.id] !== undefined ? stopSetTimer(s, row.id, slot.id, deviceTime()) : s;
      const result = logRow(base, row.id, slot.id, fill, deviceTime());
      if (result.logged) Object.assign(out, { set: result.logged, state: result.state });
      return result.state;
    });
    const { set, state: loggedIn } = out;
    if (!set || !loggedIn) return;
    const step = afterSetLogged(slots, slot.id);
    const next = step.nextSlotId && step.nextSlotId !== slot.id ? slots.find((s) => s.id === step.nextSlotId) : undefined;
    // In a superset the rest comes after the group's last exercise, not between its exercises.
    if (rest.enabled && step.rest) setRestEndsAt(secondsFromNow(rest.seconds));
    if (next) goToSlot(next.id);
    // Records are detected against the session as it was when this set was logged, whenever the rules arrive.
    const recordSets = library.recordSets[slot.exerciseId] ?? [];
    loadLoggedSetRules().then(
      (rules) => {
        const records = rules.recordsForLoggedSet(loggedIn, set, slot.exerciseId, recordSets);
        update((s) =>
          loggedRows(s, slot.id).some((r) => r.id === set.id)
            ? { ...s, marks: { ...s.marks, [set.id]: records.map((r) => ({ kind: r.kind, first: r.previous === null })) } }
            : s,
        );
        setAnnouncement(
          rules.loggedSetAnnouncement({
            exerciseName: slot.exerciseName,
            index,
            values: set.values,
            unit: state.unit,
            records,
            next: next?.exerciseName,
          }),
        );
      },
      () => setAnnouncement(`Logged ${slot.exerciseName} set ${index + 1}.${next ? ` Next: ${next.exerciseName}.` : ""}`),
    );
  }

  /** Removing an exercise with logged sets asks first (the question comes with the arranging rules). */
  function removeSlot(slot: (typeof slots)[number]) {
    const logged = loggedRows(state, slot.id).length;
    withArrange(async (rules) => {
      if (logged && !(await asked.confirm(rules.removalQuestion(slot.exerciseName, logged)))) return;
      update((s) => rules.removeExercise(s, slot.id));
    });
  }

  async function openPicker() {
    setPicking(true);
    await library.loadOptions();
  }

  function pick(option: PickerOption) {
    setPicking(false);
    const at = deviceTime();
    arrange((rules, s) =>
      rules.addExercise(
        s,
        { id: option.id, name: option.name, bodyweight: option.type === "bodyweight", measure: option.measure },
        at,
      ),
    );
    if (option.type === "barbell") setBarbells((known) => new Set(known).add(option.id));
    void library.loadContext(option.id);
  }

  /** Discarding the workout (deleting a finished session): the question and the request come with ./discard-workout. */
  async function deleteSession() {
    if (!deleteAction) return;
    const finished = alreadyFinished;
    const outcome = await loadDiscard().then(
      ({ discardWorkout }) =>
        discardWorkout({
          finished,
          sessionId: serverSession.id,
          deleteAction,
          confirm: asked.confirm,
          onDeleting: () => setDeleting(true),
        }),
      () => ({ kind: "failed" as const, message: OFFLINE_CHANGE }),
    );
    if (outcome.kind === "deleted") {
      forget();
      return router.push(finished ? "/history" : "/log");
    }
    setDeleting(false);
    if (outcome.kind === "failed") update((s) => ({ ...s, notices: { ...s.notices, session: outcome.message } }));
  }

  function finish() {
    setFinishPressed(true);
    wantFinish();
    update(requestFinish);
    setTimeout(() => void syncNow(), 0);
  }

  const doneSets = loggedCount(state);
  const unsaved = restored && hasPending(state.pending);

  return (
    <div className={`mx-auto max-w-3xl ${restEndsAt ? "pb-28" : "pb-8"}`}>
      {asked.dialog}
      {back ? (
        <nav aria-label="Breadcrumb" className="mb-2 flex items-center justify-between text-sm">
          {back}
          {deleteAction ? (
            <button
              type="button"
              onClick={() => void deleteSession()}
              disabled={deleting}
              className="font-semibold text-red-700 hover:underline disabled:text-slate-400"
            >
              {alreadyFinished ? "Delete session" : "Discard workout"}
            </button>
          ) : null}
        </nav>
      ) : null}
      <div className="sticky top-14 z-20 -mx-4 mb-4 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-4">
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="session-name" className="sr-only">
            Session name
          </label>
          <input
            id="session-name"
            value={state.nameText}
            maxLength={100}
            aria-invalid={state.sessionErrors.name ? true : undefined}
            aria-describedby={state.sessionErrors.name ? "session-name-error" : undefined}
            onChange={(e) => {
              const text = e.target.value;
              update((s) => typeSessionField(s, "name", text, deviceTime()));
            }}
            className="min-w-0 flex-1 rounded-md border-0 bg-transparent px-1 py-1 text-xl font-bold text-slate-900 ring-inset hover:ring-1 hover:ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-500"
          />
          {alreadyFinished ? null : (
            <Suspense fallback={null}>
              <ElapsedClock startedAt={startedAt} />
            </Suspense>
          )}
          <SyncStatusPill
            status={status}
            unsaved={unsaved}
            invalid={Object.keys(state.sessionErrors).length > 0 || Object.keys(state.editing).length > 0}
          />
        </div>
        {state.sessionErrors.name ? (
          <p id="session-name-error" role="alert" className="mt-1 text-sm text-red-700">
            {state.sessionErrors.name}
          </p>
        ) : null}
        {state.notices.session ? <p className="mt-1 text-xs text-amber-800">{state.notices.session}</p> : null}
        <p className="mt-1 text-xs text-slate-500" data-testid="logged-count">
          {doneSets} set{doneSets === 1 ? "" : "s"} logged · weights in {state.unit} · RPE optional (1–10)
        </p>
      </div>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <ol className="space-y-4">
        {slots.map((slot, index) => {
          const fills = fillsOf(slot);
          return (
            <ExerciseCard
              key={slot.id}
              slot={slot}
              rows={rowsOfSlot(state, slot.id, slot.bodyweight, slot.measure)}
              unit={state.unit}
              first={index === 0}
              last={index === slots.length - 1}
              lastDay={library.previous[slot.exerciseId]?.day ?? null}
              notice={state.notices[slot.id]}
              previousFor={(i) => fills[i]?.previous ?? null}
              placeholderFor={(i) => fills[i]?.fill ?? null}
              suggestion={suggestions[slot.id]?.why}
              plates={barbells.has(slot.exerciseId) ? plates : null}
              onChange={(row, patch) =>
                update((s) =>
                  row.logged ? editLoggedSet(s, row.id, slot.id, patch, deviceTime()) : typeInRow(s, row.id, slot.id, patch),
                )
              }
              onToggle={(row, i) => toggle(slot, row, i)}
              onRemoveRow={(row) => arrange((rules, s) => rules.removeRow(s, row.id, slot.id))}
              onTimer={(row, action) =>
                update((s) =>
                  action === "start"
                    ? startSetTimer(s, row.id, slot.id, deviceTime())
                    : stopSetTimer(s, row.id, slot.id, deviceTime()),
                )
              }
              onAddRow={() => arrange((rules, s) => rules.addRow(s, slot.id))}
              onMove={(delta) => {
                const at = deviceTime();
                arrange((rules, s) => rules.moveExercise(s, slot.id, delta, at));
              }}
              onRemove={() => removeSlot(slot)}
              onAddWarmups={slot.measure === "reps_load" && !slot.bodyweight ? () => addWarmups(slot) : undefined}
              superset={supersets.get(slot.id)}
              linkedWithNext={
                index < slots.length - 1 && slot.supersetGroup !== null && slot.supersetGroup === slots[index + 1].supersetGroup
              }
              onToggleSuperset={
                index < slots.length - 1
                  ? () => {
                      const at = deviceTime();
                      arrange((rules, s) => rules.toggleSupersetWithNext(s, slot.id, at));
                    }
                  : undefined
              }
            />
          );
        })}
      </ol>

      <div className="mt-4">
        {picking ? (
          <Suspense
            fallback={<p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">Loading…</p>}
          >
            <ExercisePicker
              options={library.options}
              failed={library.failed}
              onRetry={() => void openPicker()}
              onPick={pick}
              onClose={() => setPicking(false)}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            onClick={() => void openPicker()}
            className="w-full rounded-lg bg-white py-3 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
          >
            + Add exercise
          </button>
        )}
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={rest.enabled}
            onChange={(e) => saveRest({ ...rest, enabled: e.target.checked })}
            className="h-4 w-4 accent-brand-600"
          />
          Rest timer after each set{supersets.size ? " (after each superset round)" : ""}
        </label>
        <label className="flex items-center gap-2">
          <span className="sr-only">Rest length</span>
          <select
            value={rest.seconds}
            onChange={(e) => saveRest({ ...rest, seconds: Number(e.target.value) })}
            disabled={!rest.enabled}
            className="rounded-md border-0 py-1 pr-7 pl-2 ring-1 ring-slate-300 ring-inset"
          >
            {REST_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s < 120 ? `${s} s` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </label>
      </div>

      <FinishSection
        alreadyFinished={alreadyFinished}
        durationText={state.durationText}
        notesText={state.notesText}
        errors={state.sessionErrors}
        offline={status.kind === "offline"}
        waiting={finishPressed && (hasPending(state.pending) || status.kind !== "saved")}
        onOpen={() => {
          const at = deviceTime();
          const minutes = String(Math.max(1, Math.round((at - Date.parse(startedAt)) / 60000)));
          if (!state.durationText.trim()) update((s) => typeSessionField(s, "durationMinutes", minutes, at));
        }}
        onDuration={(text) => update((s) => typeSessionField(s, "durationMinutes", text, deviceTime()))}
        onNotes={(text) => update((s) => typeSessionField(s, "notes", text, deviceTime()))}
        unticked={() =>
          slots.flatMap((slot) => state.rows[slot.id] ?? []).filter((r) => r.text.weightKg.trim() || r.text.reps.trim()).length
        }
        confirm={asked.confirm}
        onFinish={finish}
      />

      {restEndsAt ? (
        <Suspense fallback={null}>
          <RestTimer endsAt={restEndsAt} total={rest.seconds} onChange={setRestEndsAt} />
        </Suspense>
      ) : null}
    </div>
  );
}
