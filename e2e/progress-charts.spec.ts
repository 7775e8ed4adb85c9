/**
 * The progress page on a phone is usable before its charts: the page's first download holds no chart
 * code, a chart is fetched and drawn only once its box comes on screen, and nothing moves when it
 * arrives (each chart has a box of its own height from the first paint).
 */
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";
import { firstLoadScripts } from "../scripts/bench/first-load-js";
import { NEAR_SCREEN_PX } from "../components/athlete/charts/lazy";

test.use({ viewport: { width: 360, height: 740 } });

test("charts are drawn once on screen, after the page, and nothing shifts", async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await signIn(page, DEMO.athlete);

  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  const response = await page.goto("/progress");
  const html = (await response!.text()) ?? "";
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();

  // The first chart's box is on screen: it is drawn. Its code was not among the page's own scripts.
  const charts = page.locator("svg.recharts-surface");
  await expect(charts.first()).toBeVisible();
  const firstLoad = new Set(firstLoadScripts(html));
  const fetchedLater = scripts.filter((s) => s.startsWith("/_next/") && !firstLoad.has(s));
  expect(fetchedLater.length, "the chart's code is fetched after the page").toBeGreaterThan(0);

  // The weekly volume chart, further down, waits for its box to come near the screen.
  const waiting = page.getByTestId("chart-placeholder");
  await expect(waiting).toHaveCount(1);
  const top = (await waiting.boundingBox())!.y;
  expect(top, "the volume chart's box starts below the first screen").toBeGreaterThan(740 + NEAR_SCREEN_PX);
  await expect(charts).toHaveCount(1);
  await waiting.scrollIntoViewIfNeeded();
  await expect(charts).toHaveCount(2);
  await expect(waiting).toHaveCount(0);

  const shifted = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
  expect(
    shifted.reduce((a, b) => a + b, 0),
    "cumulative layout shift",
  ).toBeLessThan(0.01);
});
