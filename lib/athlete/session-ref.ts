import { parseId } from "@/lib/ids";

/**
 * A session named by the server's key or by its uid, the identity the device that started it gave
 * it (a workout started with no signal is known by its uid only until its first save).
 */
export type SessionRef = number | { uid: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL segment as a session reference: a positive integer key or a UUID; undefined for anything else. */
export function sessionRefFromSegment(segment: string): SessionRef | undefined {
  if (UUID.test(segment)) return { uid: segment.toLowerCase() };
  return parseId(segment);
}
