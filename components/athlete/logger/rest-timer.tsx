"use client";

import { useEffect, useState } from "react";

function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export type RestTimerProps = { endsAt: number; total: number; onChange: (endsAt: number | null) => void };

/**
 * The rest countdown started when a set is ticked: a bar pinned to the bottom of the screen, with
 * ±15 s and skip. It counts from an end time, so a phone that sleeps shows the right time on waking.
 */
export function RestTimer({ endsAt, total, onChange }: RestTimerProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = (endsAt - now) / 1000;
  const over = left <= 0;
  useEffect(() => {
    if (over && typeof navigator !== "undefined" && "vibrate" in navigator) navigator.vibrate?.([200, 100, 200]);
  }, [over]);
  return (
    <div
      role="timer"
      aria-live="off"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur"
    >
      <div className="mx-auto flex max-w-3xl items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className={`text-sm font-semibold ${over ? "text-emerald-700" : "text-slate-900"}`}>
            {over ? (
              "Rest over: next set!"
            ) : (
              <>
                Rest <span className="font-mono text-lg tabular-nums">{clock(left)}</span>
              </>
            )}
          </p>
          <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <div
              className="h-full bg-brand-600 transition-[width] duration-200"
              style={{ width: `${Math.max(0, Math.min(100, (left / total) * 100))}%` }}
            />
          </div>
        </div>
        {!over ? (
          <>
            <button
              type="button"
              onClick={() => onChange(endsAt - 15_000)}
              className="min-h-10 rounded-md px-2 text-sm font-semibold text-slate-700 ring-1 ring-slate-300"
              aria-label="15 seconds less rest"
            >
              −15
            </button>
            <button
              type="button"
              onClick={() => onChange(endsAt + 15_000)}
              className="min-h-10 rounded-md px-2 text-sm font-semibold text-slate-700 ring-1 ring-slate-300"
              aria-label="15 seconds more rest"
            >
              +15
            </button>
          </>
        ) : null}
        <button
          type="button"
          onClick={() => onChange(null)}
          className="min-h-10 rounded-md bg-slate-900 px-3 text-sm font-semibold text-white"
        >
          {over ? "Close" : "Skip"}
        </button>
      </div>
    </div>
  );
}
