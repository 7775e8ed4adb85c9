/**
 * Arranging a workout in the logger, as plain functions from state to state: a set unticked, rows added
 * (the next set, warm-ups) and removed, exercises added, removed, moved and linked into supersets. Apart
 * from typing and ticking (./logger-actions) so the logger's page can load these after it is usable.
 */
import type { ExerciseMeasure } from "@/lib/training/types";
import { warmupRamp } from "@/lib/training/warmups";
import { slotOf, textOfValues, withoutKey } from "./logger-actions";
import {
  blankText,
  loggedRows,
  newUuid,
  positiveWeight,
  visibleSlots,
  withPlannedRows,
  type LoggerState,
  type RowFill,
  type SetText,
} from "./logger-state";

/** Deleting a set this device added and has not heard back about: its own version is the one it saw. */
export const OWN_SET_REVISION = 2_147_483_647;

/** Untick a logged set: it is deleted, and its values come back as a new typed row. */
export function unlogSet(state: LoggerState, setId: string, slotId: string): LoggerState {
  const row = loggedRows(state, slotId).find((r) => r.id === setId);
  if (!row) return state;
  const onServer = state.server.sets.some((s) => s.id === setId);
  const text = textOfValues(row.values, state.unit, slotOf(state, slotId)?.measure);
  const { [setId]: _edit, ...sets } = state.pending.sets;
  const rows = state.rows[slotId] ?? [];
  return {
    ...state,
    pending: {
      ...state.pending,
      sets,
      deletedSets: { ...state.pending.deletedSets, [setId]: onServer ? state.server.revision : OWN_SET_REVISION },
    },
    rows: { ...state.rows, [slotId]: [{ id: newUuid(), slotId, text }, ...rows] },
    marks: withoutKey(state.marks, setId),
    editing: withoutKey(state.editing, setId),
  };
}

export function removeRow(state: LoggerState, rowId: string, slotId: string): LoggerState {
  if (loggedRows(state, slotId).some((r) => r.id === rowId)) {
    const next = unlogSet(state, rowId, slotId);
    return { ...next, rows: { ...next.rows, [slotId]: next.rows[slotId].slice(1) } };
  }
  return {
    ...state,
    rows: { ...state.rows, [slotId]: (state.rows[slotId] ?? []).filter((r) => r.id !== rowId) },
    errors: withoutKey(state.errors, rowId),
    ...(state.timers ? { timers: withoutKey(state.timers, rowId) } : {}),
  };
}

/**
 * "+ Add set": a new row holding the previous set's weight, reps and RPE, since the next set is most
 * often the same again. The previous set is the nearest row above with something in it (blank planned
 * rows are skipped), typed or logged. Never "missed", and never a drop set or a set to failure: those
 * name one set, not the next (a warm-up ramp goes on as warm-ups).
 */
export function addRow(state: LoggerState, slotId: string): LoggerState {
  const typed = state.rows[slotId] ?? [];
  const filled = (text: SetText) =>
    [text.weightKg, text.reps, text.seconds, text.distanceM].some((field) => (field ?? "").trim() !== "");
  const measure = slotOf(state, slotId)?.measure;
  const logged = loggedRows(state, slotId).map((r) => textOfValues(r.values, state.unit, measure));
  const previous = [...logged, ...typed.map((r) => r.text)].findLast(filled) ?? blankText();
  const setType = previous.setType === "drop" || previous.setType === "failure" ? "normal" : previous.setType;
  const text: SetText = { ...previous, missed: false, setType };
  return { ...state, rows: { ...state.rows, [slotId]: [...typed, { id: newUuid(), slotId, text }] } };
}

export function addExercise(
  state: LoggerState,
  option: { id: number; name: string; bodyweight: boolean; measure?: ExerciseMeasure },
  now: number,
): LoggerState {
  const id = newUuid();
  const position = Math.max(-1, ...visibleSlots(state).map((s) => s.position)) + 1;
  const slot = {
    id,
    exerciseId: option.id,
    exerciseName: option.name,
    bodyweight: option.bodyweight,
    measure: option.measure ?? "reps_load",
    supersetGroup: null,
    position,
    positionAt: now,
  };
  return withPlannedRows({ ...state, pending: { ...state.pending, exercises: { ...state.pending.exercises, [id]: slot } } });
}

/**
 * The working weight to ramp warm-ups to, from a slot's rows as shown (./logger-view) and their fills
 * (./row-fill): the next working row's, as typed or as filled (from the set before it, today's suggestion
 * or last time); with every row logged, the last working set's. 0 when there is none.
 */
export function workingWeight(
  rows: readonly { logged: boolean; text: SetText }[],
  fills: readonly { fill: RowFill | null }[],
): number {
  const next = rows.findIndex((r) => !r.logged && r.text.setType !== "warmup");
  const lastLogged = rows.findLast((r) => r.logged && r.text.setType !== "warmup");
  const text =
    next >= 0 ? rows[next].text.weightKg.trim() || fills[next]?.fill?.weightKg || "" : (lastLogged?.text.weightKg ?? "");
  return positiveWeight(text) ?? 0;
}

