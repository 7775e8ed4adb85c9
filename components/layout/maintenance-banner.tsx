"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type BannerNotice, bannerTimes, nextNoticeChange, noticePhase, noticeVisible } from "@/lib/maintenance/phase";
import { formatWindow } from "@/lib/maintenance/format";

const POLL_MS = 60_000;
// setTimeout's delay is a 32-bit number of milliseconds; a change further away is met by the polling.
const MAX_TIMER_MS = 2_147_483_647;
// Banners dismissed on this device, by window and phase ("12:announced 13:cancelled"): a window's
// next phase (it starts, it ends, it is cancelled) says something new, so it shows again.
const DISMISSED_KEY = "ironlog:maintenance-dismissed";
const dismissListeners = new Set<() => void>();

function storedDismissed(): string {
  try {
    return localStorage.getItem(DISMISSED_KEY) ?? "";
  } catch {
    return ""; // Storage blocked: every banner shows.
  }
}

function subscribeDismissed(onChange: () => void): () => void {
  dismissListeners.add(onChange);
  return () => dismissListeners.delete(onChange);
}

/**
 * Planned downtime, on every page of a signed-in user. The server renders it with its own clock (so
 * the first paint matches the browser's), then the banner asks for the current notices every minute
 * and when the tab comes back, and switches itself at the window's start and clears itself at its
 * end without a reload. Times show in the user's time zone (the tz cookie, else UTC).
 */
export function MaintenanceBanner({
  initial,
  serverNow,
  timeZone,
}: {
  initial: BannerNotice[];
  serverNow: string;
  timeZone: string;
}) {
  const [notices, setNotices] = useState(initial);
  // The browser's clock may be off: keep the server's time by the difference seen at the last answer.
  const skewMs = useRef<number | null>(null);
  const [now, setNow] = useState(() => new Date(serverNow));
  // The server renders every banner; the browser then hides the ones dismissed on this device.
  const dismissed = useSyncExternalStore(subscribeDismissed, storedDismissed, () => "").split(" ");
  const dismiss = (key: string) => {
    // Only windows still listed are kept, so the list stays as short as the banners.
    const kept = dismissed.filter((k) => notices.some((n) => k.startsWith(`${n.id}:`)));
    try {
      localStorage.setItem(DISMISSED_KEY, [...kept, key].join(" "));
    } catch {
      // Storage blocked: the banner stays.
    }
    dismissListeners.forEach((listener) => listener());
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

  const shown = notices
    .filter((notice) => noticeVisible(bannerTimes(notice), now))
    .map((notice) => ({ notice, phase: noticePhase(bannerTimes(notice), now) }))
    .filter(({ notice, phase }) => !dismissed.includes(`${notice.id}:${phase}`));

  return (
    <div aria-live="polite" className="mx-auto w-full max-w-6xl px-4 sm:px-6">
      {shown.length > 0 ? (
        <section aria-label="Planned maintenance" className="mt-4 space-y-2">
          {shown.map(({ notice, phase }) => {
            const window = formatWindow(new Date(notice.startsAt), new Date(notice.endsAt), timeZone);
            const completed = phase === "completed" || phase === "cancelled";
            return (
              <div
                key={notice.id}
                className={`rounded-lg border p-3 text-sm sm:p-4 ${
                  completed ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-sky-300 bg-sky-50 text-sky-950"
                }`}
              >
                <p className="font-semibold">
                  {phase === "cancelled"
                    ? `Planned maintenance cancelled: ${window}`
                    : completed
                      ? "Maintenance is over"
                      : phase === "in_progress"
                        ? `Maintenance in progress: ${window}`
                        : `Planned maintenance: ${window}`}
                </p>
                <p className="mt-1 [overflow-wrap:anywhere] whitespace-pre-line">
                  {completed ? notice.completionMessage : notice.message}
                </p>
                <button
                  type="button"
                  onClick={() => dismiss(`${notice.id}:${phase}`)}
                  className="mt-2 text-sm font-semibold underline underline-offset-2"
                >
                  Dismiss
                </button>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
