"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { bannersToShow, dismissedCookie, dismissing } from "@/lib/maintenance/banners";
import { type BannerNotice, bannerTimes, nextNoticeChange } from "@/lib/maintenance/phase";
import { MaintenanceNotices } from "./maintenance-notices";

const POLL_MS = 60_000;
// setTimeout's delay is a 32-bit number of milliseconds; a change further away is met by the polling.
const MAX_TIMER_MS = 2_147_483_647;

export type LiveBannerProps = {
  initial: BannerNotice[];
  serverNow: string;
  timeZone: string;
  /** The banners dismissed on this device, as the server read them from the cookie. */
  dismissed: string[];
  /** A banner whose Dismiss was tapped before this component was loaded. */
  dismissFirst?: string;
};

/**
 * The maintenance banners kept current: asks for the notices every minute and when the tab comes back,
 * switches at a window's start and clears at its end without a reload, and dismisses. Times show in
 * the user's time zone (the tz cookie, else UTC), on the server's clock.
 */
export default function MaintenanceLive({
  initial,
  serverNow,
  timeZone,
  dismissed: dismissedBefore,
  dismissFirst,
}: LiveBannerProps) {
  const [notices, setNotices] = useState(initial);
  const [dismissed, setDismissed] = useState(() =>
    dismissFirst ? dismissing(dismissedBefore, initial, dismissFirst) : dismissedBefore,
  );
  // A Dismiss tapped before this was loaded is remembered now.
  useEffect(() => {
    if (dismissFirst) document.cookie = dismissedCookie(dismissing(dismissedBefore, initial, dismissFirst));
  }, [dismissFirst, dismissedBefore, initial]);
  // The browser's clock may be off: keep the server's time by the difference seen at the last answer.
  const skewMs = useRef<number | null>(null);
  const [now, setNow] = useState(() => new Date(serverNow));

  const dismiss = (key: string) => {
    const keys = dismissing(dismissed, notices, key);
    document.cookie = dismissedCookie(keys);
    setDismissed(keys);
  };

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/maintenance-notices", { cache: "no-store" });
      if (!response.ok) return; // Signed out in another tab, or the server is down for the very maintenance: keep what we have.
      const body = (await response.json()) as { now: string; notices: BannerNotice[] };
      const skew = Date.now() - new Date(body.now).getTime();
      skewMs.current = skew;
      setNotices(body.notices);
      setNow(new Date(Date.now() - skew));
    } catch {
      // Offline: the timers below still switch and clear what is shown.
    }
  }, []);

  useEffect(() => {
    skewMs.current ??= Date.now() - new Date(serverNow).getTime();
    const poll = setInterval(refresh, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(poll);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh, serverNow]);

  // Wake up at the next phase change of any notice shown.
  useEffect(() => {
    const skew = (skewMs.current ??= Date.now() - new Date(serverNow).getTime());
    const changes = notices
      .map((n) => nextNoticeChange(bannerTimes(n), now))
      .filter((d): d is Date => d !== null)
      .map((d) => d.getTime());
    if (changes.length === 0) return;
    const delay = Math.min(Math.max(Math.min(...changes) - (Date.now() - skew), 0) + 250, MAX_TIMER_MS);
    const timer = setTimeout(() => setNow(new Date(Date.now() - skew)), delay);
    return () => clearTimeout(timer);
  }, [notices, now, serverNow]);

  return <MaintenanceNotices shown={bannersToShow(notices, now, dismissed)} timeZone={timeZone} onDismiss={dismiss} />;
}
