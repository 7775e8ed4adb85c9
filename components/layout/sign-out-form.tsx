"use client";

import { type ReactNode, useEffect } from "react";

/**
 * Tells the service worker nobody is signed in here any more: it drops every page it kept (app/serwist/sw.ts).
 * Told through its registration, not the page's controller: a page the worker does not control (opened
 * before it took over, or reloaded past it) has none, and the leaving athlete's pages would stay.
 */
function forgetKeptPages(): void {
  navigator.serviceWorker?.getRegistration().then(
    (registration) => registration?.active?.postMessage({ type: "signed-out" }),
    () => {},
  );
}

/** The "Sign out" form of the header and the phone menu. */
export function SignOutForm({ signOut, children }: { signOut: () => Promise<void>; children: ReactNode }) {
  return (
    <form action={signOut} onSubmit={forgetKeptPages}>
      {children}
    </form>
  );
}

/**
 * Placed on a page the server shows only to a visitor with no session (the landing page, where a sign-out
 * ends). The form tells the worker as the sign-out leaves, but until the server has ended the session a
 * page asked for then is still rendered for the athlete, and the worker would keep it; told again here,
 * once the server has answered as signed out, it drops that page and refuses any still on its way.
 */
export function SignedOut() {
  useEffect(forgetKeptPages, []);
  return null;
}
