"use client";

import { useEffect } from "react";
import { TextField } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { garminRangeAction } from "./actions";

/**
 * The days whose finished workouts download as one zip of Garmin FIT files. The server checks the
 * days and counts the workouts first (errors beside the fields), then the browser fetches the zip
 * from its route as a plain download, so it streams to disk rather than through the page.
 */
export function GarminRangeForm({ from, to }: { from: string; to: string }) {
  const { state, dispatch, pending, onSubmit, errors, values } = useFormAction(garminRangeAction);
  const href = state.status === "success" ? (state.data as { href?: string } | undefined)?.href : undefined;
  useEffect(() => {
    if (href) window.location.assign(href);
  }, [state, href]);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Download for Garmin">
      <div className="grid gap-3 min-[400px]:grid-cols-2">
        <TextField label="First day" name="from" type="date" required defaultValue={values?.from ?? from} errors={errors?.from} />
        <TextField label="Last day" name="to" type="date" required defaultValue={values?.to ?? to} errors={errors?.to} />
      </div>
      {href ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.status === "success" ? state.message : null}{" "}
          <a href={href} className="font-semibold underline" download>
            Download again
          </a>
        </p>
      ) : null}
      <PendingButton pending={pending} pendingLabel="Checking…" variant="secondary">
        Download for Garmin (.zip of .fit)
      </PendingButton>
    </form>
  );
}
