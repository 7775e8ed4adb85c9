/**
 * Ironlog in a gym with no signal, with its service worker running: a workout started, logged,
 * reloaded and finished with the network gone, which reaches the server once it is back; and pages
 * kept on a shared browser never shown to the next athlete.
 *
 * The network goes away for real: every request, the service worker's own included (see
 * PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS in playwright.config.ts), is aborted as a phone with
 * no signal would fail it. context.setOffline() alone would leave the worker's fetches working.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newAthleteWithProgram } from "./athlete-helpers";
import { ATHLETE_PASSWORD } from "./athlete-helpers";
import { DEMO, signIn } from "./helpers";

test.use({ serviceWorkers: "allow", viewport: { width: 390, height: 844 } });

async function loseSignal(context: BrowserContext): Promise<void> {
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
}

async function regainSignal(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: "ignoreErrors" });
}

/**
 * Waits until the service worker keeps the pages a workout with no signal needs, the logger's start
 * page holding the plan day `day` (a copy kept before the program existed would not).
 */
async function readyForNoSignal(page: Page, day: string): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(
      () =>
        page.evaluate(async (day) => {
          const kept: string[] = [];
          for (const name of (await caches.keys()).filter((n) => n.startsWith("ironlog-pages-"))) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              const path = new URL(request.url).pathname;
              if (path !== "/log/start" || (await (await cache.match(request))!.text()).includes(day)) kept.push(path);
            }
          }
          return kept;
        }, day),
      { timeout: 30_000 },
    )
    .toEqual(expect.arrayContaining(["/program", "/log/start", "/dashboard"]));
}

/** Every page kept on this browser, with the athlete each was rendered for. */
async function keptPageOwners(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const owners: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith("ironlog-pages-")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const html = await (await cache.match(request))!.text();
        owners.push(/<meta name="ironlog-user" content="(\d+)"/.exec(html)?.[1] ?? "none");
      }
    }
    return owners;
  });
}

async function logSet(page: Page, exercise: string, set: number, weight: string, reps: string) {
  await page.getByLabel(`${exercise}, set ${set}: weight (kg)`).fill(weight);
  await page.getByLabel(`${exercise}, set ${set}: reps`).fill(reps);
  await page.getByRole("button", { name: `Log ${exercise}, set ${set}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set ${set}` })).toBeVisible();
}

