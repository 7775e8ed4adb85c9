"use client";

import { lazy, type MouseEvent, type ReactNode, Suspense, useEffect, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";
import type { LiveBannerProps } from "./maintenance-live";

const MaintenanceLive = lazy(() => import("./maintenance-live"));

/**
 * Planned downtime, on every page of a signed-in user. The server draws the banners into the page
 * (`children`, with its own clock, leaving out the dismissed ones), so they are in the first paint and
 * no page carries their code; once the page is idle the live banner (./maintenance-live) takes over
 * from the same notices and keeps them current. A Dismiss tapped before then brings it at once.
 */
export function MaintenanceBanner({ children, ...live }: Omit<LiveBannerProps, "dismissFirst"> & { children: ReactNode }) {
  const [started, setStarted] = useState(false);
  const [dismissFirst, setDismissFirst] = useState<string>();
  useEffect(() => afterIdle(() => setStarted(true)), []);
  const onDismissTapped = (event: MouseEvent) => {
    // Only the server-drawn buttons' taps come up here: the live banner's own buttons handle theirs.
    const key = (event.target as Element).closest("button")?.value;
    if (!key) return;
    setDismissFirst(key);
    setStarted(true);
  };
  return (
    // A tap on a banner's own Dismiss button, caught on its way up; the buttons are the keyboard's way in.
    <div onClick={onDismissTapped}>
      {started ? (
        <Suspense fallback={children}>
          <MaintenanceLive {...live} dismissFirst={dismissFirst} />
        </Suspense>
      ) : (
        children
      )}
    </div>
  );
}
