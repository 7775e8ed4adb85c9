/**
 * What the athlete does in the logger, as plain functions from state to state. A set is logged only
 * when the set's rules (lib/training/set) accept it; then it joins the pending changes with the time
 * of each field's edit, for the merge to compare.
 */
import { setTimeText } from "@/lib/training/set-time";
import { distanceFieldUnit, distanceText, distanceUnitFor } from "@/lib/training/distance";
import { SET_FIELDS, setValueErrors, type SetFieldErrors, type SetValues } from "@/lib/training/set";
import { checkSessionField, type SessionField } from "./session-fields";
import {
  blankText,
  loggedRows,
  newUuid,
  valuesOfText,
  visibleSlots,
  weightText,
  withPlannedRows,
  type LoggerState,
  type PendingSet,
  type RowFill,
  type SetText,
} from "./logger-state";
import type { WeightUnit } from "@/lib/training/units";
import type { ExerciseMeasure } from "@/lib/training/types";
import { warmupRamp } from "@/lib/training/warmups";

/** Deleting a set this device added and has not heard back about: its own version is the one it saw. */
export const OWN_SET_REVISION = 2_147_483_647;

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

function slotOf(state: LoggerState, slotId: string) {
  return visibleSlots(state).find((s) => s.id === slotId);
}

/**
 * A logged set's values back as text (to edit, or to type again after an untick or a refusal). The
 * distance is written for the exercise's measure's field (metres for a carry, km or mi for a run);
 * without the measure, a set with a time is taken for a run.
 */
export function textOfValues(values: SetValues, unit: WeightUnit, measure?: ExerciseMeasure): SetText {
  const distanceUnit = measure ? distanceFieldUnit(measure, unit) : values.seconds === null ? "m" : distanceUnitFor(unit);
  return {
    weightKg: weightText(values.weightKg, unit),
    reps: values.missed && values.reps === 0 ? "" : String(values.reps),
    rpe: values.rpe === null ? "" : String(values.rpe),
    missed: values.missed,
    setType: values.setType,
    seconds: values.seconds === null ? "" : setTimeText(values.seconds),
    distanceM: values.distanceM === null ? "" : distanceText(values.distanceM, distanceUnit),
  };
}

/** Check typed text by the set's rules: the values to log, or the field errors to show. */
export function checkText(
  state: LoggerState,
  text: SetText,
  bodyweight: boolean,
  measure: ExerciseMeasure = "reps_load",
): { values: SetValues } | { errors: SetFieldErrors } {
  const values = valuesOfText(text, bodyweight, measure, state.unit);
  const errors = setValueErrors(values, measure);
  if (Object.keys(errors).length) return { errors };
  return { values: values as SetValues };
}

export function typeInRow(state: LoggerState, rowId: string, slotId: string, patch: Partial<SetText>): LoggerState {
  const rows = (state.rows[slotId] ?? []).map((r) => (r.id === rowId ? { ...r, text: { ...r.text, ...patch } } : r));
  return { ...state, rows: { ...state.rows, [slotId]: rows }, errors: withoutKey(state.errors, rowId) };
}

/** Tick a typed row: logged if valid (blank fields take last time's values, as the placeholder says). */
export function logRow(
  state: LoggerState,
  rowId: string,
  slotId: string,
  fill: RowFill | null,
  now: number,
): { state: LoggerState; logged: PendingSet | null } {
  const slot = slotOf(state, slotId);
  const row = state.rows[slotId]?.find((r) => r.id === rowId);
  if (!slot || !row) return { state, logged: null };
  const text = {
    ...row.text,
    weightKg: row.text.weightKg.trim() || fill?.weightKg || "",
    reps: row.text.reps.trim() || (row.text.missed ? "0" : fill?.reps || ""),
    seconds: row.text.seconds.trim() || (row.text.missed ? "" : fill?.seconds || ""),
    distanceM: row.text.distanceM.trim() || (row.text.missed ? "" : fill?.distanceM || ""),
  };
  const checked = checkText(state, text, slot.bodyweight, slot.measure);
  if ("errors" in checked) {
    return {
      state: { ...typeInRow(state, rowId, slotId, text), errors: { ...state.errors, [rowId]: checked.errors } },
      logged: null,
    };
  }
  const position = Math.max(-1, ...loggedRows(state, slotId).map((r) => r.position)) + 1;
  const set: PendingSet = {
    id: row.id,
    slotId,
    position,
    values: checked.values,
    times: { ...fieldTimes(now), position: now },
  };
  return {
    state: {
      ...state,
      rows: { ...state.rows, [slotId]: state.rows[slotId].filter((r) => r.id !== rowId) },
      pending: { ...state.pending, sets: { ...state.pending.sets, [set.id]: set } },
      errors: withoutKey(state.errors, rowId),
      notices: withoutKey(state.notices, rowId),
      ...(state.timers ? { timers: withoutKey(state.timers, rowId) } : {}),
    },
    logged: set,
  };
}

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

