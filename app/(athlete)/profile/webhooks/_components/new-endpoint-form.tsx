"use client";

import { FormMessage, TextField } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createEndpointAction } from "../actions";

/** Register an endpoint; the signing secret is shown here once, right after. */
export function NewEndpointForm({ requireHttps }: { requireHttps: boolean }) {
  const { state, dispatch, pending, onSubmit, errors, values } = useFormAction(createEndpointAction);
  const secret = state.status === "success" ? (state.data as { secret?: string } | undefined)?.secret : undefined;
  return (
    <div className="space-y-4">
      {secret ? (
        <div role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">Copy the signing secret now: it is not shown again.</p>
          <p className="mt-1">Your receiver checks each event&apos;s signature with it (see the guide below).</p>
          <code
            data-testid="webhook-secret"
            className="mt-2 block rounded bg-white px-2 py-1 font-mono text-xs break-all select-all"
          >
            {secret}
          </code>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <form key={secret ?? "form"} action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField
          label="Endpoint address"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://example.com/ironlog-events"
          required
          defaultValue={values?.url}
          hint={
            requireHttps
              ? "An https:// address that answers a POST with a 2xx status."
              : "An address that answers a POST with a 2xx status."
          }
          errors={errors?.url}
        />
        <fieldset aria-describedby={errors?.events ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Send these events</legend>
          <div className="mt-2 space-y-2">
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex min-h-11 items-center gap-3 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="events"
                  value={event}
                  defaultChecked={event === "workout.finished"}
                  className="size-5 rounded border-slate-300 text-brand-600"
                />
                <span>
                  {WEBHOOK_EVENT_LABELS[event]} <code className="text-xs text-slate-500">{event}</code>
                </span>
              </label>
            ))}
          </div>
          {errors?.events ? (
            <p id="events-error" role="alert" className="mt-1 text-sm text-red-700">
              {errors.events[0]}
            </p>
          ) : null}
        </fieldset>
        <PendingButton pending={pending} pendingLabel="Adding…">
          Add endpoint
        </PendingButton>
      </form>
    </div>
  );
}
