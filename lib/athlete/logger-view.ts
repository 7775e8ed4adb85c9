/**
 * What the logger shows, derived from its state: each slot's rows (logged sets first, in order, then
 * the rows typed here), and the records a newly logged set sets.
 */
import { detectPersonalRecords, type PersonalRecord } from "@/lib/training/records";
import type { LoggedSet, SetFieldErrors } from "@/lib/training/set";
import { loggedRows, visibleSlots, weightText, type LoggerState, type PendingSet, type SetText } from "./logger-state";
import { textOfValues } from "./logger-actions";
import type { ExerciseMeasure } from "@/lib/training/types";

export type RowView = {
  id: string;
  text: SetText;
  logged: boolean;
  pending: boolean;
  errors: SetFieldErrors;
  notice?: string;
  marks?: LoggerState["marks"][string];
  timerStartedAt?: number;
};

export function rowsOfSlot(state: LoggerState, slotId: string, bodyweight: boolean, measure?: ExerciseMeasure): RowView[] {
  const logged = loggedRows(state, slotId).map((r) => ({
    id: r.id,
    text: state.editing[r.id] ?? {
      ...textOfValues(r.values, state.unit, measure),
      weightKg: r.values.weightKg === 0 && bodyweight ? "" : weightText(r.values.weightKg, state.unit),
      reps: String(r.values.reps),
    },
    logged: true,
    pending: r.pending,
    errors: state.errors[r.id] ?? {},
    notice: state.notices[r.id],
    marks: state.marks[r.id],
  }));
  const typed = (state.rows[slotId] ?? []).map((r) => ({
    id: r.id,
    text: r.text,
    logged: false,
    pending: false,
    errors: state.errors[r.id] ?? {},
    notice: state.notices[r.id],
    timerStartedAt: state.timers?.[r.id],
  }));
  return [...logged, ...typed];
}

/** How many sets are logged (and valid) across the session. */
export function loggedCount(state: LoggerState): number {
  return visibleSlots(state).reduce((n, slot) => n + loggedRows(state, slot.id).filter((r) => !state.errors[r.id]).length, 0);
}

/**
 * The records a newly logged set sets (a warm-up or a missed attempt sets none): against the athlete's record-holding sets from before this
 * session, plus the sets of the same exercise logged earlier in this session.
 */
export function recordsForLoggedSet(
  state: LoggerState,
  set: PendingSet,
  exerciseId: number,
  recordSets: readonly LoggedSet[],
): PersonalRecord[] {
  const earlier: LoggedSet[] = [...recordSets];
  for (const slot of visibleSlots(state)) {
    if (slot.exerciseId !== exerciseId) continue;
    for (const r of loggedRows(state, slot.id)) {
      if (r.id !== set.id) earlier.push(r.values);
    }
  }
  return detectPersonalRecords(earlier, set.values);
}
