"use client";

import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (a cookie), so calendars and weekly volume put a late
 * session on the athlete's own day rather than on UTC's.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split("; ").includes(`tz=${encodeURIComponent(zone)}`)) {
      document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
