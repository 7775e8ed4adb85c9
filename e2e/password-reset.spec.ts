import type { Page } from "@playwright/test";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { expect, test } from "./fixtures";
import { DEMO, signIn, signUp, uniqueEmail } from "./helpers";
import { E2E_SMTP_PORT } from "./mail";

// The e2e server sends real SMTP to E2E_SMTP_PORT (playwright.config.ts); this spec listens there and
// reads each reset link from the message, as a user reads it from their inbox.
test.describe.configure({ mode: "serial" });

const OLD_PASSWORD = "original-passphrase-1";
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer({ port: E2E_SMTP_PORT });
});
test.afterAll(async () => {
  await smtp?.close();
});

async function requestReset(page: Page, email: string): Promise<void> {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists" })).toHaveText(
    `If an account exists for ${email}, we sent it a link to reset the password. Check your inbox (and spam folder): the link works for an hour.`,
  );
}

async function resetLinkFor(email: string, after: number, baseURL: string): Promise<string> {
  const mail = await smtp.waitFor((m) => m.to.includes(email) && smtp.received.indexOf(m) >= after, 20_000);
  expect(mail.subject).toBe("Reset your Ironlog password");
  return linkIn(mail, baseURL);
}

test("a forgotten password: the sign-in answer leads to a reset, the emailed link sets a new one and signs in", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signUp(page, "forgetful", OLD_PASSWORD);
  // Another device stays signed in until the reset.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, email, OLD_PASSWORD);

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/sign-in");
  await visitorPage.getByLabel("Email").fill(email);
  await visitorPage.getByLabel("Password").fill("what-was-it-again");
  await visitorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(
    visitorPage.getByRole("alert").filter({ hasText: "Wrong email or password. Forgot it? Reset your password." }),
  ).toBeVisible();
  await visitorPage.getByRole("link", { name: "Reset your password" }).click();
  await expect(visitorPage).toHaveURL(/\/forgot-password$/);

  const before = smtp.received.length;
  await requestReset(visitorPage, email);
  const link = await resetLinkFor(email, before, baseURL!);

  await visitorPage.goto(link);
  await expect(visitorPage.getByText(`For ${email}.`)).toBeVisible();
  await visitorPage.getByLabel("New password").fill("short");
  await visitorPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(visitorPage.getByText("Use at least 10 characters.")).toBeVisible();
  await visitorPage.getByLabel("New password").fill("a-fresh-start-2026");
  await visitorPage.getByRole("button", { name: "Set password and sign in" }).click();
  // Signed in (a new athlete lands on onboarding), and the other device is signed out.
  await expect(visitorPage).toHaveURL(/\/(dashboard|onboarding)/);
  await phonePage.goto("/dashboard");
  await expect(phonePage).toHaveURL(/\/sign-in/);

  // The old password no longer works; the new one does.
  await phonePage.getByLabel("Email").fill(email);
  await phonePage.getByLabel("Password").fill(OLD_PASSWORD);
  await phonePage.getByRole("button", { name: "Sign in" }).click();
  await expect(
    phonePage.getByRole("alert").filter({ hasText: "Wrong email or password. Forgot it? Reset your password." }),
  ).toBeVisible();
  await signIn(phonePage, email, "a-fresh-start-2026");

  // The same link a second time is refused, before anyone types.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(
    againPage
      .getByRole("alert")
      .filter({ hasText: "This reset link was already used. If you still need to reset your password, request a new link." }),
  ).toBeVisible();
  await expect(againPage.getByLabel("New password")).toHaveCount(0);
  await againPage.getByRole("link", { name: "Request a new link" }).click();
  await expect(againPage).toHaveURL(/\/forgot-password$/);
  for (const context of [phone, visitor, again]) await context.close();
});

test("a link is refused once a newer one was sent; the newer one works", async ({ page, browser, baseURL }) => {
  const email = await signUp(page, "twice-asked", OLD_PASSWORD);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  const before = smtp.received.length;
  await requestReset(visitorPage, email);
  const older = await resetLinkFor(email, before, baseURL!);
  const between = smtp.received.length;
  await requestReset(visitorPage, email);
  const newer = await resetLinkFor(email, between, baseURL!);
  expect(newer).not.toBe(older);

  await visitorPage.goto(older);
  await expect(
    visitorPage
      .getByRole("alert")
      .filter({ hasText: "A newer reset link was issued since this one. Use the newest link, or request a new one." }),
  ).toBeVisible();
  await visitorPage.goto(newer);
  await visitorPage.getByLabel("New password").fill("the-newest-link-works");
  await visitorPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(visitorPage).toHaveURL(/\/(dashboard|onboarding)/);
  await visitor.close();
});

test("an unknown email gets the same answer, and no mail", async ({ page }) => {
  const nobody = uniqueEmail("nobody");
  const before = smtp.received.length;
  await requestReset(page, nobody);
  // The request for a real account sent meanwhile arrives; nothing for the unknown one ever does.
  const known = await signUp(page, "control", OLD_PASSWORD);
  await page.context().clearCookies();
  await requestReset(page, known);
  await smtp.waitFor((m) => m.to.includes(known) && smtp.received.indexOf(m) >= before, 20_000);
  expect(smtp.received.slice(before).filter((m) => m.to.includes(nobody))).toEqual([]);
});

test("a made-up link says it is not valid", async ({ page }) => {
  await page.goto(`/reset-password/${"x".repeat(43)}`);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This reset link is not valid. Check that you opened the whole link, or request a new one." }),
  ).toBeVisible();
  await page.goto("/reset-password/short");
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This reset link is not valid. Check that you opened the whole link, or request a new one." }),
  ).toBeVisible();
});

test("an admin issues a reset link for a user, shown once; the user sets a password with it", async ({ page, browser }) => {
  const email = await signUp(page, "no-mailbox", OLD_PASSWORD);
  await page.context().clearCookies();
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByText("No reset link was ever issued for this user, by email or by an admin.")).toBeVisible();
  await page.getByRole("button", { name: "Create reset link" }).click();
  const shown = page.getByRole("status").filter({ hasText: "shown only now" });
  await expect(shown).toContainText(`Reset link for ${email}`);
  // Its expiry says its zone, as every time in the admin area does.
  await expect(shown).toContainText(/expires at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const link = await page.getByRole("textbox", { name: "Reset link" }).inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("list", { name: "Reset links issued" })).toContainText(`by ${DEMO.admin}`);
  // Shown once: the page opened again does not have it.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Reset link" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Reset links issued" })).toContainText("Open");

  const user = await browser.newContext();
  const userPage = await user.newPage();
  await userPage.goto(link);
  await userPage.getByLabel("New password").fill("handed-over-by-admin");
  await userPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(userPage).toHaveURL(/\/(dashboard|onboarding)/);
  await user.close();
  await page.reload();
  await expect(page.getByRole("list", { name: "Reset links issued" })).toContainText("Used");
});
