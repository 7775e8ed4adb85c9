"use client";

import { useRouter } from "next/navigation";
import { type AnchorHTMLAttributes, createContext, type MouseEvent, use, useTransition } from "react";

const LinkPending = createContext(false);

/** Inside a Link: whether the page it opens is on its way (the header's NavPending bar). */
export function useLinkPending(): boolean {
  return use(LinkPending);
}

/** A click the browser should handle itself: another tab or window, a download, another site. */
function leftToTheBrowser(event: MouseEvent<HTMLAnchorElement>): boolean {
  const a = event.currentTarget;
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (a.target !== "" && a.target !== "_self") ||
    a.hasAttribute("download") ||
    a.origin !== window.location.origin
  );
}

/**
 * The app's link: an anchor whose click the App Router navigates (no reload), and which fetches the page
 * it opens when the user reaches for it (a pointer over it, a finger down on it, keyboard focus), not as
 * soon as it is in view. Prefetching every link in view costs a mid-range phone a quarter of a second of
 * blocked taps on a page with a header and a list, for pages the athlete mostly never opens; a finger
 * lands about 100 ms before its click, so the page is usually on its way when the tap lands.
 *
 * Not next/link: its code (viewport observers, URL objects, legacy modes) is 2.9 kB of every page's
 * first download, and the app uses none of it. The router does the navigating, as next/link's does.
 * `prefetch={false}` means never.
 */
export function Link({
  href,
  prefetch,
  onClick,
  onMouseEnter,
  onTouchStart,
  onFocus,
  children,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: false }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const reach = () => {
    if (prefetch !== false) router.prefetch(href);
  };
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (leftToTheBrowser(event)) return;
        event.preventDefault();
        startTransition(() => router.push(href));
      }}
      onMouseEnter={(event) => {
        reach();
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        reach();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        reach();
        onFocus?.(event);
      }}
    >
      <LinkPending value={pending}>{children}</LinkPending>
    </a>
  );
}
