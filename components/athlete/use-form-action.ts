"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState for forms that must keep what the athlete entered when the server answers with
 * errors. React resets a form after its action returns, which empties selects and checkboxes the
 * error echo cannot restore; dispatching from onSubmit skips that reset. The form keeps
 * `action={dispatch}` too, so it still submits before the page has hydrated.
 */
export function useFormAction(action: Action) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  }
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return { state, dispatch, pending, onSubmit, errors, values };
}
