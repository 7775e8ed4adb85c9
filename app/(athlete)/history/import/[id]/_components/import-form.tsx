"use client";

import { FieldError, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import type { ActionState } from "@/lib/action-state";
import type { WeightUnit } from "@/lib/training/units";

export interface ExerciseRow {
  index: number;
  name: string;
  sets: number;
  suggested: string | null;
}

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The preview's choices: the unit where the file does not say it, and where each exercise name
 * goes (a library exercise picked from a searchable list, or a new exercise of the athlete's own).
 */
export function ImportForm({
  action,
  previewId,
  exercises,
  optionNames,
  askUnit,
  defaultUnit,
  unitHint,
  workoutsToImport,
}: {
  action: Action;
  previewId: string;
  exercises: ExerciseRow[];
  optionNames: string[];
  askUnit: boolean;
  defaultUnit: WeightUnit;
  /** Why the unit is preselected, when the file's weights say it (the athlete still chooses). */
  unitHint: string | null;
  workoutsToImport: number;
}) {
  const { state, dispatch, onSubmit, errors } = useFormAction(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6">
      <input type="hidden" name="previewId" value={previewId} />
      {askUnit ? (
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Which unit are the weights in?</legend>
          <p className="text-sm text-slate-600">
            This export does not say. Strong writes weights in the unit set in its settings.
          </p>
          {unitHint ? (
            <p className="mt-1 text-sm text-slate-600">
              {unitHint} {defaultUnit === "kg" ? "Kilograms" : "Pounds"} are chosen for you; change it if that is wrong.
            </p>
          ) : null}
          <div className="mt-2 flex gap-6">
            {(["kg", "lb"] as const).map((unit) => (
              <label key={unit} className="flex items-center gap-2 text-sm">
                <input type="radio" name="weightUnit" value={unit} defaultChecked={unit === defaultUnit} />
                {unit === "kg" ? "Kilograms (kg)" : "Pounds (lb)"}
              </label>
            ))}
          </div>
          <FieldError id="weightUnit-error" errors={errors?.weightUnit} />
        </fieldset>
      ) : (
        <input type="hidden" name="weightUnit" value={defaultUnit} />
      )}

      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Exercises</legend>
        <p className="text-sm text-slate-600">
          Each name in the file, and the exercise its sets are filed under. Type to search the library.
        </p>
        <datalist id="library-exercises">
          {optionNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <ul className="mt-3 divide-y divide-slate-200">
          {exercises.map((e) => {
            const errorId = `exercise-${e.index}-error`;
            const fieldErrors = errors?.[`exercise.${e.index}`];
            return (
              <li key={e.index} className="grid gap-2 py-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
                <p className="text-sm">
                  <span className="font-medium text-slate-900">{e.name}</span>
                  <span className="block text-slate-500">
                    {e.sets} {e.sets === 1 ? "set" : "sets"}
                  </span>
                </p>
                <div className="space-y-1 text-sm" role="radiogroup" aria-label={`Where “${e.name}” goes`}>
                  <div className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`choice.${e.index}`}
                      value="library"
                      defaultChecked={e.suggested !== null}
                      aria-label={`File “${e.name}” under a library exercise`}
                    />
                    <input
                      name={`exercise.${e.index}`}
                      list="library-exercises"
                      defaultValue={e.suggested ?? ""}
                      placeholder="Search the library"
                      aria-label={`Library exercise for ${e.name}`}
                      aria-invalid={fieldErrors?.length ? true : undefined}
                      aria-describedby={fieldErrors?.length ? errorId : undefined}
                      onInput={(event) => {
                        const radio = event.currentTarget.form?.querySelector<HTMLInputElement>(
                          `input[name="choice.${e.index}"][value="library"]`,
                        );
                        if (radio) radio.checked = true;
                      }}
                      className="w-full rounded-md bg-white px-2 py-1 ring-1 ring-slate-300 aria-[invalid=true]:ring-red-500"
                    />
                  </div>
                  <label className="flex items-center gap-2">
                    <input type="radio" name={`choice.${e.index}`} value="own" defaultChecked={e.suggested === null} />
                    Create as my own exercise
                  </label>
                  <FieldError id={errorId} errors={fieldErrors} />
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <FormMessage state={state} />
      <SubmitButton pendingLabel="Importing…" disabled={workoutsToImport === 0}>
        Import {workoutsToImport} {workoutsToImport === 1 ? "workout" : "workouts"}
      </SubmitButton>
    </form>
  );
}
