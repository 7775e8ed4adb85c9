import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { overflowsSideways, seriousViolations } from "./a11y";
import { DEMO, signIn } from "./helpers";

// The two-person rule, with two admins in two browser contexts: one asks, the other approves, and
// only then can the first run the migration. The split-name migration, so the equipment story in
// admin.spec.ts keeps its own data; its setting is put back at the end.
test.describe.configure({ mode: "serial" });

const MIGRATION = "strip-legacy-split-name-suffixes";
const MIGRATION_TITLE = "Split names: strip the old system's emoji";
const REVIEWER = "reviewer@ironlog.dev";

async function setRequirement(page: Page, choice: string) {
  const form = page.locator("form").filter({ has: page.getByLabel("This migration") });
  await form.getByLabel("This migration").selectOption({ label: choice });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Approval setting saved.")).toBeVisible();
}

test("a run that needs approval waits for another admin's, and the run says who asked and who approved", async ({ browser }) => {
  const asker = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(asker, DEMO.admin);
  await signIn(reviewer, REVIEWER);

  await asker.goto(`/admin/migrations/${MIGRATION}`);
  await setRequirement(asker, "Another admin must approve");
  await asker.getByRole("button", { name: "Preview migration" }).click();
  const finished = asker.getByRole("heading", { name: /Preview #\d+ finished/ });
  await expect(finished).toBeVisible();
  const previewRunId = Number((await finished.innerText()).replace(/\D/g, ""));
  await asker.reload();

  // Without an approval the run button is disabled and says why.
  const runButton = asker.getByRole("button", { name: "Run migration…" });
  await expect(runButton).toBeDisabled();
  await expect(asker.getByText(`need another admin's approval of preview #${previewRunId}`)).toBeVisible();

  const ask = asker.getByRole("form", { name: "Ask for approval" });
  await ask.getByRole("button", { name: "Ask for approval" }).click();
  await expect(ask.getByText("Say what the run is for")).toBeVisible();
  await ask.getByLabel(/Note for the approving admin/).fill("Strip the calendar suffixes before the release");
  await ask.getByRole("button", { name: "Ask for approval" }).click();
  await expect(asker.getByText("You asked: another admin approves or declines it.")).toBeVisible();
  await expect(asker.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(asker.getByText(`Waiting for another admin to approve preview #${previewRunId}`)).toBeVisible();

  // The overview tells every admin there is a request: the other admin is sent to decide it.
  const waiting = (page: Page) =>
    page.getByRole("region", { name: "Runs waiting for approval" }).getByRole("listitem").filter({ hasText: MIGRATION_TITLE });
  await asker.goto("/admin");
  await expect(waiting(asker)).toContainText(
    new RegExp(
      `^Request #\\d+: you asked to run ${MIGRATION_TITLE} as preview #${previewRunId} showed it, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.`,
    ),
  );
  await expect(waiting(asker).getByText("Another admin approves or declines it.")).toBeVisible();
  await reviewer.goto("/admin");
  const request = waiting(reviewer);
  await expect(request).toContainText(`${DEMO.admin} asked to run ${MIGRATION_TITLE} as preview #${previewRunId} showed it`);
  await expect(request).toContainText("“Strip the calendar suffixes before the release”");
  expect(await seriousViolations(reviewer)).toEqual([]);
  await reviewer.setViewportSize({ width: 360, height: 740 });
  expect(await overflowsSideways(reviewer)).toEqual([]);
  await reviewer.setViewportSize({ width: 1280, height: 720 });
  await request.getByRole("link", { name: /^Review request #\d+/ }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/migrations/${MIGRATION}#approval$`));
  await expect(reviewer.getByText(/^Request #\d+: admin@ironlog\.dev asked/)).toContainText(
    "Strip the calendar suffixes before the release",
  );
  const decide = reviewer.getByRole("form", { name: /Decide request #\d+/ });
  await decide.getByLabel("Your note").fill("Preview checked: only suffixes go");
  await decide.getByRole("button", { name: "Approve" }).click();
  // The request is decided: the page now shows the approval, with who asked and who approved.
  await expect(reviewer.getByText(/Good for one run of preview #/)).toContainText(`approved by ${REVIEWER}`);

  // Decided: no longer waiting on the overview.
  await reviewer.goto("/admin");
  await expect(reviewer.getByRole("heading", { name: "Data migrations" })).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Runs waiting for approval" })).toHaveCount(0);

  await asker.goto(`/admin/migrations/${MIGRATION}`);
  await expect(asker.getByText(/Good for one run of preview #/)).toBeVisible();
  await expect(runButton).toBeEnabled();
  await runButton.click();
  const dialog = asker.getByRole("dialog", { name: "Run this migration for real?" });
  // The e2e server runs on the embedded database: the dialog says what that means before the run.
  await expect(dialog.getByText(/runs on the embedded database.*finishes before Cancel can be reached/)).toBeVisible();
  await dialog.getByLabel(`Type ${MIGRATION} to confirm`).fill(MIGRATION);
  await dialog.getByRole("button", { name: "Run migration" }).click();
  await expect(asker).toHaveURL(/\/admin\/runs\/\d+$/);
  await expect(asker.getByText(`${DEMO.admin} asked`)).toBeVisible();
  await expect(asker.getByText(`${REVIEWER} approved`)).toBeVisible();

  // One approval, one run: the page asks for approval again.
  await asker.goto(`/admin/migrations/${MIGRATION}`);
  await expect(runButton).toBeDisabled();
  await setRequirement(asker, "As the default (no approval)");
  // Mail leaves this server (SMTP_URL is set): there is no demo outbox to read.
  expect((await asker.request.get("/admin/outbox")).status()).toBe(404);
  await expect(asker.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Demo outbox" })).toHaveCount(0);
  await asker.context().close();
  await reviewer.context().close();
});