test("a workout started, logged, reloaded and finished with no signal reaches the server once, whole", async ({
  page,
  context,
}) => {
  await newAthleteWithProgram(page, "No Signal");
  await page.goto("/program");
  await readyForNoSignal(page, "Full body A");

  await loseSignal(context);
  // The program opens from the device, and "Start" opens the logger on the device.
  await page.goto("/program");
  await expect(page.getByRole("heading", { name: "Full body A" })).toBeVisible();
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/start\?day=\d+&uid=[0-9a-f-]{36}$/);
  const url = page.url();
  const uid = new URL(url).searchParams.get("uid")!;
  await page.getByLabel("Rest timer after each set").uncheck();
  const exercise = (await page.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();
  await logSet(page, exercise, 1, "12.5", "10");
  await logSet(page, exercise, 2, "12.5", "8");
  await expect(page.getByTestId("sync-status")).toContainText("Offline");

  // A reload with no signal opens the same workout with both sets.
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set 1` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set 2` })).toBeVisible();
  await expect(page.getByLabel(`${exercise}, set 2: reps`)).toHaveValue("8");

  // The log, from the device, leads back to the workout the server has not seen yet.
  await page.goto("/log");
  const onPhone = page.getByRole("region", { name: "On this phone, not saved to your account yet" });
  await expect(onPhone).toContainText("Full body A");
  await onPhone.getByRole("link", { name: "Resume" }).click();
  await expect(page).toHaveURL(new RegExp(`/log/start\\?uid=${uid}$`));
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set 2` })).toBeVisible();

  await page.getByRole("button", { name: "Finish workout…" }).click();
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page.getByTestId("sync-status")).toContainText("Offline");

  // Back online: the workout is created by its first save, finished, and the history shows it.
  await regainSignal(context);
  await page.reload();
  await expect(page).toHaveURL(/\/history\/\d+\?saved=1/, { timeout: 30_000 });
  const stored = await (await page.request.get(`/api/sessions/${uid}`)).json();
  expect(stored.finishedAt).not.toBeNull();
  expect(stored.sets.map((s: { reps: number; weightKg: number }) => [s.weightKg, s.reps])).toEqual([
    [12.5, 10],
    [12.5, 8],
  ]);
  await page.goto("/history");
  // One workout in the list (the calendar links the same day too).
  await expect(page.getByRole("link", { name: /^Full body A/ })).toHaveCount(1);
});

test("two devices that each started the same day with no signal end with one workout holding both", async ({
  page,
  context,
  browser,
}) => {
  const email = await newAthleteWithProgram(page, "Two Phones");
  await page.goto("/program");
  await readyForNoSignal(page, "Full body A");
  const laptopContext = await browser.newContext({ serviceWorkers: "allow", viewport: { width: 1280, height: 800 } });
  const laptop = await laptopContext.newPage();
  try {
    await signIn(laptop, email, ATHLETE_PASSWORD);
    await laptop.goto("/program");
    await readyForNoSignal(laptop, "Full body A");

    // Both lose the signal, both start the same day, both log set 1 of the first exercise.
    const started: { page: Page; uid: string; exercise: string }[] = [];
    for (const [device, deviceContext, weight] of [
      [page, context, "12.5"],
      [laptop, laptopContext, "15"],
    ] as const) {
      await loseSignal(deviceContext);
      await device.goto("/program");
      await device.getByRole("button", { name: "Start Full body A" }).click();
      await expect(device).toHaveURL(/\/log\/start\?day=\d+&uid=[0-9a-f-]{36}$/);
      await device.getByLabel("Rest timer after each set").uncheck();
      const exercise = (await device.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();
      await logSet(device, exercise, 1, weight, "10");
      started.push({ page: device, uid: new URL(device.url()).searchParams.get("uid")!, exercise });
    }
    const [phoneStart, laptopStart] = started;

    // The phone reaches the server first: its workout is created.
    await regainSignal(context);
    await page.reload();
    await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 30_000 });
    // Then the laptop: its workout joins the phone's, and it says so.
    await regainSignal(laptopContext);
    await laptop.reload();
    await expect(laptop.getByText("You had started this day on your other device too")).toBeVisible({ timeout: 30_000 });
    await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 30_000 });

    const phoneCopy = await (await page.request.get(`/api/sessions/${phoneStart.uid}`)).json();
    const laptopCopy = await (await laptop.request.get(`/api/sessions/${laptopStart.uid}`)).json();
    expect(laptopCopy.id).toBe(phoneCopy.id);
    const first = phoneCopy.exercises[0].id;
    expect(
      phoneCopy.sets
        .filter((s: { slotId: string }) => s.slotId === first)
        .map((s: { weightKg: number; reps: number }) => [s.weightKg, s.reps]),
    ).toEqual([
      [12.5, 10],
      [15, 10],
    ]);
    // Each device shows both sets in the one card, the laptop's after the phone's.
    await expect(laptop.getByRole("button", { name: `Undo ${laptopStart.exercise}, set 2` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: `Undo ${phoneStart.exercise}, set 2` })).toBeVisible();
  } finally {
    await laptopContext.close();
  }
});

test("with a workout in progress, the device's start page offers it with no signal, and starts another when asked", async ({
  page,
  context,
}) => {
  await newAthleteWithProgram(page, "Busy No Signal");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const inProgress = new URL(page.url()).pathname;
  await page.goto("/program");
  await readyForNoSignal(page, "You already have a workout in progress");

  await loseSignal(context);
  await page.goto("/program");
  await page.getByRole("button", { name: "Start Full body B" }).click();
  await expect(page).toHaveURL(/\/log\/start\?day=\d+$/);
  const offer = page.getByTestId("in-progress-offer");
  await expect(offer.getByRole("link", { name: "Resume Full body A" })).toHaveAttribute("href", inProgress);

  // The copy may be older than the workout's end on another device: another can still be started here.
  await offer.getByRole("button", { name: "Start a new one anyway" }).click();
  await expect(page).toHaveURL(/\/log\/start\?day=\d+&uid=[0-9a-f-]{36}$/);
  const uid = new URL(page.url()).searchParams.get("uid")!;
  await page.getByLabel("Rest timer after each set").uncheck();
  const exercise = (await page.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();
  await logSet(page, exercise, 1, "10", "10");
  await expect(page.getByTestId("sync-status")).toContainText("Offline");

  // Back online, it reaches the server beside the one in progress, as finished, with its set.
  await regainSignal(context);
  await page.reload();
  await expect(page.getByText("Another workout was already in progress")).toBeVisible({ timeout: 30_000 });
  const stored = await (await page.request.get(`/api/sessions/${uid}`)).json();
  expect(stored.finishedAt).not.toBeNull();
  expect(stored.sets).toHaveLength(1);
});

test("pages kept for one athlete are never shown to the next one on the same browser", async ({ page, context }) => {
  await newAthleteWithProgram(page, "First Athlete");
  await page.goto("/program");
  await readyForNoSignal(page, "Full body A");
  const first = await keptPageOwners(page);
  expect(new Set(first).size).toBe(1);

  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => keptPageOwners(page)).toEqual([]);

  await signIn(page, DEMO.athlete);
  await page.goto("/program");
  await readyForNoSignal(page, "");
  const second = await keptPageOwners(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second).not.toContain(first[0]);

  // With no signal, the second athlete's program is what the device shows, never the first's.
  await loseSignal(context);
  await page.goto("/program");
  await expect(page.locator('meta[name="ironlog-user"]')).toHaveAttribute("content", second[0]);
  await regainSignal(context);
});

test("signing out of a page the worker does not control still drops the pages it kept", async ({ page }) => {
  await newAthleteWithProgram(page, "Uncontrolled Athlete");
  await page.goto("/program");
  await readyForNoSignal(page, "Full body A");
  // A hard reload goes past the worker: the page it loads has no controller (as one opened before the
  // worker took over has none), though the worker still holds this athlete's pages.
  const cdp = await page.context().newCDPSession(page);
  const reloaded = page.waitForEvent("load");
  await cdp.send("Page.reload", { ignoreCache: true });
  await reloaded;
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await keptPageOwners(page)).not.toEqual([]);

  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => keptPageOwners(page)).toEqual([]);
});

test("a page kept while a sign-out is on its way to the server is dropped once it gets there", async ({ page }) => {
  await newAthleteWithProgram(page, "Leaving Athlete");
  await page.goto("/program");
  await readyForNoSignal(page, "Full body A");
  const athlete = (await keptPageOwners(page))[0];

  // The sign-out's request is held at the browser until the worker has kept pages again: asked for after
  // the form told it, they were still rendered for this athlete, whose session the server has not ended.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/program", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => keptPageOwners(page)).toEqual([]);
  await page.evaluate(() => navigator.serviceWorker.controller!.postMessage({ type: "prepare-offline" }));
  await expect.poll(() => keptPageOwners(page), { timeout: 30_000 }).toContain(athlete);

  release();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await expect.poll(() => keptPageOwners(page)).toEqual([]);
});

test("installs as an app: a manifest with the app's icons, and a service worker that answers pages", async ({ page }) => {
  await newAthleteWithProgram(page, "Installer");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "Ironlog", start_url: "/dashboard", display: "standalone", scope: "/" });
  // Chrome's installability asks for a 192 px and a 512 px PNG; each is the size it says.
  for (const size of [192, 512]) {
    const icon = manifest.icons.find(
      (i: { sizes: string; purpose: string }) => i.sizes === `${size}x${size}` && i.purpose === "any",
    );
    const png = await (await page.request.get(icon.src)).body();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);

  // The page is controlled by the worker, which serves the athlete's pages (its fetch handler).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/serwist\/sw\.js$/);
});
