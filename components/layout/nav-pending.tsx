"use client";

import { useLinkPending } from "@/components/ui/link";

/**
 * Inside a navigation link: a bar under its label while the page it opens is on its way. Athlete pages
 * have no loading state of their own (React holds a streamed page back at least 300 ms after a painted
 * loading state, which costs every first visit more than it gives a tap), so without this a tap on a
 * slow connection would look dead until the page arrives. The link must be `relative`.
 */
export function NavPending() {
  return useLinkPending() ? (
    <span aria-hidden className="absolute inset-x-3 bottom-1 h-0.5 animate-pulse rounded bg-brand-600" />
  ) : null;
}
