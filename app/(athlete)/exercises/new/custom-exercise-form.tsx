"use client";

import { useState } from "react";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { FieldError, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { CUSTOM_EXERCISE_EQUIPMENT, CUSTOM_EXERCISE_MUSCLE_ROWS } from "@/lib/athlete/custom-exercise-options";
import { DIFFICULTY_LABELS, equipmentLabel } from "@/lib/athlete/exercise-filters";
import { EQUIPMENT_ITEM_LABELS } from "@/lib/equipment";
import { EXERCISE_MEASURE_LABELS, EXERCISE_MEASURES, EXERCISE_TYPE_LABELS, EXERCISE_TYPES } from "@/lib/training/types";
import { createCustomExerciseAction } from "@/app/(athlete)/exercises/actions";

export function CustomExerciseForm({ muscles }: { muscles: { id: number; name: string; region: string }[] }) {
  const { state, dispatch, pending, onSubmit, errors, values } = useFormAction(createCustomExerciseAction);
  // Followed by the boxes' defaults, so they stay ticked if the form is ever reset.
  const [equipment, setEquipment] = useState<Set<string>>(new Set());
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormMessage state={state} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={200}
        defaultValue={values?.name}
        errors={errors?.name}
        placeholder="e.g. Landmine Press"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Type" name="type" defaultValue={values?.type ?? ""} errors={errors?.type}>
          <option value="" disabled>
            Choose…
          </option>
          {EXERCISE_TYPES.map((t) => (
            <option key={t} value={t}>
              {EXERCISE_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Sets are logged by"
          name="measure"
          defaultValue={values?.measure ?? "reps_load"}
          errors={errors?.measure}
        >
          {EXERCISE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {EXERCISE_MEASURE_LABELS[m]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Difficulty" name="difficulty" defaultValue={values?.difficulty ?? ""} errors={errors?.difficulty}>
          <option value="" disabled>
            Choose…
          </option>
          {([1, 2, 3] as const).map((d) => (
            <option key={d} value={d}>
              {DIFFICULTY_LABELS[d]}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset aria-describedby={errors?.equipment?.length ? "equipment-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Equipment needed</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {CUSTOM_EXERCISE_EQUIPMENT.map((item) => (
            <label
              key={item}
              className="flex min-h-10 items-center gap-2 rounded-md px-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
            >
              <input
                type="checkbox"
                name="equipment"
                value={item}
                defaultChecked={equipment.has(item)}
                onChange={(e) => {
                  const next = new Set(equipment);
                  if (e.target.checked) next.add(item);
                  else next.delete(item);
                  setEquipment(next);
                }}
                className="h-4 w-4 accent-brand-600"
              />
              <span className="text-sm">{equipmentLabel(item, EQUIPMENT_ITEM_LABELS)}</span>
            </label>
          ))}
        </div>
        <FieldError id="equipment-error" errors={errors?.equipment} />
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Muscles worked</legend>
        <p className="text-sm text-slate-500">Activation from 1 to 100: about 80–95 for the main mover, 30–60 for helpers.</p>
        <div className="mt-2 space-y-3">
          {Array.from({ length: CUSTOM_EXERCISE_MUSCLE_ROWS }, (_, i) => i + 1).map((row) => (
            <div key={row} className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3">
              <SelectField
                label={`Muscle ${row}${row === 1 ? "" : " (optional)"}`}
                name={`muscle${row}`}
                defaultValue={values?.[`muscle${row}`] ?? ""}
                errors={errors?.[`muscle${row}`]}
              >
                <option value="">{row === 1 ? "Choose…" : "None"}</option>
                {muscles.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.region})
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Activation"
                name={`activation${row}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                defaultValue={values?.[`activation${row}`]}
                errors={errors?.[`activation${row}`]}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="field-notes" className="block text-sm font-medium text-slate-800">
          Notes (optional)
        </label>
        <textarea
          id="field-notes"
          name="notes"
          rows={3}
          maxLength={500}
          defaultValue={values?.notes}
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        />
        <FieldError id="field-notes-error" errors={errors?.notes} />
      </div>
      <PendingButton pending={pending} pendingLabel="Adding…">
        Add exercise
      </PendingButton>
    </form>
  );
}
