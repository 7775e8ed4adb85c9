"use client";

import { FieldError, FormMessage, TextField } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { PLATE_CHOICES, type PlateSetup } from "@/lib/training/plates";
import { updatePlateSetupAction } from "./actions";

/** The bar and plates the logger's plate calculator uses, in the athlete's unit. */
export function PlatesForm({ setup }: { setup: PlateSetup }) {
  const { state, dispatch, pending, onSubmit, errors } = useFormAction(updatePlateSetupAction);
  const { unit } = setup;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="unit" value={unit} />
      <TextField
        label={`Bar weight (${unit})`}
        name="bar"
        inputMode="decimal"
        defaultValue={String(setup.bar)}
        errors={errors?.bar}
        className="max-w-40"
      />
      <fieldset aria-describedby={errors?.plates?.length ? "plates-error" : "plates-hint"}>
        <legend className="text-sm font-medium text-slate-800">Plates you have</legend>
        <p id="plates-hint" className="text-sm text-slate-500">
          The logger shows which of these to put on each side for the weight you are about to lift.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {PLATE_CHOICES[unit].map((plate) => (
            <label
              key={plate}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-3 tabular-nums ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <input
                type="checkbox"
                name="plates"
                value={plate}
                defaultChecked={setup.plates.includes(plate)}
                className="h-4 w-4 accent-brand-600"
              />
              {plate} {unit}
            </label>
          ))}
        </div>
        <FieldError id="plates-error" errors={errors?.plates} />
      </fieldset>
      <PendingButton pending={pending}>Save bar and plates</PendingButton>
    </form>
  );
}
