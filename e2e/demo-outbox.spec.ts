import type { Browser, Page } from "@playwright/test";
import { overflowsSideways, seriousViolations } from "./a11y";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD } from "./helpers";
import { type DemoInstance, startDemo } from "../test/instances";

// The demo as a newcomer runs it (`npm start`: production, the embedded database, no SMTP_URL) sends
// no mail: messages are kept in its outbox, which admins read in the browser. The suite's own server
// sends SMTP (playwright.config.ts), so this spec starts a demo of its own. That the outbox is not
// there when SMTP_URL is set is checked on the suite's server (migration-approval.spec.ts).
test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const NEW_PASSWORD = "followed-from-the-outbox";

let demo: DemoInstance;

test.beforeAll(async () => {
  // The demo loads its data into a new embedded database before it answers.
  test.setTimeout(300_000);
  demo = await startDemo(PORT);
});
test.afterAll(async () => {
  await demo?.stop();
});

async function signInToDemo(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${demo.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToDemo(page, DEMO.admin, DEMO_PASSWORD);
  await expect(page).toHaveURL(`${demo.url}/admin`);
  return page;
}

/** The outbox's message to `to` with `subject`, waited for: the mail queue keeps it in the background. */
async function outboxMessage(page: Page, to: string, subject: string) {
  const message = page.locator('ul[aria-label="Messages"] > li').filter({ hasText: subject }).filter({ hasText: to });
  await expect(async () => {
    await page.reload();
    await expect(message).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return message;
}

test("a forgotten password on the demo: the page says where the link went, an admin finds it in the demo outbox, and it sets a new password", async ({
  browser,
}) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(`${demo.url}/forgot-password`);
  await expect(
    page.getByText(
      "This demo sends no email: the link to choose a new password is kept in its demo outbox, which an admin opens under Admin → Demo outbox.",
    ),
  ).toBeVisible();
  await page.getByLabel("Email").fill(DEMO.athlete);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists" })).toHaveText(
    `If an account exists for ${DEMO.athlete}, a link to reset the password is in the demo outbox: this demo sends no email. Sign in as an admin and open Admin → Demo outbox to follow it; the link works for an hour.`,
  );

  const admin = await adminPage(browser);
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Demo outbox" }).click();
  await expect(admin).toHaveURL(`${demo.url}/admin/outbox`);
  await expect(admin.getByRole("heading", { name: "Demo outbox" })).toBeVisible();
  const message = await outboxMessage(admin, DEMO.athlete, "Reset your Ironlog password");
  // The link whole and decoded (the message's transfer encoding breaks long lines and escapes "="),
  // shown as it is followed.
  const link = message.getByRole("link", { name: /\/reset-password\// });
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`^${demo.url}/reset-password/[A-Za-z0-9_-]{43}$`));
  await expect(link).toHaveText(href!);
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.setViewportSize({ width: 360, height: 740 });
  expect(await overflowsSideways(admin)).toEqual([]);

  // The visitor follows the link from the outbox, sets a new password, and is signed in.
  await page.goto(href!);
  await expect(page.getByText(`For ${DEMO.athlete}.`)).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(`${demo.url}/dashboard`);

  // The old password no longer signs in; the new one does.
  const later = await (await browser.newContext()).newPage();
  await signInToDemo(later, DEMO.athlete, DEMO_PASSWORD);
  await expect(later.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await signInToDemo(later, DEMO.athlete, NEW_PASSWORD);
  await expect(later).toHaveURL(`${demo.url}/dashboard`);
  for (const p of [page, admin, later]) await p.context().close();
});

test("flagged users told on the demo: the flagged page says the messages are in the demo outbox, which holds them", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await admin.goto(`${demo.url}/admin/flagged`);
  const tell = admin.getByRole("button", { name: /^Tell \d+ flagged users?…$/ });
  const recipients = Number((await tell.innerText()).replace(/\D/g, ""));
  expect(recipients).toBeGreaterThan(0);
  await tell.click();
  const dialog = admin.getByRole("dialog", { name: "Tell flagged users to re-assess" });
  await dialog.getByRole("button", { name: `Send to ${recipients} user${recipients === 1 ? "" : "s"}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Queued ${recipients} message` })).toBeVisible();

  // Kept, not sent: the page never says "Sent" here.
  const card = (label: string) =>
    admin
      .locator('dl[aria-label="Flagged users told"] > div')
      .filter({ has: admin.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  await expect(card("In the demo outbox")).toHaveText(String(recipients), { timeout: 30_000 });
  await expect(card("Sent")).toHaveCount(0);
  await expect(admin.getByRole("table").getByText("In the demo outbox").first()).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);

  await admin.getByRole("main").getByRole("link", { name: "demo outbox", exact: true }).click();
  await expect(admin).toHaveURL(`${demo.url}/admin/outbox`);
  // sam@ is flagged and untold in the demo data.
  const message = await outboxMessage(admin, "sam@ironlog.dev", "Please update your equipment details in Ironlog");
  await expect(message.getByRole("link", { name: new RegExp(`^${demo.url}/reassess`) })).toBeVisible();
  await admin.context().close();
});
