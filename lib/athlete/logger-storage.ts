/**
 * Where the logger keeps things on the device (localStorage), in a module of its own so that a page
 * that only looks (the log's "on this phone" list) does not load the logger.
 */
export const LOGGER_STATE_PREFIX = "ironlog:logger:";

/** A session's queue and typed rows. */
export function loggerStateKey(userId: number, sessionUid: string): string {
  return `${LOGGER_STATE_PREFIX}${userId}:${sessionUid}`;
}

/** A workout the device started, as laid out then: a reload must open the same slots. */
export const STARTED_PREFIX = "ironlog:started:";

export function startedKey(userId: number, uid: string): string {
  return `${STARTED_PREFIX}${userId}:${uid}`;
}
