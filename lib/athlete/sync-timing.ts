/**
 * How often the logger talks to the server. Apart from the save rules (./logger-sync), which the page
 * fetches only when it first has something to send, so the page can schedule a save without them.
 */

/** A save that failed (offline, a server error) is sent again after this long, or with the next change. */
export const RETRY_MS = 15_000;
/** An open logger asks for other devices' changes this often while its page is visible. */
export const POLL_MS = 5_000;