/** Edit a logged set's field: sent when the shared schema accepts the new values, shown in red until then. */
export function editLoggedSet(
  state: LoggerState,
  setId: string,
  slotId: string,
  patch: Partial<SetText>,
  now: number,
): LoggerState {
  const slot = slotOf(state, slotId);
  const row = loggedRows(state, slotId).find((r) => r.id === setId);
  if (!slot || !row) return state;
  const shown = { ...textOfValues(row.values, state.unit, slot.measure), reps: String(row.values.reps) };
  const current = state.editing[setId] ?? shown;
  const text = { ...current, ...patch };
  const checked = checkText(state, text, slot.bodyweight, slot.measure);
  if ("errors" in checked)
    return { ...state, editing: { ...state.editing, [setId]: text }, errors: { ...state.errors, [setId]: checked.errors } };
  // A converted weight or distance is shown rounded (226 lb for 102.5 kg): left as shown, it keeps
  // its stored value, so editing the reps never moves the weight.
  if (text.weightKg.trim() === shown.weightKg) checked.values.weightKg = row.values.weightKg;
  if (text.distanceM.trim() === shown.distanceM) checked.values.distanceM = row.values.distanceM;
  const base = state.pending.sets[setId];
  const times = base?.times ?? serverTimes(state, setId);
  const changed = SET_FIELDS.filter((k) => checked.values[k] !== row.values[k]);
  const set: PendingSet = {
    id: setId,
    slotId,
    position: row.position,
    values: checked.values,
    times: { ...times, ...Object.fromEntries(changed.map((k) => [k, now])) },
  };
  return {
    ...state,
    pending: { ...state.pending, sets: { ...state.pending.sets, [setId]: set } },
    editing: withoutKey(state.editing, setId),
    errors: withoutKey(state.errors, setId),
    notices: withoutKey(state.notices, setId),
  };
}

/** Every set field stamped with one time. */
function fieldTimes(now: number): Omit<PendingSet["times"], "position"> {
  return Object.fromEntries(SET_FIELDS.map((field) => [field, now])) as Omit<PendingSet["times"], "position">;
}

/** When the server's version of a set had each field changed (0: never, so any edit here is later). */
function serverTimes(state: LoggerState, setId: string): PendingSet["times"] {
  const t = state.server.sets.find((s) => s.id === setId)?.times ?? {};
  return {
    ...fieldTimes(0),
    ...Object.fromEntries(SET_FIELDS.map((field) => [field, t[field] ?? 0])),
    position: t.position ?? 0,
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

/** The session's own fields: sent when valid by the shared schema, otherwise an error beside the field. */
export function typeSessionField(state: LoggerState, field: SessionField, text: string, now: number): LoggerState {
  const textState = field === "name" ? { nameText: text } : field === "notes" ? { notesText: text } : { durationText: text };
  const checked = checkSessionField(field, text);
  const { [field]: _old, ...sessionErrors } = state.sessionErrors;
  if (checked.error !== undefined)
    return {
      ...state,
      ...textState,
      sessionErrors: {
        ...sessionErrors,
        [field]: field === "durationMinutes" ? "Enter the duration in whole minutes (1 to 1440)." : checked.error,
      },
    };
  return { ...state, ...textState, sessionErrors, pending: { ...state.pending, [field]: { value: checked.value, at: now } } };
}

export function requestFinish(state: LoggerState): LoggerState {
  return { ...state, pending: { ...state.pending, finish: true } };
}
