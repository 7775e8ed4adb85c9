/**
 * The start/stop timer of a timed set (a plank, a run): it keeps when it started in the logger's state,
 * which the device stores, so a locked screen, a reload or a closed tab does not lose it; stopping
 * fills the row's time with what elapsed since, in whole seconds.
 */
import { MAX_SET_SECONDS } from "@/lib/training/set";
import { setTimeText } from "@/lib/training/set-time";
import { typeInRow } from "./logger-actions";
import type { LoggerState } from "./logger-state";

/** Whole seconds from a start to now, at least 1 and at most a set's longest time. */
export function timerSeconds(startedAt: number, now: number): number {
  return Math.min(MAX_SET_SECONDS, Math.max(1, Math.round((now - startedAt) / 1000)));
}

/** Start a typed row's timer now (a second start keeps the first: a double tap does not restart it). */
export function startSetTimer(state: LoggerState, rowId: string, slotId: string, now: number): LoggerState {
  if (!state.rows[slotId]?.some((r) => r.id === rowId) || state.timers?.[rowId] !== undefined) return state;
  return { ...state, timers: { ...state.timers, [rowId]: now } };
}

/** Stop a row's timer: its time field gets the seconds since the start, as the field shows a time ("1:30"). */
export function stopSetTimer(state: LoggerState, rowId: string, slotId: string, now: number): LoggerState {
  const startedAt = state.timers?.[rowId];
  if (startedAt === undefined) return state;
  const { [rowId]: _stopped, ...timers } = state.timers ?? {};
  const stopped = { ...state, timers };
  if (!state.rows[slotId]?.some((r) => r.id === rowId)) return stopped;
  return typeInRow(stopped, rowId, slotId, { seconds: setTimeText(timerSeconds(startedAt, now)) });
}
