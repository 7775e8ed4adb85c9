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

/** Where the athlete's changes are: on the server, on their way, or kept on this device and why. */
export function SyncStatusPill({ status, unsaved }: { status: SyncStatus; unsaved: boolean }) {
  const text = status.kind === "saved" && unsaved ? "Unsaved changes" : (TEXT[status.kind] as (s: SyncStatus) => string)(status);
  const calm = status.kind === "saved" || status.kind === "saving";
  const tone =
    status.kind === "saved" && !unsaved
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
