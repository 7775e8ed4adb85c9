"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/ui/field";
import { PendingButton } from "./pending-button";
import { useFormAction } from "./use-form-action";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const input =
  "block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

function useAction(action: Action) {
  const form = useFormAction(action);
  const { state, errors } = form;
  const message = state.status === "error" && !errors ? state.message : state.status === "success" ? state.message : undefined;
  return { ...form, message };
}

/** A one-field form (create or rename a split or a day) with its error by the field. */
export function NameForm({
  action,
  fields = {},
  label,
  defaultValue = "",
  submitLabel,
  placeholder,
  resetOnSuccess = false,
}: {
  action: Action;
  fields?: Record<string, string | number>;
  label: string;
  defaultValue?: string;
  submitLabel: string;
  placeholder?: string;
  resetOnSuccess?: boolean;
}) {
  const { state, dispatch, pending, onSubmit, errors, message } = useAction(action);
  const id = useId();
  // After a successful add, a new key remounts the field empty for the next one.
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (seen !== state) {
    setSeen(state);
    if (resetOnSuccess && state.status === "success") setGeneration((g) => g + 1);
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="min-w-40 flex-1">
        <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          key={generation}
          defaultValue={state.status === "error" ? (state.values?.name ?? defaultValue) : defaultValue}
          placeholder={placeholder}
          maxLength={60}
          required
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby={errors?.name ? `${id}-error` : undefined}
          className={`mt-1 ${input}`}
        />
      </div>
      <PendingButton pending={pending} variant="secondary">
        {submitLabel}
      </PendingButton>
      <div className="basis-full">
        <FieldError id={`${id}-error`} errors={errors?.name} />
        {message ? (
          <p
            role={state.status === "error" ? "alert" : "status"}
            className={`text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}
          >
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** Sets × reps for a day's exercise: add one (with an exercise choice) or edit its targets. */
export function TargetsForm({
  action,
  fields,
  exercises,
  defaults = { targetSets: 3, targetRepsMin: 8, targetRepsMax: 12, note: "", supersetGroup: null },
  submitLabel,
}: {
  action: Action;
  fields: Record<string, string | number>;
  exercises?: { id: number; name: string }[];
  defaults?: {
    targetSets: number;
    targetRepsMin: number;
    targetRepsMax: number;
    note: string | null;
    supersetGroup?: number | null;
  };
  submitLabel: string;
}) {
  const { state, dispatch, pending, onSubmit, errors, message } = useAction(action);
  const id = useId();
  const v = (name: string, fallback: string) => (state.status === "error" ? (state.values?.[name] ?? fallback) : fallback);
  const num = (name: "targetSets" | "targetRepsMin" | "targetRepsMax" | "supersetGroup", label: string) => (
    <div className="w-20">
      <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        inputMode="numeric"
        defaultValue={v(name, defaults[name] === null || defaults[name] === undefined ? "" : String(defaults[name]))}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={errors?.[name] ? `${id}-${name}-error` : undefined}
        className={`mt-1 ${input}`}
      />
    </div>
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-2">
        {exercises ? (
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-exercise`} className="block text-xs font-medium text-slate-700">
              Exercise
            </label>
            <select
              id={`${id}-exercise`}
              name="exerciseId"
              defaultValue={v("exerciseId", "")}
              aria-invalid={errors?.exerciseId ? true : undefined}
              aria-describedby={errors?.exerciseId ? `${id}-exerciseId-error` : undefined}
              className={`mt-1 ${input}`}
            >
              <option value="">Choose an exercise…</option>
              {exercises.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {num("targetSets", "Sets")}
        {num("targetRepsMin", "Reps from")}
        {num("targetRepsMax", "to")}
        {num("supersetGroup", "Superset group")}
        <PendingButton pending={pending} variant="secondary">
          {submitLabel}
        </PendingButton>
      </div>
      <p className="text-xs text-slate-500">
        Give exercises of the day the same superset group number to do them back to back, resting after the last: they show as
        Superset A, B… in order, here and in the logger.
      </p>
      {(["exerciseId", "targetSets", "targetRepsMin", "targetRepsMax", "supersetGroup"] as const).map((name) => (
        <FieldError key={name} id={`${id}-${name}-error`} errors={errors?.[name]} />
      ))}
      {message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={`text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}
        >
          {message}
        </p>
      ) : null}
    </form>
  );
}
