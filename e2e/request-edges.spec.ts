import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// The edges of every request, probed as an attacker would: headers, real 404s, deep links through
// sign-in, body limits, and input the database cannot store.

const MAYA = "maya@ironlog.dev";

async function ownLinks(page: Page, listPath: string, pattern: RegExp): Promise<string[]> {
  await page.goto(listPath);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

test.describe("security headers", () => {
  test("every response carries them, with a new script nonce per page and no eval", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const csp = first.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    // Next puts the nonce on its own scripts.
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);

    const staticAsset = (await first.text()).match(/\/_next\/static\/[^"]+\.js/)![0];
    for (const url of ["/sign-in", "/api/health", "/no-such-page", "/admin/export", staticAsset]) {
      const headers = (await request.get(url)).headers();
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], url).toContain("camera=()");
      expect(headers["x-frame-options"], url).toBe("DENY");
      // Served over plain HTTP: no HSTS.
      expect(headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  test("HSTS is sent when the app is served over HTTPS (behind a TLS proxy)", async ({ request }) => {
    const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("the charts, the logger and the admin pages run under the policy", async ({ page }) => {
    // The fixture fails this test on any violation; these pages load the most scripts and styles.
    await signIn(page, DEMO.athlete);
    await page.goto("/progress");
    await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
    // The charts place their marks with inline styles (percent positions): one is on the page.
    await expect(page.locator("figure[data-chart]").first()).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("real status codes", () => {
  test("another athlete's session, split and exercise, and missing ones, answer 404", async ({ browser, page }) => {
    await signIn(page, DEMO.athlete);
    const sessions = await ownLinks(page, "/history", /^\/history\/\d+$/);
    const splits = await ownLinks(page, "/splits", /^\/splits\/\d+$/);
    expect(sessions.length).toBeGreaterThan(0);
    expect(splits.length).toBeGreaterThan(0);
    const sessionId = sessions[0].split("/").pop();

    const maya = await browser.newContext();
    const mayaPage = await maya.newPage();
    await signIn(mayaPage, MAYA);
    // Maya's own private exercise, which the demo athlete must not see.
    await mayaPage.goto("/exercises/new");
    const name = `Maya's Sled Push ${Date.now()}`;
    await mayaPage.getByLabel("Name").fill(name);
    await mayaPage.getByLabel("Type").selectOption("bodyweight");
    await mayaPage.getByLabel("Difficulty").selectOption("2");
    await mayaPage.getByLabel("Muscle 1").selectOption({ index: 1 });
    await mayaPage.getByLabel("Activation").first().fill("70");
    await mayaPage.getByRole("button", { name: "Add exercise" }).click();
    await expect(mayaPage.getByRole("heading", { name })).toBeVisible();
    const mayasExercise = new URL(mayaPage.url()).pathname;

    for (const url of [`/history/${sessionId}`, `/log/${sessionId}`, splits[0]]) {
      const response = await mayaPage.goto(url);
      expect(response?.status(), `${url} as another athlete`).toBe(404);
    }
    await maya.close();
    for (const url of [
      mayasExercise,
      "/history/999999",
      "/log/999999",
      "/splits/999999",
      "/exercises/999999",
      "/history/99999999999",
      "/history/abc",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // The athlete's own session still opens.
    expect((await page.goto(sessions[0]))?.status()).toBe(200);
  });

  test("a missing migration run answers 404 to an admin", async ({ page }) => {
    await signIn(page, DEMO.admin);
    expect((await page.goto("/admin/runs/999999"))?.status()).toBe(404);
    expect((await page.request.get("/admin/runs/999999/progress")).status()).toBe(404);
  });
});

test.describe("deep links survive sign-in", () => {
  test("a visitor opening an admin page signs in and lands on that page", async ({ page }) => {
    await page.goto("/admin/users?q=member");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fadmin%2Fusers%3Fq%3Dmember$/);
    await page.getByLabel("Email").fill(DEMO.admin);
    await page.getByLabel("Password").fill("ironlog-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?q=member$/);
  });

  test("a visitor opening an athlete page signs in and lands on it", async ({ page }) => {
    await page.goto("/progress");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fprogress$/);
    await page.getByLabel("Email").fill(DEMO.athlete);
    await page.getByLabel("Password").fill("ironlog-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/progress$/);
  });

  test("a redirect holding a newline or another origin falls back to the dashboard", async ({ page }) => {
    for (const target of ["/dashboard\r\nSet-Cookie: stolen=1", "//evil.example/x"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?redirectTo=${encodeURIComponent(target)}`);
      await page.getByLabel("Email").fill(DEMO.athlete);
      await page.getByLabel("Password").fill("ironlog-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain("stolen");
    }
  });
});

test.describe("bodies and text", () => {
  async function startEmptySession(page: Page): Promise<number> {
    const response = await page.request.put("/api/sessions/0", { data: {} });
    expect(response.status()).toBe(404);
    await page.goto("/log");
    await page
      .getByRole("button", { name: /Start an empty workout|^Start/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/log\/\d+$/);
    return Number(page.url().split("/").pop());
  }

  test("the session save refuses a body over 1 MB with 413, and bad ids and text by the field", async ({ page }) => {
    await signIn(page, MAYA);
    const id = await startEmptySession(page);
    // The save contract of lib/athlete/session-sync.ts: changes by identity, each field with its device time.
    const valid = { baseRevision: 0, unit: "kg", name: { value: "Edges", at: Date.now() } };

    const huge = await page.request.put(`/api/sessions/${id}`, {
      data: JSON.stringify({ ...valid, notes: { value: "x".repeat(2 * 1024 * 1024), at: Date.now() } }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error).toBe("That request is too large: the limit is 1 MB. Nothing was saved.");

    const slot = { id: "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f", exerciseId: 2147483648, position: 0, positionAt: Date.now() };
    const bigId = await page.request.put(`/api/sessions/${id}`, { data: { ...valid, exercises: [slot] } });
    expect(bigId.status()).toBe(422);
    expect((await bigId.json()).fieldErrors["exercises.0.exerciseId"]).toEqual(["Choose an exercise."]);

    const nul = await page.request.put(`/api/sessions/${id}`, {
      data: { ...valid, notes: { value: "pasted\u0000junk", at: Date.now() } },
    });
    expect(nul.status()).toBe(422);
    expect(Object.keys((await nul.json()).fieldErrors)).toEqual(["notes.value"]);

    const notJson = await page.request.put(`/api/sessions/${id}`, {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);

    // Nothing was half-written: the session is as it started.
    const saved = await page.request.put(`/api/sessions/${id}`, { data: valid });
    expect(saved.status()).toBe(200);
  });

  test("a form sending more than the action limit gets a readable page, not a bare failure", async ({ page }) => {
    await signIn(page, MAYA);
    await page.goto("/exercises/new");
    await page.getByLabel("Name").fill("Too much");
    // A paste the textarea's maxLength would stop: forged past it, as a script could.
    await page.locator("#field-notes").evaluate((el: HTMLTextAreaElement) => {
      el.removeAttribute("maxlength");
      el.value = "n".repeat(1_200_000);
    });
    await page.getByRole("button", { name: "Add exercise" }).click();
    await expect(page.getByRole("heading", { name: "That was too much to send" })).toBeVisible();
    await expect(page.getByText("more than 1 MB")).toBeVisible();
  });

  test("a NUL in a form field is an error by the field, not a 500", async ({ page }) => {
    await signIn(page, MAYA);
    await page.goto("/splits");
    await page.getByLabel("Name").evaluate((el: HTMLInputElement) => {
      el.value = "Push\u0000Pull";
    });
    await page.getByRole("button", { name: "Create split" }).click();
    await expect(page.getByText("invisible control characters").first()).toBeVisible();
  });
});
