/**
 * The pages the JavaScript budget (e2e/js-budget.spec.ts) and `npm run bench:web` measure: every page
 * under app/(athlete), by its route, with the address that shows it (the budget test fails when a page
 * is added there and not here), and the public pages everyone meets first.
 */

/** The ids a page's address needs: one of the athlete's sessions, exercises, own splits and import previews. */
export type PageIds = { session: string; exercise: string; split: string; preview: string };

export const ATHLETE_PAGES: Record<string, (ids: PageIds) => string> = {
  "/dashboard": () => "/dashboard",
  "/exercises": () => "/exercises",
  "/exercises/[id]": (ids) => `/exercises/${ids.exercise}`,
  "/exercises/new": () => "/exercises/new",
  "/history": () => "/history",
  "/history/[id]": (ids) => `/history/${ids.session}`,
  "/history/import": () => "/history/import",
  "/history/import/[id]": (ids) => `/history/import/${ids.preview}`,
  "/log": () => "/log",
  "/log/[id]": (ids) => `/log/${ids.session}`,
  "/log/start": () => "/log/start",
  "/onboarding": () => "/onboarding",
  "/profile": () => "/profile",
  "/profile/api": () => "/profile/api",
  "/profile/webhooks": () => "/profile/webhooks",
  "/program": () => "/program",
  "/progress": () => "/progress",
  "/reassess": () => "/reassess",
  "/splits": () => "/splits",
  "/splits/[id]": (ids) => `/splits/${ids.split}`,
};

export const PUBLIC_PAGES = ["/sign-in", "/sign-up"];

/** Where each id is found: the first link on the page that matches. */
export const ID_LINKS: Record<Exclude<keyof PageIds, "preview">, { page: string; link: RegExp }> = {
  session: { page: "/history", link: /^\/history\/\d+$/ },
  exercise: { page: "/exercises", link: /^\/exercises\/\d+$/ },
  split: { page: "/splits", link: /^\/splits\/\d+$/ },
};
