"use client";

import { FieldError, FormMessage, TextField } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { updateProfileAction } from "./actions";
import { WEIGHT_UNITS } from "@/lib/training/units";

export function ProfileForm({ name, weightUnit }: { name: string; weightUnit: "kg" | "lb" }) {
  const { state, dispatch, pending, onSubmit, errors } = useFormAction(updateProfileAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={name} errors={errors?.name} />
      <fieldset aria-describedby={errors?.weightUnit?.length ? "weightUnit-error" : "weightUnit-hint"}>
        <legend className="text-sm font-medium text-slate-800">Weight unit</legend>
        <p id="weightUnit-hint" className="text-sm text-slate-500">
          Used everywhere you type or read a weight, and for distances: kilometres with kilograms, miles with pounds (type
          &ldquo;5 km&rdquo; or &ldquo;3.1 mi&rdquo; to log in the other). Your history converts automatically.
        </p>
        <div className="mt-2 flex gap-2">
          {WEIGHT_UNITS.map((unit) => (
            <label
              key={unit}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-4 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <input
                type="radio"
                name="weightUnit"
                value={unit}
                defaultChecked={weightUnit === unit}
                className="h-4 w-4 accent-brand-600"
              />
              {unit === "kg" ? "Kilograms (kg)" : "Pounds (lb)"}
            </label>
          ))}
        </div>
        <FieldError id="weightUnit-error" errors={errors?.weightUnit} />
      </fieldset>
      <PendingButton pending={pending}>Save profile</PendingButton>
    </form>
  );
}
