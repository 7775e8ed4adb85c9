"use client";

import { useEffect } from "react";
import { ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";

/**
 * Route-level error boundary: a readable message and a retry, never a stack trace. A form that sent
 * more than the server-action limit lands here too (proxy.ts answers it with the message below, which
 * the browser's action call throws): that one says what happened and what to do.
 */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const tooLarge = error.message === ACTION_TOO_LARGE_MESSAGE;
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{tooLarge ? "That was too much to send" : "Something went wrong"}</h1>
      <p className="mt-2 text-slate-600">
        {tooLarge
          ? ACTION_TOO_LARGE_MESSAGE
          : `The page could not be loaded. Nothing you saved was lost.${error.digest ? ` (Reference ${error.digest})` : ""}`}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </div>
  );
}
