"use client";

import type { SyncStatus } from "./use-logger-sync";

const TEXT: { [K in SyncStatus["kind"]]: (status: Extract<SyncStatus, { kind: K }>) => string } = {
  saving: () => "Saving…",
  offline: () => "Offline: kept on this device, will sync",
  failed: (s) => `${s.message} Retrying…`,
  invalid: (s) => s.message,
  signed_out: () => "Signed out: sign in again to save",
  missing: () => "This session no longer exists",
  saved: () => "All changes saved",
};

/**
 * Where the athlete's changes are: on the server, on their way, or kept on this device and why. A
 * change held back by its own error (a session name too long, a logged set's field being retyped) is
 * not saved, whatever the server has: the pill says so rather than "All changes saved".
 */
export function SyncStatusPill({ status, unsaved, invalid }: { status: SyncStatus; unsaved: boolean; invalid: boolean }) {
  const held = invalid && (status.kind === "saved" || status.kind === "saving");
  const text = held
    ? "Not saved: fix the field marked in red"
    : status.kind === "saved" && unsaved
      ? "Unsaved changes"
      : (TEXT[status.kind] as (s: SyncStatus) => string)(status);
  const calm = !held && (status.kind === "saved" || status.kind === "saving");
  const tone =
    !held && status.kind === "saved" && !unsaved
      ? "bg-emerald-50 text-emerald-800"
      : calm
        ? "bg-slate-100 text-slate-700"
        : "bg-amber-100 text-amber-900";
  return (
    <p role="status" className={`rounded-full px-3 py-1 text-xs font-medium ${tone}`} data-testid="sync-status">
      {text}
    </p>
  );
}
