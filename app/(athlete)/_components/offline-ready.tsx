"use client";

import { useEffect } from "react";

/**
 * How often an online visit refreshes the pages a workout with no signal needs (lib/offline/cache-rules
 * OFFLINE_KIT) when nothing in them changed; a change (the stamp the page carries) refreshes them at once.
 */
const PREPARE_EVERY_MS = 15 * 60_000;
const PREPARED_KEY = "ironlog:offline-prepared";

/**
 * Registers the service worker (app/serwist/sw.ts) from every athlete page (`enabled` in production:
 * under `next dev` it would keep pages that change with every edit), and
 * now and then asks it to keep the pages a workout with no signal needs. Renders nothing.
 */
export function OfflineReady({ userId, kitStamp, enabled }: { userId: number; kitStamp: string; enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    void (async () => {
      try {
        await navigator.serviceWorker.register("/serwist/sw.js", { scope: "/", type: "module" });
        const registration = await navigator.serviceWorker.ready;
        const key = `${PREPARED_KEY}:${userId}`;
        const last = JSON.parse(window.localStorage.getItem(key) ?? "{}") as { at?: number; stamp?: string };
        const fresh = last.stamp === kitStamp && Date.now() - (last.at ?? 0) < PREPARE_EVERY_MS;
        if (cancelled || !navigator.onLine || fresh) return;
        registration.active?.postMessage({ type: "prepare-offline" });
        window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), stamp: kitStamp }));
      } catch {
        // No service worker (a private window, an old browser): the app works online as before.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [userId, kitStamp, enabled]);
  return null;
}
