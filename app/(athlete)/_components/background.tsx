"use client";

import { type ComponentProps, lazy, Suspense, useEffect, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";
import type { OfflineReady } from "./offline-ready";

const BackgroundWork = lazy(() => import("./background-work"));

/**
 * What every athlete page does in the background and never paints: registering the service worker and
 * keeping the pages a workout with no signal needs (./offline-ready), and telling the server the time
 * zone. Its code loads once the page is idle, not with the page.
 */
export function Background(props: ComponentProps<typeof OfflineReady>) {
  const [idle, setIdle] = useState(false);
  useEffect(() => afterIdle(() => setIdle(true)), []);
  return idle ? (
    <Suspense fallback={null}>
      <BackgroundWork {...props} />
    </Suspense>
  ) : null;
}
