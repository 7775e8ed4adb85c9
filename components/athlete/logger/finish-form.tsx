"use client";

import type { ConfirmRequest } from "@/components/ui/confirm-dialog";

export type FinishFormProps = {
  alreadyFinished: boolean;
  durationText: string;
  notesText: string;
  errors: Partial<Record<"durationMinutes" | "notes", string>>;
  offline: boolean;
  waiting: boolean;
  onDuration: (text: string) => void;
  onNotes: (text: string) => void;
  /** Rows with values that are not ticked (they are not saved): finishing with any asks first. */
  unticked: () => number;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  /** Finish: the duration is valid, and the athlete agreed to leave any unticked rows. */
  onFinish: () => void;
};

/** The finish form (./finish-section): duration and notes, each error beside its field, and the button. */
export function FinishForm({
  alreadyFinished,
  durationText,
  notesText,
  errors,
  offline,
  waiting,
  onDuration,
  onNotes,
  unticked,
  confirm,
  onFinish,
}: FinishFormProps) {
  async function finish() {
    if (errors.durationMinutes) return document.getElementById("duration")?.focus();
    const left = unticked();
    if (
      left &&
      !(await confirm({
        title: "Finish with sets not logged?",
        detail: `${left} set${left === 1 ? " has" : "s have"} values but ${left === 1 ? "is" : "are"} not ticked, and will not be saved.`,
        confirmLabel: "Finish anyway",
        tone: "primary",
      }))
    )
      return;
    onFinish();
  }

  return (
    <div className="mt-3 space-y-3">
      <div>
        <label htmlFor="duration" className="block text-sm font-medium text-slate-800">
          Duration (minutes)
        </label>
        <input
          id="duration"
          inputMode="numeric"
          value={durationText}
          onChange={(e) => onDuration(e.target.value)}
          aria-invalid={errors.durationMinutes ? true : undefined}
          aria-describedby={errors.durationMinutes ? "duration-error" : undefined}
          className="mt-1 block w-32 rounded-md border-0 px-3 py-2 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:bg-red-50 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-500"
        />
        {errors.durationMinutes ? (
          <p id="duration-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.durationMinutes}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="notes" className="block text-sm font-medium text-slate-800">
          Notes
        </label>
        <textarea
          id="notes"
          rows={3}
          maxLength={2000}
          value={notesText}
          onChange={(e) => onNotes(e.target.value)}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? "notes-error" : undefined}
          placeholder="How did it feel? Anything to remember next time?"
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
        />
        {errors.notes ? (
          <p id="notes-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.notes}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => void finish()}
        className="w-full rounded-md bg-emerald-600 py-3 text-base font-semibold text-white hover:bg-emerald-700 sm:w-auto sm:px-6"
      >
        {alreadyFinished ? "Save changes" : "Finish workout"}
      </button>
      {waiting ? (
        <p role="status" className="text-sm text-amber-800">
          {offline
            ? "You are offline. Your workout is kept on this device and will be saved as soon as you are back online."
            : "Saving your workout…"}
        </p>
      ) : null}
    </div>
  );
}
