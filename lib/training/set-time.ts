/**
 * A set's time as people type and read it: "90", "1:30" and "1:02:03" (hours, minutes, seconds).
 * A phone's number pad has a decimal point but no colon, so a point may stand for the colon when two
 * digits follow it ("1.30" is a minute and a half); a fraction of a second is no set time.
 */

/** Typed time as whole seconds: blank is null, anything unreadable NaN (for the set's check to name). */
export function parseSetTime(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = trimmed.split(/[:.]/);
  if (parts.length > 3 || !/^\d+$/.test(parts[0]) || parts.slice(1).some((p) => !/^\d{2}$/.test(p) || Number(p) > 59))
    return Number.NaN;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

/** Whole seconds as the field shows them: "45", "1:30", "1:02:03". */
export function setTimeText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return String(seconds);
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
