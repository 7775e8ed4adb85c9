/**
 * What the logger shows, derived from its state: each slot's rows (logged sets first, in order, then
 * the rows typed here). What a newly logged set sets and says is in ./logged-set.
 */
import type { SetFieldErrors } from "@/lib/training/set";
import { loggedRows, visibleSlots, weightText, type LoggerState, type SetText } from "./logger-state";
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
