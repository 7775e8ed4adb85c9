"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";
import { hasPending, openState, adoptServer, type LoggerState } from "@/lib/athlete/logger-state";
import { POLL_MS, RETRY_MS } from "@/lib/athlete/sync-timing";
import type { SessionSnapshot, SessionStart } from "@/lib/athlete/session-sync";
import type { WeightUnit } from "@/lib/training/units";
import { LOGGER_STATE_PREFIX, loggerStateKey } from "@/lib/athlete/logger-storage";
import { upgradeStoredState } from "@/lib/athlete/logger-upgrade";
import { dropKept, keep, pruneKept, readKept } from "./device-storage";

export type SyncStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "invalid"; message: string }
  | { kind: "signed_out" }
  | { kind: "missing" }
  | { kind: "failed"; message: string };

const STATE_MAX_AGE_MS = 30 * 86_400_000;

// A save, what it sends and how its answer is taken in (./send-changes, lib/athlete/logger-sync) are needed
// only once there is something to send: fetched then, or once the page is idle, whichever comes first (the
// service worker keeps the build's files, so they load with no signal too). A failed load is retried like
// a failed save.
const loadSender = () => import("./send-changes");

/**
 * The state kept under `key`, in the current shape (a state kept by an older release is brought up to
 * it). The upgrade stays in the page's first download: were its code fetched and not arrive, the state
 * it could not read would be written over, and with it whatever was typed under the older release.
 */
function readState(key: string): LoggerState | null {
  const state = readKept(key, "state");
  if (state === null || state === undefined) return null;
  try {
    return upgradeStoredState(state);
  } catch {
    return null;
  }
}

/**
 * A queue kept under the session's key, as the logger kept it before sessions had a uid: read once,
 * then kept under the uid.
 */
function adoptKeptByKey(userId: number, server: SessionSnapshot): LoggerState | null {
  if (server.id === 0) return null;
  const key = `${LOGGER_STATE_PREFIX}${userId}:${server.id}`;
  const state = readState(key);
  if (state) dropKept(key);
  return state;
}

/** Queues of sessions long gone (discarded elsewhere) are pruned, and so are drafts of the old format. */
function pruneOld(): void {
  pruneKept(LOGGER_STATE_PREFIX, STATE_MAX_AGE_MS);
  // Every draft of the old format goes (age 0).
  pruneKept("ironlog:draft:", 0);
}

/**
 * The logger's state and its sync: kept in localStorage on every change (the offline queue), the
 * pending changes sent to PUT /api/sessions/:id one request at a time, the merged answer adopted, and
 * the other devices' changes picked up on focus and every few seconds while the page is visible.
 */
