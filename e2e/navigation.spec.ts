/**
 * Moving between athlete pages: each page arrives whole in its first response (no loading state painted
 * first, which React would hold the page behind for at least 300 ms), and a tapped navigation link shows
 * that its page is on its way.
 */
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";
import { ATHLETE_PAGES } from "../scripts/bench/pages";

const PAGES_WITHOUT_IDS = Object.keys(ATHLETE_PAGES).filter((route) => !route.includes("["));

test("every athlete page is sent whole: nothing in it waits behind a loading state", async ({ page }) => {
  await signIn(page, DEMO.athlete);
  for (const route of PAGES_WITHOUT_IDS) {
    const html = await (await page.request.get(route)).text();
    // A boundary whose content came after the shell is a <template id="B:…"> placeholder, revealed by script later.
    expect(html, `${route} sent a placeholder to fill in later`).not.toMatch(/<template id="B:/);
    expect(html, `${route} sent a loading state`).not.toContain("Loading…");
  }
});

test("a tapped menu link marks its page as on its way until it opens", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, DEMO.athlete);
  await page.goto("/dashboard");
  // The next page's data takes a moment, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/progress",
    async (route) => {
      if (route.request().headers()["rsc"]) await held;
      await route.continue();
    },
  );
  await page.getByRole("button", { name: "Menu" }).click();
  const link = page.getByRole("navigation", { name: "Mobile" }).getByRole("link", { name: "Progress" });
  await link.click();
  const bar = link.locator("span[aria-hidden]");
  await expect(bar).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);
  release();
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole("navigation", { name: "Mobile" })).toBeHidden();
});

test("a link fetches its page when the athlete reaches for it, not because it is in view", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await phone.newPage();
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await signIn(page, DEMO.athlete);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The dashboard shows a dozen links; loading it fetched none of their pages.
  expect(await page.getByRole("link").count()).toBeGreaterThan(5);
  expect(prefetched).toEqual([]);

  // A finger on a link starts its page on the way before the tap completes, and the tap opens it.
  await page.getByRole("button", { name: "Menu" }).click();
  const link = page.getByRole("navigation", { name: "Mobile" }).getByRole("link", { name: "Progress" });
  await link.dispatchEvent("touchstart");
  await expect.poll(() => prefetched).toContain("/progress");
  await link.tap();
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  expect(prefetched.filter((path) => path !== "/progress")).toEqual([]);
  await phone.close();
});

test("on a computer, pointing at a link or tabbing to it fetches its page", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await signIn(page, DEMO.athlete);
  await page.goto("/dashboard");
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);
  const header = page.getByRole("navigation", { name: "Main" });
  await header.getByRole("link", { name: "History" }).hover();
  await expect.poll(() => prefetched).toContain("/history");
  await header.getByRole("link", { name: "Exercises" }).focus();
  await expect.poll(() => prefetched).toContain("/exercises");
  await header.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
});
