"use client";

import NextLink from "next/link";
import { type ComponentProps, useState } from "react";

/**
 * The app's link: Next's, except that it fetches the page it opens when the user reaches for it (a
 * pointer over it, a finger down on it, keyboard focus) instead of as soon as it is in view. By default
 * every link in view is prefetched while the page loads, two requests each, and the router decodes every
 * answer on the main thread: on a mid-range phone that is a quarter of a second of blocked taps on a page
 * with a header and a list, for pages the athlete mostly never opens. A finger lands about 100 ms before
 * its click and a pointer hovers longer, so the page is usually on its way when the tap lands; the
 * header's NavPending bar shows the rest. `prefetch={false}` still means never.
 */
export function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [reached, setReached] = useState(false);
  return (
    <NextLink
      {...props}
      // Turning prefetching on re-observes the link, and Next prefetches a link that is in view.
      prefetch={reached && prefetch !== false ? prefetch : false}
      onMouseEnter={(event) => {
        setReached(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setReached(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setReached(true);
        onFocus?.(event);
      }}
    />
  );
}
