"use client";

import { useRef, useState, type ReactNode } from "react";
import { FieldError, FormMessage, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import {
  EXPERIENCE_LABELS,
  GOAL_LABELS,
  ITEMS_REQUIRED_MESSAGE,
  MAX_DAYS_PER_WEEK,
  MIN_DAYS_PER_WEEK,
} from "@/lib/athlete/assessment-options";
import type { EquipmentChoice } from "@/lib/equipment";
import { EXPERIENCE_LEVELS, TRAINING_GOALS } from "@/lib/training/types";
import { EquipmentFields } from "./equipment-fields";
import { PendingButton } from "./pending-button";
import { useFormAction } from "./use-form-action";

export type AssessmentDefaults = {
  sport: string;
  age: string;
  experienceLevel: string;
  goal: string;
  daysPerWeek: string;
  equipment: EquipmentChoice | null;
  items: string[];
};

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const STEPS = [
  { title: "About you", fields: ["sport", "age"] },
  { title: "Experience and goal", fields: ["experienceLevel", "goal"] },
  { title: "Your week", fields: ["daysPerWeek"] },
  { title: "Your equipment", fields: ["equipment", "items"] },
] as const;

const DAY_HINTS: Record<number, string> = {
  2: "Full body",
  3: "Full body",
  4: "Upper / lower",
  5: "Push / pull / legs",
  6: "Push / pull / legs",
};

function RadioCards({
  name,
  options,
  defaultValue,
  errors,
  legend,
}: {
  name: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue: string;
  errors?: string[];
  legend: string;
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-3 py-2 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              required
              className="h-4 w-4 accent-brand-600"
            />
            <span>
              <span className="block text-sm font-semibold text-slate-900">{o.label}</span>
              {o.hint ? <span className="block text-xs text-slate-500">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

/**
 * The onboarding assessment. `stepped` shows one step at a time (onboarding); otherwise every
 * question at once (profile). All steps stay in the form, hidden, so one submit sends every answer,
 * and the server's field errors take the athlete back to the first step that has one.
 */
export function AssessmentForm({
  action,
  defaults,
  stepped,
  submitLabel,
}: {
  action: Action;
  defaults: AssessmentDefaults;
  stepped: boolean;
  submitLabel: string;
}) {
  const { state, dispatch, pending, onSubmit: submitAnswers, errors, values } = useFormAction(action);
  const [step, setStep] = useState(0);
  const [localError, setLocalError] = useState<{ items?: string[] }>({});
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, open the first step holding an error (derived during render, once per result).
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (errors) {
      const first = STEPS.findIndex((s) => s.fields.some((f) => errors[f]?.length));
      if (first >= 0) setStep(first);
    }
  }

  const v = (name: keyof AssessmentDefaults) => (values?.[name] as string | undefined) ?? (defaults[name] as string);

  /** Browser checks for the visible step before moving on; the server checks everything again. */
  function stepIsValid(index: number): boolean {
    const form = formRef.current;
    if (!form) return true;
    const section = form.querySelector<HTMLElement>(`[data-step="${index}"]`);
    const inputs = section ? Array.from(section.querySelectorAll<HTMLInputElement>("input, select")) : [];
    for (const input of inputs) if (!input.reportValidity()) return false;
    if (STEPS[index].fields.includes("items" as never)) {
      const basic = form.querySelector<HTMLInputElement>('input[name="equipment"][value="basic_equipment"]')?.checked;
      const anyItem = form.querySelectorAll('input[name="items"]:checked').length > 0;
      if (basic && !anyItem) {
        setLocalError({ items: [ITEMS_REQUIRED_MESSAGE] });
        return false;
      }
    }
    setLocalError({});
    return true;
  }

  const section = (index: number, children: ReactNode) => (
    <section data-step={index} hidden={stepped && step !== index} aria-labelledby={`step-${index}-title`} className="space-y-5">
      <h2
        id={`step-${index}-title`}
        className={stepped ? "text-lg font-semibold text-slate-900" : "text-base font-semibold text-slate-900"}
      >
        {stepped ? (
          <span className="mr-2 text-sm font-medium text-slate-500">
            Step {index + 1} of {STEPS.length}
          </span>
        ) : null}
        {STEPS[index].title}
      </h2>
      {children}
    </section>
  );

  return (
    <form
      ref={formRef}
      action={dispatch}
      noValidate
      className="space-y-8"
      onSubmit={(e) => {
        if (stepped && step < STEPS.length - 1) {
          e.preventDefault();
          if (stepIsValid(step)) setStep(step + 1);
        } else if (!stepIsValid(stepped ? step : STEPS.length - 1)) {
          e.preventDefault();
        } else {
          submitAnswers(e);
        }
      }}
    >
      {stepped ? (
        <ol className="flex gap-2" aria-label="Progress">
          {STEPS.map((s, i) => (
            <li
              key={s.title}
              className={`h-1.5 flex-1 rounded-full ${i <= step ? "bg-brand-600" : "bg-slate-200"}`}
              aria-current={i === step ? "step" : undefined}
            >
              <span className="sr-only">{`${s.title}${i < step ? " (done)" : i === step ? " (current)" : ""}`}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <FormMessage state={state} />

      {section(
        0,
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Sport or main activity"
            name="sport"
            required
            maxLength={60}
            placeholder="e.g. Football, running, climbing"
            defaultValue={v("sport")}
            errors={errors?.sport}
          />
          <TextField
            label="Age"
            name="age"
            type="number"
            inputMode="numeric"
            min={13}
            max={100}
            required
            defaultValue={v("age")}
            errors={errors?.age}
          />
        </div>,
      )}
      {section(
        1,
        <>
          <RadioCards
            legend="Experience with strength training"
            name="experienceLevel"
            defaultValue={v("experienceLevel")}
            errors={errors?.experienceLevel}
            options={EXPERIENCE_LEVELS.map((l) => ({
              value: l,
              label: EXPERIENCE_LABELS[l].split(" (")[0],
              hint: EXPERIENCE_LABELS[l].match(/\((.*)\)/)?.[1],
            }))}
          />
          <RadioCards
            legend="Main goal"
            name="goal"
            defaultValue={v("goal")}
            errors={errors?.goal}
            options={TRAINING_GOALS.map((g) => ({ value: g, label: GOAL_LABELS[g] }))}
          />
        </>,
      )}
      {section(
        2,
        <RadioCards
          legend="Days a week you can train"
          name="daysPerWeek"
          defaultValue={v("daysPerWeek")}
          errors={errors?.daysPerWeek}
          options={Array.from({ length: MAX_DAYS_PER_WEEK - MIN_DAYS_PER_WEEK + 1 }, (_, i) => {
            const days = MIN_DAYS_PER_WEEK + i;
            return { value: String(days), label: `${days} days`, hint: DAY_HINTS[days] };
          })}
        />,
      )}
      {section(
        3,
        <EquipmentFields
          defaultEquipment={(values?.equipment as EquipmentChoice | undefined) ?? defaults.equipment}
          defaultItems={defaults.items}
          errors={{ equipment: errors?.equipment, items: localError.items ?? errors?.items }}
        />,
      )}

      <div className="flex flex-wrap items-center gap-3">
        {stepped && step > 0 ? (
          <Button variant="secondary" onClick={() => setStep(step - 1)}>
            Back
          </Button>
        ) : null}
        {stepped && step < STEPS.length - 1 ? (
          <button
            type="submit"
            className="inline-flex min-h-10 items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
          >
            Next
          </button>
        ) : (
          <PendingButton pending={pending} pendingLabel="Building your program…">
            {submitLabel}
          </PendingButton>
        )}
      </div>
    </form>
  );
}
