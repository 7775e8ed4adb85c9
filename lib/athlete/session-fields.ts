/**
 * The rules of a session's own fields (its name, notes and duration) as plain functions, for the
 * logger to check as the athlete types without shipping a schema library; the save contract's zod
 * schema (./session-sync) uses the same limits and words, and a test holds the two together.
 */
export const MAX_SESSION_NAME = 100;
export const MAX_SESSION_NOTES = 2000;
export const MAX_SESSION_MINUTES = 24 * 60;

export const SESSION_FIELD_MESSAGES = {
  name: "Give the session a name.",
  nameLength: `Use at most ${MAX_SESSION_NAME} characters.`,
  notesLength: `Keep notes under ${MAX_SESSION_NOTES} characters.`,
  duration: "Enter the duration in whole minutes.",
  durationMin: "The duration is at least 1 minute.",
  durationMax: "A session lasts at most 24 hours.",
} as const;

export type SessionField = "name" | "notes" | "durationMinutes";

const M = SESSION_FIELD_MESSAGES;

/**
 * A session field as typed, checked: its value to send (trimmed text; minutes or null for a blank
 * duration), or the message to show beside it.
 */
export function checkSessionField(
  field: SessionField,
  text: string,
): { value: string | number | null; error?: undefined } | { error: string } {
  if (field === "name") {
    const value = text.trim();
    if (value.length < 1) return { error: M.name };
    if (value.length > MAX_SESSION_NAME) return { error: M.nameLength };
    return { value };
  }
  if (field === "notes") {
    const value = text.trim();
    return value.length > MAX_SESSION_NOTES ? { error: M.notesLength } : { value };
  }
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (!/^\d+$/.test(trimmed)) return { error: M.duration };
  const minutes = Number(trimmed);
  if (minutes < 1) return { error: M.durationMin };
  if (minutes > MAX_SESSION_MINUTES) return { error: M.durationMax };
  return { value: minutes };
}
