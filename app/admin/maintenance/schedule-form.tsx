"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { DEFAULT_LEAD_MINUTES, LEAD_TIMES, NOTICE_MESSAGE_MAX } from "@/lib/maintenance/notice";
import { scheduleNoticeAction } from "./actions";

const idle: ActionState = { status: "idle" };

/** Schedule a window. The times are the admin's wall clock; the browser adds its time zone on submit. */
export function ScheduleNoticeForm() {
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    formData.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    return scheduleNoticeAction(previous, formData);
  }, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  // A success empties the form (a new key remounts it); an error keeps what the admin typed.
  const formKey = state.status === "success" ? `saved-${state.message}` : "form";
  return (
    <form key={formKey} action={action} className="space-y-4" aria-label="Schedule maintenance">
      <FormMessage state={state.status === "error" && errors ? undefined : state} />
      <TextAreaField
        label="Message to users"
        name="message"
        maxLength={NOTICE_MESSAGE_MAX}
        defaultValue={values?.message}
        errors={errors?.message}
        hint="What will be unavailable and what users should do, e.g. “Save your workout before 02:00: logging is paused while we upgrade.”"
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Starts"
          name="startsAt"
          type="datetime-local"
          defaultValue={values?.startsAt}
          errors={errors?.startsAt}
          hint="In your own time zone."
          required
        />
        <TextField
          label="Ends"
          name="endsAt"
          type="datetime-local"
          defaultValue={values?.endsAt}
          errors={errors?.endsAt}
          required
        />
      </div>
      <SelectField
        label="Tell users"
        name="leadMinutes"
        defaultValue={values?.leadMinutes ?? String(DEFAULT_LEAD_MINUTES)}
        errors={errors?.leadMinutes}
      >
        {LEAD_TIMES.map(([minutes, label]) => (
          <option key={minutes} value={minutes}>
            {label}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel="Scheduling…">Schedule maintenance</SubmitButton>
    </form>
  );
}
