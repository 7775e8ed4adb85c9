"use client";

import { elapsedClock, useClock } from "./use-clock";

/**
 * A timed set's start/stop button. It shows the time since `startedAt` (kept in the logger's stored
 * state), so a phone that slept or a page that reloaded shows the right time; stopping fills the row.
 */
export function SetTimer({
  label,
  startedAt,
  onStart,
  onStop,
}: {
  label: string;
  startedAt: number | undefined;
  onStart: () => void;
  onStop: () => void;
}) {
  const running = startedAt !== undefined;
  const now = useClock(500, running);
  return (
    <button
      type="button"
      onClick={running ? onStop : onStart}
      aria-label={running ? `Stop the timer of ${label} and fill its time` : `Start a timer for ${label}`}
      data-testid="set-timer"
      className={`mt-1.5 flex h-11 w-full items-center justify-center gap-2 rounded-md text-sm font-semibold tabular-nums ${running ? "bg-brand-600 text-white" : "text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50"}`}
    >
      {running ? (
        <>
          <span aria-hidden>■</span> Stop <span role="timer">{now === null ? "0:00" : elapsedClock(now - startedAt)}</span>
        </>
      ) : (
        <>
          <span aria-hidden>▶</span> Start timer
        </>
      )}
    </button>
  );
}
