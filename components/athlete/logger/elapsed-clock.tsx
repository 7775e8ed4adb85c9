"use client";

import { elapsedClock, useClock } from "./use-clock";

/**
 * The time since the workout started, ticking every second. Its own component, so that the tick redraws
 * the clock alone and not the whole logger; drawn once hydrated (server and browser would disagree).
 */
export function ElapsedClock({ startedAt }: { startedAt: string }) {
  const now = useClock();
  return now === null ? null : (
    <span className="font-mono text-sm text-slate-600 tabular-nums" aria-label="Time since you started">
      {elapsedClock(now - Date.parse(startedAt))}
    </span>
  );
}
