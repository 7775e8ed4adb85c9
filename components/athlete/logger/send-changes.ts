import { acknowledge, refuse, saveInput } from "@/lib/athlete/logger-sync";
import type { LoggerState } from "@/lib/athlete/logger-state";
import type { SaveResult } from "@/lib/athlete/session-sync";
import type { SyncStatus } from "./use-logger-sync";

/**
 * One save of the logger's pending changes: PUT /api/sessions/:uid with what this device changed, and
 * the answer taken in (the merged session acknowledged, a refusal put back beside its fields). Apart
 * from the hook (./use-logger-sync), which fetches it only when it first has something to send. Throws
 * when the request cannot be made (offline): the caller keeps the queue and tries again.
 */
export async function sendChanges(
  sending: LoggerState,
  update: (change: (s: LoggerState) => LoggerState) => void,
): Promise<{ status: SyncStatus; retry: boolean; again: boolean }> {
  const sent = sending.pending;
  const response = await fetch(`/api/sessions/${sending.server.uid}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(saveInput(sending)),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<SaveResult> & {
    error?: string;
    fieldErrors?: Record<string, string[]>;
  };
  if (response.ok && body.snapshot) {
    const { snapshot, conflicts = [], mergedSlots } = body;
    // Only a workout merged with another device's needs this, and only once online: fetched then.
    const merged = mergedSlots ? await import("@/lib/athlete/merged-workouts") : null;
    update((current) =>
      acknowledge(current, sent, snapshot, conflicts, merged ? (s) => merged.intoMergedSlots(s, mergedSlots!) : undefined),
    );
    return { status: { kind: "saved" }, retry: false, again: true };
  }
  if (response.status === 422) {
    const fieldErrors = body.fieldErrors ?? {};
    let placed = false;
    update((current) => {
      const refused = refuse(current, sent, fieldErrors);
      placed = refused.placed;
      return refused.state;
    });
    // Send what the server did not refuse; a refusal naming nothing is not retried blindly.
    return {
      status: { kind: "invalid", message: body.error ?? "Some values were not saved: see the highlighted fields." },
      retry: false,
      again: placed,
    };
  }
  if (response.status === 401) return { status: { kind: "signed_out" }, retry: false, again: false };
  if (response.status === 404) return { status: { kind: "missing" }, retry: false, again: false };
  return { status: { kind: "failed", message: body.error ?? "The server could not save just now." }, retry: true, again: false };
}
