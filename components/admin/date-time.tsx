import { utcStamp } from "@/lib/time-zone";

/**
 * A timestamp in UTC, the same on the server and in every admin's browser (no hydration mismatch,
 * and admins in different time zones quote the same time to each other).
 */
export function DateTime({ value, withSeconds = false }: { value: Date | string; withSeconds?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{`${utcStamp(date, withSeconds)} UTC`}</time>;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}
