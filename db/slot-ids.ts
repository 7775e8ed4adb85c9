import { createHash } from "node:crypto";

/**
 * The exercise slot id of the sets of one exercise in a session logged before slots existed: the
 * session_identity migration derives it in SQL (md5(session_id || ':' || exercise_id)::uuid), the
 * import of a format-1 dump and the seed derive the same one here.
 */
export function derivedSlotId(sessionId: number, exerciseId: number): string {
  const hex = createHash("md5").update(`${sessionId}:${exerciseId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
