"use client";

import { type ComponentType, lazy, Suspense, useState } from "react";
import type { FinishFormProps } from "./finish-form";

// The form opens after a tap (or shows at once for a finished workout, far down the page): not in the
// page's first download. The logger fetches it once the page is idle; should it still fail to load, the
// section says so and the workout stays kept on the device.
export const loadFinishForm = () => import("./finish-form");
const FinishForm = lazy<ComponentType<FinishFormProps>>(() =>
  loadFinishForm().then(
    (m) => ({ default: m.FinishForm }),
    () => ({ default: FinishUnavailable }),
  ),
);

function FinishUnavailable() {
  return (
    <p role="alert" className="mt-3 text-sm text-slate-700">
      The finish form could not load (offline?). Your sets are kept on this device: reload the page when you are back online.
    </p>
  );
}

/**
 * Finishing: duration and notes, each error beside its field. The workout is reported saved only
 * once the server holds everything (the logger navigates then), not when the button is pressed.
 */
export function FinishSection({
  onOpen,
  ...form
}: FinishFormProps & {
  onOpen: () => void;
}) {
  const [open, setOpen] = useState(form.alreadyFinished);
  return (
    <section aria-labelledby="finish-title" className="mt-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="finish-title" className="font-semibold text-slate-900">
        {form.alreadyFinished ? "Session details" : "Finish"}
      </h2>
      {open ? (
        // The form's own height while it loads (two fields and the button), so nothing below it moves.
        <Suspense fallback={<div className="mt-3 h-62" aria-hidden />}>
          <FinishForm {...form} />
        </Suspense>
      ) : (
        <button
          type="button"
          onClick={() => {
            onOpen();
            setOpen(true);
          }}
          className="mt-3 w-full rounded-md bg-slate-900 py-3 text-base font-semibold text-white hover:bg-slate-800 sm:w-auto sm:px-6"
        >
          Finish workout…
        </button>
      )}
    </section>
  );
}
