"use client";

import { type ComponentProps, lazy, startTransition, Suspense, useEffect, useState } from "react";
import { keep, pruneKept, readKept } from "@/components/athlete/logger/device-storage";
import type { SessionLogger as LoggerComponent } from "@/components/athlete/logger/session-logger";
import { type DeviceStartedSession, deviceStartedSession, type PlanDay } from "@/lib/athlete/device-start";
import { STARTED_PREFIX, startedKey } from "@/lib/athlete/logger-storage";
import { newUuid } from "@/lib/athlete/logger-state";
import { isUuid } from "@/lib/uuid";
import type { SlotSuggestion } from "@/lib/athlete/slot-suggestions";
import type { LoggedSet } from "@/lib/training/set";
import { type InProgressWorkout, InProgressOffer } from "./in-progress-offer";

const STARTED_MAX_AGE_MS = 30 * 86_400_000;

type LoggerProps = ComponentProps<typeof LoggerComponent>;

// This page lays its workout out in the browser, so the logger cannot show before the page has run: its
// code is fetched then, beside the progression rule, instead of with the page (the service worker keeps
// the build's files, so it loads with no signal too).
const loadLogger = () => import("@/components/athlete/logger/session-logger");
const loadSuggestionRule = () => import("@/lib/athlete/slot-suggestions");
const SessionLogger = lazy(() => loadLogger().then((m) => ({ default: m.SessionLogger })));
// Both are asked for as soon as this code runs in the browser, before the page has hydrated.
if (typeof window !== "undefined") {
  void loadLogger().catch(() => {});
  void loadSuggestionRule().catch(() => {});
}

const OPENING = <p className="mx-auto max-w-3xl text-sm text-slate-600">Opening your workout…</p>;

/**
 * Opens the logger on a workout started here: the day named by `?day=` laid out from the plan this
 * page carries, under the uid in `?uid=` (made now, and put in the address, on the first open), so a
 * reload with no signal opens the same workout with everything typed in it.
 *
 * A new start (no uid in the address) while the server had another workout in progress offers that
 * one first (./in-progress-offer), in the page's first paint, rather than starting a second workout
 * the first save would then have to keep beside it, as finished.
 */
export function DeviceStart({
  userId,
  days,
  exerciseTypes,
  recent,
  unit,
  inProgress,
  ...logger
}: Omit<LoggerProps, "serverSession" | "startedAt" | "alreadyFinished" | "suggestions" | "barbellExercises" | "start"> & {
  days: PlanDay[];
  exerciseTypes: [number, string][];
  recent: Record<number, LoggedSet[][]>;
  /** The workout in progress when the page was rendered for a new start; null when none was. */
  inProgress: InProgressWorkout | null;
}) {
  const [started, setStarted] = useState<DeviceStartedSession | null>(null);
  const [offered, setOffered] = useState(inProgress !== null);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    // The device's copy of the page is one whatever its address: one kept for a new start can open a
    // workout this device already holds (the log's "Resume"), which is never offered away.
    if (offered) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the address is only readable after hydration
      if (isUuid(params.get("uid") ?? "")) setOffered(false);
      return;
    }
    pruneKept(STARTED_PREFIX, STARTED_MAX_AGE_MS);
    const named = params.get("uid") ?? "";
    const uid = isUuid(named) ? named.toLowerCase() : newUuid();
    if (params.get("uid") !== uid) {
      params.set("uid", uid);
      window.history.replaceState(window.history.state, "", `${window.location.pathname}?${params}`);
    }
    const key = startedKey(userId, uid);
    // As laid out when started: the slot ids must not change on a reload.
    let opened = readKept(key, "started") as DeviceStartedSession | null;
    if (!opened) {
      const day = days.find((d) => String(d.id) === params.get("day")) ?? null;
      opened = deviceStartedSession(uid, day, Date.now(), newUuid);
      keep(key, "started", opened);
    }
    setStarted(opened);
  }, [days, userId, offered]);

  // Today's suggestions come from the progression rule (asked for with the logger, above) once the workout
  // is laid out. Should the rule not load, the workout opens without them.
  const [suggestions, setSuggestions] = useState<Record<string, SlotSuggestion> | null>(null);
  useEffect(() => {
    if (!started) return;
    let current = true;
    loadSuggestionRule()
      .then(
        ({ slotSuggestions }) =>
          slotSuggestions(
            started.snapshot.exercises,
            new Map(Object.entries(recent).map(([k, v]) => [Number(k), v])),
            new Map(exerciseTypes),
            unit,
          ),
        () => ({}),
      )
      .then((made) => {
        // The whole logger renders now: as a transition, React renders it in slices between which the
        // browser can answer a tap, rather than in one long task.
        if (current) startTransition(() => setSuggestions(made));
      });
    return () => {
      current = false;
    };
  }, [started, recent, exerciseTypes, unit]);

  if (offered && inProgress) return <InProgressOffer workout={inProgress} onStartAnyway={() => setOffered(false)} />;
  if (!started || !suggestions) return OPENING;
  return (
    <Suspense fallback={OPENING}>
      <SessionLogger
        {...logger}
        userId={userId}
        unit={unit}
        serverSession={started.snapshot}
        start={started.start}
        startedAt={new Date(started.start.startedAt).toISOString()}
        alreadyFinished={false}
        suggestions={suggestions}
        barbellExercises={exerciseTypes.filter(([, type]) => type === "barbell").map(([id]) => id)}
      />
    </Suspense>
  );
}
