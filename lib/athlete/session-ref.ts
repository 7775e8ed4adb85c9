import { parseId } from "@/lib/ids";
import { isUuid } from "@/lib/uuid";

/**
 * A session named by the server's key or by its uid, the identity the device that started it gave
 * it (a workout started with no signal is known by its uid only until its first save).
 */
export type SessionRef = number | { uid: string };

/** A URL segment as a session reference: a positive integer key or a UUID; undefined for anything else. */
export function sessionRefFromSegment(segment: string): SessionRef | undefined {
  if (isUuid(segment)) return { uid: segment.toLowerCase() };
  return parseId(segment);
}
