/**
 * The progress page's charts are drawn on the server: they are in the page a phone first paints, with
 * no chart code to download or run (they are there with every script of the app blocked), they fit a
 * 360 px screen, and nothing moves after the first paint.
 */
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test.use({ viewport: { width: 360, height: 740 } });

test("charts are in the served page, drawn with no script, fit the phone, and nothing shifts", async ({ browser, page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await signIn(page, DEMO.athlete);

  // With every script file of the app refused (only the HTML's own inline streaming scripts run, which
  // put the page's content in place): the 1RM line with a dot per session, and the volume bars.
  const noScript = await browser.newContext({
    viewport: { width: 360, height: 740 },
    storageState: await page.context().storageState(),
  });
  const still = await noScript.newPage();
  const refused: string[] = [];
  await still.route("**/_next/static/**/*.js", (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  await still.goto("/progress");
  const line = still.locator('figure[data-chart="line"]').first();
  await expect(line.getByRole("img", { name: "Estimated 1RM per session" })).toBeVisible();
  const dots = line.locator("svg title");
  expect(await dots.count(), "a dot per session").toBeGreaterThan(1);
  await expect(dots.first()).toHaveText(/e1RM \d+(\.\d+)? kg \(.+ × \d+/);
  const bars = still.locator('figure[data-chart="bars"]');
  await expect(bars).toBeVisible();
  await expect(bars.getByText(/weighted sets, (below|on|above) target/).first()).toBeAttached();
  expect(refused.length, "the page's scripts were asked for, and refused").toBeGreaterThan(0);
  await noScript.close();

  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  const chart = page.locator('figure[data-chart="line"]').first();
  await expect(chart).toBeVisible();

  // Every tick label is inside the chart's box, and the page does not scroll sideways.
  const box = (await chart.boundingBox())!;
  for (const label of await chart.locator("span").all()) {
    const b = (await label.boundingBox())!;
    expect(b.x, `${await label.textContent()} starts inside the chart`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.x + b.width, `${await label.textContent()} ends inside the chart`).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.locator('figure[data-chart="bars"]').scrollIntoViewIfNeeded();
  const shifted = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
  expect(
    shifted.reduce((a, b) => a + b, 0),
    "cumulative layout shift",
  ).toBeLessThan(0.01);
});