/**
 * Two or three warm-up rows before the slot's first typed row, ramped toward the working weight
 * (lib/training/warmups). Returns the state unchanged when there is no working weight to ramp to.
 */
export function addWarmupRows(state: LoggerState, slotId: string, workingWeight: number): LoggerState {
  const ramp = warmupRamp(workingWeight, state.unit);
  if (ramp.length === 0) return state;
  const rows = ramp.map((step) => ({
    id: newUuid(),
    slotId,
    text: { ...blankText(), setType: "warmup" as const, weightKg: String(step.weight), reps: String(step.reps) },
  }));
  return { ...state, rows: { ...state.rows, [slotId]: [...rows, ...(state.rows[slotId] ?? [])] } };
}

/**
 * "+ Warm-ups" on a slot: rows ramped toward `weight` (its working weight, workingWeight above) with the
 * slot's notice cleared, or, with no working weight yet, a notice asking for one; and what to announce.
 */
export function warmupsFor(
  state: LoggerState,
  slot: { id: string; exerciseName: string },
  weight: number,
): { state: LoggerState; announcement: string } {
  if (!(weight > 0)) {
    return {
      state: {
        ...state,
        notices: { ...state.notices, [slot.id]: "Type the first working weight, then add warm-ups ramped toward it." },
      },
      announcement: `Type the first working weight for ${slot.exerciseName}, then add warm-ups.`,
    };
  }
  return {
    state: addWarmupRows({ ...state, notices: withoutKey(state.notices, slot.id) }, slot.id, weight),
    announcement: `Warm-up sets added to ${slot.exerciseName}, ramped toward ${weight} ${state.unit}.`,
  };
}

/** What removing an exercise with `logged` logged sets asks first (the app's confirm dialog). */
export function removalQuestion(exerciseName: string, logged: number): { title: string; detail: string; confirmLabel: string } {
  return {
    title: `Remove ${exerciseName}?`,
    detail: `Its ${logged === 1 ? "logged set is" : `${logged} logged sets are`} removed from this session too.`,
    confirmLabel: "Remove exercise",
  };
}

/** Remove an exercise with its sets: a tombstone for what this device has seen of it. */
export function removeExercise(state: LoggerState, slotId: string): LoggerState {
  const onServer = state.server.exercises.some((e) => e.id === slotId);
  const sets = Object.fromEntries(Object.entries(state.pending.sets).filter(([, s]) => s.slotId !== slotId));
  const { [slotId]: _slot, ...exercises } = state.pending.exercises;
  return {
    ...state,
    pending: {
      ...state.pending,
      sets,
      exercises,
      deletedExercises: onServer
        ? { ...state.pending.deletedExercises, [slotId]: state.server.revision }
        : state.pending.deletedExercises,
    },
    rows: withoutKey(state.rows, slotId),
  };
}

export function moveExercise(state: LoggerState, slotId: string, delta: -1 | 1, now: number): LoggerState {
  const slots = visibleSlots(state);
  const from = slots.findIndex((s) => s.id === slotId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= slots.length) return state;
  [slots[from], slots[to]] = [slots[to], slots[from]];
  const exercises = { ...state.pending.exercises };
  slots.forEach((slot, position) => {
    if (slot.position === position && exercises[slot.id]?.position === position) return;
    if (slot.position !== position || slot.id === slotId) {
      const { target: _target, ...rest } = slot;
      exercises[slot.id] = { ...rest, position, positionAt: now };
    }
  });
  return { ...state, pending: { ...state.pending, exercises } };
}

/**
 * Link a slot with the next one into a superset (the group either already has, or a new number), or
 * unlink the next one when they are already together. Sent like a move: the later change wins.
 */
export function toggleSupersetWithNext(state: LoggerState, slotId: string, now: number): LoggerState {
  const slots = visibleSlots(state);
  const index = slots.findIndex((s) => s.id === slotId);
  const slot = slots[index];
  const next = slots[index + 1];
  if (!slot || !next) return state;
  const exercises = { ...state.pending.exercises };
  const put = (s: (typeof slots)[number], supersetGroup: number | null) => {
    const { target: _target, ...rest } = s;
    exercises[s.id] = { ...rest, positionAt: state.pending.exercises[s.id]?.positionAt ?? 0, supersetGroup, supersetAt: now };
  };
  if (slot.supersetGroup !== null && slot.supersetGroup === next.supersetGroup) {
    put(next, null);
  } else {
    const group = slot.supersetGroup ?? next.supersetGroup ?? Math.max(0, ...slots.map((s) => s.supersetGroup ?? 0)) + 1;
    put(slot, group);
    put(next, group);
  }
  return { ...state, pending: { ...state.pending, exercises } };
}
