"use client";

import { FieldError, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import type { ActionState } from "@/lib/action-state";
import type { DateQuestion } from "@/lib/history-import/date-question";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The preview's question when the file's month names read two ways: a date from the file as each
 * language reads it; the answer moves the preview's dates before anything is imported.
 */
export function DateReadingForm({ action, previewId, question }: { action: Action; previewId: string; question: DateQuestion }) {
  const { state, dispatch, onSubmit, errors } = useFormAction(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="previewId" value={previewId} />
      <fieldset aria-describedby={errors?.locale?.length ? "locale-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Which language are the dates in?</legend>
        <p className="text-sm text-slate-600">
          Line {question.example.line} says “{question.example.text}”: its month reads differently in these languages.
        </p>
        <div className="mt-2 space-y-1">
          {question.options.map((option) => (
            <label key={option.locale} className="flex items-center gap-2 text-sm">
              <input type="radio" name="locale" value={option.locale} defaultChecked={option.locale === question.chosen} />
              {option.language}: {option.reads}
            </label>
          ))}
        </div>
        <FieldError id="locale-error" errors={errors?.locale} />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Reading the dates…">Read the dates this way</SubmitButton>
    </form>
  );
}
