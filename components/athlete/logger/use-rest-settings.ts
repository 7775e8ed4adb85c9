"use client";

import { useEffect, useState } from "react";

export type RestSettings = { enabled: boolean; seconds: number };
export const REST_CHOICES = [60, 90, 120, 180, 240];

const REST_KEY = "ironlog:rest";

/** The rest timer preference, kept in this browser. */
export function useRestSettings(): [RestSettings, (next: RestSettings) => void] {
  const [rest, setRest] = useState<RestSettings>({ enabled: true, seconds: 90 });
  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(REST_KEY) ?? "null") as RestSettings | null;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a browser-only preference, read after hydration
      if (saved && typeof saved.enabled === "boolean" && REST_CHOICES.includes(saved.seconds)) setRest(saved);
    } catch {
      // Keep the defaults.
    }
  }, []);
  const save = (next: RestSettings) => {
    setRest(next);
    try {
      window.localStorage.setItem(REST_KEY, JSON.stringify(next));
    } catch {
      // Preference not kept; the timer still works.
    }
  };
  return [rest, save];
}
