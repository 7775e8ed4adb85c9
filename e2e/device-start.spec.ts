/**
 * /log/start, the logger's start on the device, reached online while another workout is in progress:
 * the page offers that workout in its first paint, as the log's "Start" does, instead of starting a
 * second one that its first save would keep beside it, as finished.
 */
import { expect, test } from "./fixtures";
import { newAthleteWithProgram } from "./athlete-helpers";

test.use({ viewport: { width: 360, height: 740 } });

test("a new start with a workout in progress offers it at once, and starts another only when asked", async ({ page }) => {
  await newAthleteWithProgram(page, "Already Going");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const inProgress = page.url();

  // In the HTML the server sends: painted at once, before any script has run.
  const html = await (await page.request.get("/log/start")).text();
  expect(html).toContain("You already have a workout in progress");

  await page.goto("/log/start");
  const offer = page.getByTestId("in-progress-offer");
  await expect(offer).toContainText("Full body A, started");
  await expect(offer).toContainText("0 sets logged");
  // Nothing was started: no uid was made for a workout, and no save went out.
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/sessions/")) saves.push(request.method());
  });
  await page.waitForTimeout(1000);
  expect(new URL(page.url()).searchParams.get("uid")).toBeNull();
  expect(saves).toEqual([]);
  // It fits a 360 px phone: no sideways scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await offer.getByRole("link", { name: "Resume Full body A" }).click();
  await expect(page).toHaveURL(inProgress);

  // Asked for, another starts on the device, and its first save keeps it beside the one in progress.
  await page.goto("/log/start");
  await page.getByRole("button", { name: "Start a new one anyway" }).click();
  await expect(page).toHaveURL(/\/log\/start\?uid=[0-9a-f-]{36}$/);
  await expect(page.getByText("Another workout was already in progress")).toBeVisible({ timeout: 15_000 });

  // The log still has the one workout in progress.
  await page.goto("/log");
  await expect(page.getByRole("link", { name: "Resume" })).toHaveCount(1);
});

test("a workout this device holds (its uid in the address) opens in the logger, never the offer", async ({ page }) => {
  await newAthleteWithProgram(page, "Held Here");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);

  await page.goto(`/log/start?uid=${crypto.randomUUID()}`);
  await expect(page.getByTestId("logged-count")).toContainText("0 sets logged");
  await expect(page.getByTestId("in-progress-offer")).toHaveCount(0);
});
