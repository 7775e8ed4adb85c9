import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { postCredentials, signIn, signUp } from "./helpers";

const PASSWORD = "squat-bench-deadlift";

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("a session cookie saved before sign-out is refused after it", async ({ page, context, playwright, baseURL }) => {
  await signUp(page, "replayer", PASSWORD);
  const saved = await cookieHeader(context);

  await page.goto("/dashboard");
  await page.locator("header summary").click();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/$/);

  // Replayed from elsewhere, as an attacker who copied it would.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: saved } });
  const dashboard = await replay.get("/dashboard", { maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);
  expect(dashboard.headers().location).toMatch(/\/sign-in/);
  const save = await replay.put("/api/sessions/1", { data: { sets: [] } });
  expect(save.status()).toBe(401);
  await replay.dispose();
});

test("the profile lists signed-in devices and signs one out, then all", async ({ page, browser }) => {
  const email = await signUp(page, "devices", PASSWORD);
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, email, PASSWORD);

  await page.goto("/profile");
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByRole("listitem").filter({ hasText: "This device" })).toHaveCount(1);
  await expect(devices.getByText("Safari on iPhone")).toBeVisible();

  await devices.getByRole("button", { name: "Sign out Safari on iPhone" }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expectSignedOut(phonePage);

  // Sign out everywhere ends this device too, after a confirmation in the app's own dialog.
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const confirm = page.getByRole("dialog", { name: "Sign out of Ironlog on every device, this one included?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectSignedOut(page);
  await phone.close();
});

test("changing the password needs the current one and signs the other devices out", async ({ page, browser }) => {
  const email = await signUp(page, "changer", PASSWORD);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, PASSWORD);

  await page.goto("/profile");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("a-brand-new-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("a-brand-new-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other device was signed out.")).toBeVisible();

  await expectSignedOut(otherPage);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard/);

  await otherPage.goto("/sign-in");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill(PASSWORD);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByText("Wrong email or password. Forgot it? Reset your password.")).toBeVisible();
  await signIn(otherPage, email, "a-brand-new-passphrase");
  await expect(otherPage).toHaveURL(/\/dashboard/);
  await other.close();
});

test("repeated wrong passwords are throttled, on the form and the endpoint", async ({ page, request, baseURL }) => {
  const email = await signUp(page, "guessed", PASSWORD);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  // One attempt: wait for the action's answer, so a message left from the attempt before cannot pass for it.
  const attempt = async (password: string) => {
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // The email stays filled in after a failure; the password is emptied (wait for it before typing again).
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Email")).toHaveValue(email);
  };
  for (let i = 1; i <= 4; i++) {
    await attempt(`wrong-guess-${i}`);
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password. Forgot it? Reset your password." }),
    ).toBeVisible();
  }
  await attempt("wrong-guess-5");
  await expect(page.getByText("Too many attempts. Try again in 15 minutes.")).toBeVisible();

  // Even the right password waits.
  await attempt(PASSWORD);
  await expect(page.getByText(/Too many attempts\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  const response = await postCredentials(request, baseURL!, email, PASSWORD);
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(800);
  expect((await response.json()).error).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
});
