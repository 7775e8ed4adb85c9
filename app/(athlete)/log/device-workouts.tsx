"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useState } from "react";
import { readKept } from "@/components/athlete/logger/device-storage";
import { loggerStateKey, STARTED_PREFIX } from "@/lib/athlete/logger-storage";
import { formatDateTime } from "@/components/athlete/format";

type DeviceWorkout = { uid: string; name: string; startedAt: number };

/**
 * Workouts started on this device that the server does not have yet (started with no signal, not
 * synced since): the list the server renders cannot show them, so this one does, with a way back.
 */
export function DeviceWorkouts({ userId, timeZone }: { userId: number; timeZone: string }) {
  const [workouts, setWorkouts] = useState<DeviceWorkout[]>([]);

  useEffect(() => {
    const found: DeviceWorkout[] = [];
    try {
      const prefix = `${STARTED_PREFIX}${userId}:`;
      for (let i = 0; i < window.localStorage.length; i++) {
        const key = window.localStorage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const uid = key.slice(prefix.length);
        // Read as stored, without the logger: a workout whose start is still queued has not reached
        // the server (once it has, the list above shows it when the page is loaded online).
        const state = readKept(loggerStateKey(userId, uid), "state") as {
          nameText?: string;
          pending?: { start?: { name?: string; startedAt?: number } };
        } | null;
        const start = state?.pending?.start;
        if (!start) continue;
        found.push({ uid, name: state?.nameText || start.name || "Workout", startedAt: start.startedAt ?? 0 });
      }
    } catch {
      // Storage unavailable: nothing was kept here.
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    setWorkouts(found.sort((a, b) => b.startedAt - a.startedAt));
  }, [userId]);

  if (!workouts.length) return null;
  return (
    <section aria-labelledby="device-workouts" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="device-workouts" className="font-semibold text-amber-950">
        On this phone, not saved to your account yet
      </h2>
      <p className="mt-1 text-sm text-amber-900">Started with no signal. Open it while online and it is saved.</p>
      <ul className="mt-3 divide-y divide-amber-200">
        {workouts.map((w) => (
          <li key={w.uid} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <div>
              <p className="font-semibold text-slate-900">{w.name}</p>
              {w.startedAt ? (
                <p className="text-sm text-slate-700">Started {formatDateTime(new Date(w.startedAt), timeZone)}</p>
              ) : null}
            </div>
            <Link
              href={`/log/start?uid=${w.uid}`}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              Resume
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