export function useLoggerSync(
  userId: number,
  serverSession: SessionSnapshot,
  unit: WeightUnit,
  onFinished: (sessionId: number) => void,
  start?: SessionStart,
) {
  const storageKey = loggerStateKey(userId, serverSession.uid);
  const [state, setState] = useState<LoggerState>(() => openState(null, serverSession, unit, start));
  const [status, setStatus] = useState<SyncStatus>({ kind: "saved" });
  const [restored, setRestored] = useState(false);
  const stateRef = useRef(state);
  const inFlight = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onFinishedRef = useRef(onFinished);
  const syncRef = useRef<() => Promise<void>>(async () => {});
  // Set when the athlete finished on this device, also before a reload with the finish still queued.
  const finishWanted = useRef(false);
  // Set once the server has deleted the session at this device's asking: nothing more is kept or sent.
  const forgotten = useRef(false);

  // The ref is set with every change (update, the restore below), never from a render: a render of an
  // earlier state would put it back over a later change.
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });

  // This device's queue and typed rows survive a reload; read after hydration.
  useEffect(() => {
    pruneOld();
    const kept = readState(storageKey) ?? adoptKeptByKey(userId, serverSession);
    // With nothing kept, the state first drawn for this session stays: opened again, its planned rows would
    // get new identities, and every row on the page would be drawn anew (a tap on one, lost).
    if (kept || stateRef.current.server !== serverSession) {
      const opened = openState(kept, serverSession, unit, start);
      stateRef.current = opened;
      if (opened.pending.finish) finishWanted.current = true;
      setState(opened);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    setRestored(true);
  }, [storageKey, serverSession, unit, start, userId]);

  useEffect(() => afterIdle(() => void loadSender().catch(() => {})), []);

  useEffect(() => {
    if (restored && !forgotten.current) keep(storageKey, "state", state);
  }, [storageKey, state, restored]);

  // Applied at once to the ref, not when React next renders: the sync reads the ref right after an
  // answer is adopted, and reading it before the render sent the acknowledged changes a second time.
  const update = useCallback((change: (s: LoggerState) => LoggerState) => {
    const next = change(stateRef.current);
    stateRef.current = next;
    setState(next);
  }, []);

  const sync = useCallback(async () => {
    if (inFlight.current || forgotten.current) return;
    const sending = stateRef.current;
    if (!hasPending(sending.pending)) return;
    inFlight.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    setStatus({ kind: "saving" });
    let retry = false;
    let again = false;
    try {
      const { sendChanges } = await loadSender();
      const answer = await sendChanges(sending, update);
      setStatus(answer.status);
      retry = answer.retry;
      again = answer.again;
    } catch {
      // Network down (or the save could not load): the queue is safe in this browser; try again when
      // back online.
      setStatus({ kind: "offline" });
      retry = true;
    } finally {
      inFlight.current = false;
    }
    // Through a ref: the callback cannot name itself while it is being declared.
    // Changes made while the request was out go next, once React has applied the answer.
    if (retry) retryTimer.current = setTimeout(() => void syncRef.current(), RETRY_MS);
    else if (again) setTimeout(() => void syncRef.current(), 0);
  }, [update]);

  useEffect(() => {
    syncRef.current = sync;
  }, [sync]);

  // Finished once the server holds everything: the workout is only reported saved then.
  useEffect(() => {
    if (!finishWanted.current || !state.server.finishedAt || hasPending(state.pending) || Object.keys(state.errors).length > 0)
      return;
    finishWanted.current = false;
    dropKept(storageKey);
    onFinishedRef.current(state.server.id);
  }, [state, storageKey]);
  const wantFinish = useCallback(() => {
    finishWanted.current = true;
  }, []);
  /** The session was deleted: its queue on this device goes, and no save is sent for it again. */
  const forget = useCallback(() => {
    forgotten.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    dropKept(storageKey);
  }, [storageKey]);

  // Save shortly after each change (typing is debounced; ticking a set goes almost at once).
  useEffect(() => {
    if (!restored || !hasPending(state.pending)) return;
    const timer = setTimeout(() => void sync(), 300);
    return () => clearTimeout(timer);
  }, [state.pending, restored, sync]);

  // Other devices' changes: on focus, on reconnect, and every few seconds while visible.
  const refresh = useCallback(async () => {
    if (inFlight.current || forgotten.current || document.visibilityState !== "visible") return;
    if (hasPending(stateRef.current.pending)) return void sync();
    try {
      const response = await fetch(`/api/sessions/${stateRef.current.server.uid}`, { cache: "no-store" });
      if (!response.ok) return;
      const snapshot = (await response.json()) as SessionSnapshot;
      if (inFlight.current || snapshot.revision <= stateRef.current.server.revision) return;
      update((s) => adoptServer(s, snapshot));
    } catch {
      // Offline: the next poll or the online event tries again.
    }
  }, [sync, update]);

  useEffect(() => {
    if (!restored) return;
    const online = () => void sync();
    const focus = () => void refresh();
    window.addEventListener("online", online);
    window.addEventListener("focus", focus);
    document.addEventListener("visibilitychange", focus);
    const poll = setInterval(() => void refresh(), POLL_MS);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("focus", focus);
      document.removeEventListener("visibilitychange", focus);
      clearInterval(poll);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [restored, sync, refresh]);

  return { state, update, status, restored, syncNow: sync, wantFinish, forget };
}
