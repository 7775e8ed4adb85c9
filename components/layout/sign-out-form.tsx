"use client";

import type { ReactNode } from "react";

/** Tells the service worker nobody is signed in here any more: it drops every page it kept (app/serwist/sw.ts). */
function forgetKeptPages(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "signed-out" });
}

/** The "Sign out" form of the header and the phone menu. */
export function SignOutForm({ signOut, children }: { signOut: () => Promise<void>; children: ReactNode }) {
  return (
    <form action={signOut} onSubmit={forgetKeptPages}>
      {children}
    </form>
  );
}
