"use client";

import { useActionState } from "react";
import { PendingButton } from "@/components/athlete/pending-button";
import type { ActionState } from "@/lib/action-state";
import { sendTestEventAction } from "../actions";

/** "Send test event", with what the receiver answered beside it. */
export function TestEventButton({ endpointId }: { endpointId: number }) {
  const [state, dispatch, pending] = useActionState(sendTestEventAction, { status: "idle" } as ActionState);
  return (
    <form action={dispatch} className="flex flex-col items-start gap-1">
      <input type="hidden" name="endpointId" value={endpointId} />
      <PendingButton pending={pending} pendingLabel="Sending…" variant="secondary">
        Send test event
      </PendingButton>
      {state.status !== "idle" && state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={`text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
