/**
 * How much a request may send. Each limit is far above what the app's own forms and logger send, and
 * low enough that one request cannot take hundreds of megabytes of server memory.
 */

/** PUT /api/sessions/:id: 300 sets (the most a session holds) serialise to about 40 kB of JSON. */
export const SESSION_SAVE_BODY_LIMIT = 1024 * 1024;

/**
 * Every server action (next.config.ts `serverActions.bodySizeLimit`). The largest form is the custom
 * exercise one, a few kilobytes. Next refuses a larger body before any action runs.
 */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Next buffers a copy of each request body for the proxy up to this size (`proxyClientMaxBodySize`),
 * silently truncating beyond it. Above every limit here, so a body the app accepts is never cut, and
 * small, so the copy costs little. A route that accepts large uploads must stay outside the proxy's matcher.
 */
export const PROXY_BODY_COPY_LIMIT = 2 * 1024 * 1024;

export const ACTION_TOO_LARGE_MESSAGE =
  "That was too much to send at once (more than 1 MB), so nothing was saved. Shorten what you typed or pasted and try again.";

/** A server action whose arguments cannot be read (forged, or sent by a page from an older version). */
export const UNREADABLE_INPUT_MESSAGE = "This form could not be read. Reload the page and try again.";

/** "1 MB" for messages. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * POST /api/history/import: a history file from Strong, Hevy or FitNotes. A ten-year Strong export is about 5 MB;
 * ten times that covers any real history. The route streams the body (it is outside the proxy's matcher,
 * so Next does not buffer it) and refuses it as soon as it passes this.
 */
export const HISTORY_IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** Every /api/v1 write: a workout of 300 sets is about 40 kB of JSON, as for the session save. */
export const API_BODY_LIMIT = 1024 * 1024;
