"use client";

import { useEffect, useState } from "react";

type ToastState = { status: string; message?: string } | undefined;

/**
 * A server action's outcome as a toast: errors stay until dismissed (an admin must read why something
 * was refused), successes fade after a few seconds. A new result shows again even with the same text.
 */
export function ActionToast({ state }: { state: ToastState }) {
  const [dismissed, setDismissed] = useState<ToastState>(undefined);
  const visible = Boolean(state?.message) && state !== dismissed && (state?.status === "error" || state?.status === "success");
  const error = state?.status === "error";

  useEffect(() => {
    if (!visible || error) return;
    const timer = setTimeout(() => setDismissed(state), 6000);
    return () => clearTimeout(timer);
  }, [visible, error, state]);

  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 sm:justify-end sm:px-6"
    >
      {visible ? (
        <div
          role={error ? "alert" : "status"}
          className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ${
            error ? "bg-red-50 text-red-900 ring-red-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200"
          }`}
        >
          <p className="flex-1">{state?.message}</p>
          <button
            type="button"
            onClick={() => setDismissed(state)}
            className="rounded px-1 font-semibold underline underline-offset-2"
          >
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
