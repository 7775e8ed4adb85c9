"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { chooseDraft, draftToSaveInput, hasUnsavedChanges, savedSetKeys, type SessionDraft } from "@/lib/athlete/session-draft";

export type SyncStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "invalid"; message: string }
  | { kind: "signed_out" }
  | { kind: "missing" }
  | { kind: "failed"; message: string };

/** Field errors from the server, keyed by set key then field. */
export type SetErrors = Record<string, Partial<Record<"weight" | "reps" | "rpe" | "exerciseId", string>>>;

const RETRY_MS = 15_000;
const DRAFT_PREFIX = "ironlog:draft:";
const DRAFT_MAX_AGE_MS = 30 * 86_400_000;

function readDraft(key: string): SessionDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw).draft as SessionDraft) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: SessionDraft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), draft }));
  } catch {
    // Storage full or disabled (private mode): the draft still lives in memory and is synced.
  }
}

/** Drafts of sessions long gone (discarded elsewhere, finished on another device) are pruned. */
function pruneOldDrafts(): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(DRAFT_PREFIX)) continue;
      const savedAt = Number(JSON.parse(window.localStorage.getItem(key) ?? "{}").savedAt);
      if (!(savedAt > Date.now() - DRAFT_MAX_AGE_MS)) window.localStorage.removeItem(key);
    }
  } catch {
    // Nothing to prune if storage is unavailable.
  }
}

/**
 * The session draft: kept in localStorage on every change, so a reload or a lost connection loses
 * nothing, and sent whole to PUT /api/sessions/:id until the server has acknowledged the latest
 * revision. One request at a time, so an older save can never land after a newer one.
 */
export function useSessionDraft(storageKey: string, serverDraft: SessionDraft, onFinished: () => void) {
  const [draft, setDraft] = useState(serverDraft);
  const [status, setStatus] = useState<SyncStatus>({ kind: "saved" });
  const [setErrors, setSetErrors] = useState<SetErrors>({});
  const [restored, setRestored] = useState(false);
  const draftRef = useRef(draft);
  const inFlight = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onFinishedRef = useRef(onFinished);
  const syncRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    draftRef.current = draft;
    onFinishedRef.current = onFinished;
  });

  // Open the browser's copy if it holds work the server has not seen (reload, offline).
  useEffect(() => {
    pruneOldDrafts();
    const chosen = chooseDraft(readDraft(storageKey), serverDraft);
    draftRef.current = chosen;
    // Reading localStorage can only happen after hydration, so this one state update is deliberate.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraft(chosen);
    setRestored(true);
  }, [storageKey, serverDraft]);

  useEffect(() => {
    if (restored) writeDraft(storageKey, draft);
  }, [storageKey, draft, restored]);

  const sync = useCallback(async () => {
    if (inFlight.current) return;
    const sent = draftRef.current;
    if (!hasUnsavedChanges(sent)) return;
    inFlight.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    setStatus({ kind: "saving" });
    let retry = false;
    try {
      const response = await fetch(`/api/sessions/${sent.sessionId}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(draftToSaveInput(sent)),
      });
      const body = (await response.json().catch(() => ({}))) as { updatedAt?: string; error?: string; fieldErrors?: Record<string, string[]> };
      if (response.ok) {
        const acknowledged = { ...draftRef.current, syncedRevision: sent.revision, serverUpdatedAt: body.updatedAt ?? sent.serverUpdatedAt };
        draftRef.current = acknowledged;
        setDraft(acknowledged);
        setSetErrors({});
        setStatus({ kind: "saved" });
        if (sent.finishRequested && !hasUnsavedChanges(acknowledged)) {
          window.localStorage.removeItem(storageKey);
          onFinishedRef.current();
        }
      } else if (response.status === 422) {
        const keys = savedSetKeys(sent);
        const errors: SetErrors = {};
        for (const [path, messages] of Object.entries(body.fieldErrors ?? {})) {
          const match = /^sets\.(\d+)\.(\w+)$/.exec(path);
          const key = match ? keys[Number(match[1])] : undefined;
          if (key) errors[key] = { ...errors[key], [match![2]]: messages[0] };
        }
        setSetErrors(errors);
        setStatus({ kind: "invalid", message: body.fieldErrors?.name?.[0] ?? body.error ?? "Please correct the highlighted sets." });
      } else if (response.status === 401) {
        setStatus({ kind: "signed_out" });
      } else if (response.status === 404) {
        setStatus({ kind: "missing" });
      } else {
        setStatus({ kind: "failed", message: body.error ?? "The server could not save just now." });
        retry = true;
      }
    } catch {
      // Network down: the draft is safe in this browser; try again when back online.
      setStatus({ kind: "offline" });
      retry = true;
    } finally {
      inFlight.current = false;
    }
    // Through a ref: the callback cannot name itself while it is being declared.
    if (retry) {
      retryTimer.current = setTimeout(() => void syncRef.current(), RETRY_MS);
    } else if (hasUnsavedChanges(draftRef.current) && draftRef.current.revision !== sent.revision) {
      void syncRef.current();
    }
  }, [storageKey]);

  useEffect(() => {
    syncRef.current = sync;
  }, [sync]);

  // Save shortly after each change (typing a name is debounced; ticking a set goes almost at once).
  useEffect(() => {
    if (!restored || !hasUnsavedChanges(draft)) return;
    const timer = setTimeout(() => void sync(), 300);
    return () => clearTimeout(timer);
  }, [draft, restored, sync]);

  useEffect(() => {
    const online = () => void sync();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [sync]);

  /** Apply a change the server must hear about. */
  const change = useCallback((update: (d: SessionDraft) => SessionDraft) => {
    setDraft((current) => {
      const next = update(current);
      return { ...next, revision: current.revision + 1 };
    });
  }, []);

  return { draft, change, status, setErrors, restored, syncNow: sync };
}
