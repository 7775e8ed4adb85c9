/**
 * What the athlete does in the logger, as plain functions from state to state. A set is logged only
 * when the set's rules (lib/training/set) accept it; then it joins the pending changes with the time
 * of each field's edit, for the merge to compare. Typing, ticking and editing are here, needed from the
 * first tap; adding, removing, unticking and moving rows and exercises are in ./logger-arrange.
 */
import { setTimeText } from "@/lib/training/set-time";
import { distanceFieldUnit, distanceText, distanceUnitFor } from "@/lib/training/distance";
import { SET_FIELDS, setValueErrors, type SetFieldErrors, type SetValues } from "@/lib/training/set";
import { checkSessionField, type SessionField } from "./session-fields";
import {
  loggedRows,
  valuesOfText,
  visibleSlots,
  weightText,
  type LoggerState,
  type PendingSet,
  type RowFill,
  type SetText,
} from "./logger-state";
import type { WeightUnit } from "@/lib/training/units";
import type { ExerciseMeasure } from "@/lib/training/types";

export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

export function slotOf(state: LoggerState, slotId: string) {
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
