import { linkIn, startTestSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";
import { captureServerAction, expectRefused, replayServerAction } from "./admin-helpers";
import { E2E_SMTP_PORT } from "./mail";

// Telling flagged users (docs/operator-guide.md) from the flagged-users page: preview, send to everyone flagged and not yet
// told, read the mail from the SMTP server the e2e server sends to (e2e/mail.ts), follow its link.
test.describe.configure({ mode: "serial" });

// sam@ is flagged in the demo data and no other spec re-assesses it; reassess@ (athlete.spec re-assesses
// it) and flagged@ (flagged while admin.spec's run stands) may be flagged too, depending on what ran first.
const FLAGGABLE_DEMO_ACCOUNTS = ["sam@ironlog.dev", "reassess@ironlog.dev", DEMO.flagged];

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer({ port: E2E_SMTP_PORT });
});
test.afterAll(async () => {
  await smtp?.close();
});

test("an admin previews the message, sends it to every flagged user once, and sees who was told and who re-assessed", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/flagged");
  const tell = page.getByRole("button", { name: /^Tell \d+ flagged users?…$/ });
  const recipients = Number((await tell.innerText()).replace(/\D/g, ""));
  expect(recipients).toBeGreaterThan(0);
  await tell.click();
  const dialog = page.getByRole("dialog", { name: "Tell flagged users to re-assess" });
  await expect(dialog).toContainText("Subject: Please update your equipment details in Ironlog");
  await expect(dialog).toContainText("We've updated our equipment assessment. Please re-complete your equipment details");
  await expect(dialog).toContainText(`${baseURL}/reassess`);
  await expect(dialog).toContainText(`This message goes to ${recipients} flagged user`);

  const sent = captureServerAction(page);
  await dialog.getByRole("button", { name: `Send to ${recipients} user${recipients === 1 ? "" : "s"}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Queued ${recipients} message` })).toBeVisible();
  const action = await sent;

  // Sent in the background: every flagged user gets one message, and the page shows the deliveries.
  await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(recipients);
  expect(new Set(smtp.received.map((m) => m.to)).size).toBe(recipients);
  const mail = smtp.received.find((m) => FLAGGABLE_DEMO_ACCOUNTS.includes(m.to));
  expect(mail, "a demo account among the recipients").toBeDefined();
  expect(mail!.subject).toBe("Please update your equipment details in Ironlog");
  const card = (label: string) =>
    page
      .locator('dl[aria-label="Flagged users told"] > div')
      .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  await expect(card("Sent")).toHaveText(String(recipients), { timeout: 15_000 });
  await expect(card("Told")).toHaveText(String(recipients));
  await expect(page.getByRole("button", { name: "Everyone flagged was told" })).toBeDisabled();

  // A second send (the same action again) tells nobody twice.
  const again = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
  expect(await replayServerAction(again, action)).toContain("Nobody to tell: every flagged user has been told already.");
  await again.dispose();
  await page.waitForTimeout(1500);
  expect(smtp.received).toHaveLength(recipients);

  // Only admins may send it.
  const visitor = await playwright.request.newContext({ baseURL });
  await expectRefused(browser, visitor, action);
  await visitor.dispose();

  // The flagged user follows the link and re-assesses; the admin page shows it.
  const athlete = await browser.newContext();
  const athletePage = await athlete.newPage();
  await signIn(athletePage, mail!.to);
  await athletePage.goto(linkIn(mail!, baseURL!));
  await expect(athletePage.getByRole("heading", { name: "Update your equipment" })).toBeVisible();
  await athletePage.getByRole("radio", { name: /No equipment/ }).check();
  await athletePage.getByRole("button", { name: "Save my equipment" }).click();
  await expect(athletePage).toHaveURL(/\/program\?reassessed=1/);
  await athlete.close();

  await page.reload();
  await expect(card("Re-assessed since")).toHaveText("1");
  const row = page.getByRole("row").filter({ hasText: mail!.to });
  await expect(row).toContainText("Sent");
  await expect(row.getByRole("cell").nth(4)).not.toHaveText("Not yet");
});
