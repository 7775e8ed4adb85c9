/**
 * What the service worker (app/serwist/sw.ts) keeps on the device, and for whom. Pure rules, so that
 * they are tested here rather than in a browser:
 *
 * - The athlete's pages are kept, each under the athlete the page was rendered for (the page says
 *   whom, in USER_MARKER), and shown with no signal only to that athlete.
 * - Admin pages, the sign-in pages, the API and anything else are never kept.
 * - Everything kept belongs to one build (CACHE_VERSION_PREFIX + a hash of the build's files): a new
 *   deploy drops it, so no page calls the server actions of a build that is gone.
 * - A sign-in page reached (after a sign-out here, or a session ended elsewhere) drops every kept page.
 */

/** Pages of the signed-in athlete: kept for use with no signal. */
export const ATHLETE_PAGE_PREFIXES = [
  "/dashboard",
  "/program",
  "/log",
  "/splits",
  "/exercises",
  "/history",
  "/progress",
  "/profile",
  "/reassess",
] as const;

/** Pages a signed-out visitor sees: reaching one means nobody is signed in here any more. */
export const SIGNED_OUT_PAGES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password"] as const;

/** The pages made ready for a workout with no signal on every online visit (the logger's start page carries the plan). */
export const OFFLINE_KIT = ["/dashboard", "/program", "/log", "/log/start", "/splits", "/exercises", "/history"] as const;

/** Where the logger runs a workout started on the device; its query (day, uid) is read by the page itself. */
export const DEVICE_START_PATH = "/log/start";

export const CACHE_VERSION_PREFIX = "ironlog-pages-";

/** The marker an athlete page carries naming its athlete, and how the worker reads it from the HTML. */
export const USER_MARKER = "ironlog-user";
const MARKER_PATTERN = new RegExp(`<meta name="${USER_MARKER}" content="(\\d{1,10})"`);

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export type PageRule = "athlete" | "signed_out" | "never";

/** How the worker treats a page (a navigation) at this path. */
export function pageRule(pathname: string): PageRule {
  if (SIGNED_OUT_PAGES.some((p) => under(pathname, p))) return "signed_out";
  if (ATHLETE_PAGE_PREFIXES.some((p) => under(pathname, p))) return "athlete";
  return "never";
}

/** The athlete an athlete page was rendered for, from its HTML; null for any other page. */
export function pageOwner(html: string): string | null {
  return MARKER_PATTERN.exec(html)?.[1] ?? null;
}

/**
 * The key a page is kept under: its path and query, except the device start page, which is one page
 * whatever workout it opens (the page reads its query itself).
 */
export function pageCacheKey(url: URL): string {
  if (url.pathname === DEVICE_START_PATH) return `${url.origin}${DEVICE_START_PATH}`;
  return `${url.origin}${url.pathname}${url.search}`;
}

/** The cache holding one athlete's pages for one build. */
export function pagesCacheName(version: string, userId: string): string {
  return `${CACHE_VERSION_PREFIX}${version}-${userId}`;
}

/** Kept caches to delete: every page cache but the current athlete's of this build (or all, with nobody signed in). */
export function cachesToDrop(names: readonly string[], version: string, userId: string | null): string[] {
  const keep = userId === null ? null : pagesCacheName(version, userId);
  return names.filter((name) => name.startsWith(CACHE_VERSION_PREFIX) && name !== keep);
}

/** A short stable name for a build, from its precache manifest (every file's hashed name and revision). */
export function buildVersion(manifest: readonly (string | { url: string; revision?: string | null })[]): string {
  // FNV-1a over the entries: enough to tell two builds apart, and the same on every device.
  let hash = 0x811c9dc5;
  for (const entry of manifest) {
    const text = typeof entry === "string" ? entry : `${entry.url}@${entry.revision ?? ""}`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(36);
}
