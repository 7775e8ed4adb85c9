import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureServerAction, expectRefused } from "./admin-helpers";
import { DEMO, signIn } from "./helpers";

// One story, in order: preview, inspect, run, download, flagged users, undo. It changes the shared
// demo data and puts it back, so the tests of this file run one after the other. Each server action
// the admin sends is captured and sent again with an athlete's and a visitor's session: refused.
test.describe.configure({ mode: "serial" });

const MIGRATION = "equipment-single-choice";
const REVIEWER = "reviewer@ironlog.dev";
// What the equipment migration finds in the demo data (db/seed.ts).
const SEED_SUMMARY = { total_processed: 155, migrated: 23, flagged: 10, skipped: 117, errors: 5 };

// Every schema migration shipped in drizzle/ is applied on the e2e server's fresh database.
const SHIPPED_SCHEMA_MIGRATIONS = (JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] })
  .entries.length;

let page: Page;
let previewRunId: number;
let appliedRunId: number;
let flaggedBefore: number;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page, DEMO.admin);
});

test.afterAll(async () => {
  await page.close();
});

async function summaryValue(list: string, name: string): Promise<number> {
  const term = page.locator(`dl[aria-label="${list}"] dt`, { hasText: new RegExp(`^${name}$`) });
  const value = term.locator("xpath=following-sibling::dd[1]");
  return Number((await value.innerText()).replaceAll(",", ""));
}

test("the overview lists the migrations with what they would still change, flagged users and health", async () => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  const migration = page.getByRole("listitem").filter({ hasText: MIGRATION });
  await expect(migration.getByText("Still to do")).toBeVisible();
  await expect(migration.getByText(/^\d[\d,]* assessments to change$/)).toBeVisible();
  await expect(page.getByText("Healthy")).toBeVisible();
  flaggedBefore = Number((await page.getByText(/^\d+ waiting$/).innerText()).replace(/\D/g, ""));
  await expect(page.getByText(`${SHIPPED_SCHEMA_MIGRATIONS} applied, 0 pending`)).toBeVisible();
  await expect(page.getByText("reassess@ironlog.dev")).toBeVisible();

  // The full data export streams a dump; password hashes only when asked for.
  const dump = await page.request.get("/admin/export");
  expect(dump.headers()["content-disposition"]).toMatch(/attachment; filename="ironlog-export-.*\.ndjson"/);
  const text = await dump.text();
  expect(JSON.parse(text.split("\n")[0])).toMatchObject({ format: "ironlog-dump", secrets: "omitted" });
  expect(text).toContain(DEMO.flagged);
  expect(text).not.toMatch(/\$2[aby]\$/);

  await migration.getByRole("link", { name: /Preview and run/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/migrations/${MIGRATION}$`));
});

test("an admin previews the migration and sees its summary and details", async ({ browser, request }) => {
  const captured = captureServerAction(page);
  await page.getByRole("button", { name: "Preview migration" }).click();
  await expect(page.getByRole("progressbar", { name: /Preview #\d+ progress/ })).toBeVisible();
  const finished = page.getByRole("heading", { name: /Preview #\d+ finished/ });
  await expect(finished).toBeVisible();
  previewRunId = Number((await finished.innerText()).replace(/\D/g, ""));
  await expect(page.getByRole("link", { name: `Preview #${previewRunId}`, exact: true }).first()).toBeVisible();
  // Disabled only while the preview ran.
  await expect(page.getByRole("button", { name: "Run migration…" })).toBeEnabled();
  expect(await summaryValue("Preview summary", "Total")).toBe(SEED_SUMMARY.total_processed);
  expect(await summaryValue("Preview summary", "Migrated")).toBe(SEED_SUMMARY.migrated);
  expect(await summaryValue("Preview summary", "Flagged")).toBe(SEED_SUMMARY.flagged);
  expect(await summaryValue("Preview summary", "Skipped")).toBe(SEED_SUMMARY.skipped);
  expect(await summaryValue("Preview summary", "Errors")).toBe(SEED_SUMMARY.errors);

  // Before and after values: Leo's legacy list becomes its highest choice.
  const details = page.getByRole("table", { name: "Preview details" });
  await expect(details.getByRole("row").filter({ hasText: "leo@ironlog.dev" })).toContainText('["basic_equipment","full_gym"]');
  await expect(details.getByRole("row").filter({ hasText: "leo@ironlog.dev" })).toContainText('"full_gym"');

  // Error rows have the fix form here too, as on the preview's own page.
  await expect(page.getByText(/^Fix row \d+$/).first()).toBeVisible();

  // The same request from an athlete or a visitor starts nothing.
  await expectRefused(browser, request, await captured);
  await page.reload();
  // A dry run is "Preview #N" everywhere, the run history included, never also "Run #N".
  const history = page.getByRole("table", { name: `Runs of ${MIGRATION}` });
  await expect(history.getByRole("link", { name: `Preview #${previewRunId}`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Run #${previewRunId}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Run #${previewRunId + 1}` })).toHaveCount(0);
});

test("the details filter to flagged rows and search by email, paginated on the server", async () => {
  await page.getByLabel("Status").selectOption("flagged");
  await page.getByRole("button", { name: "Filter details" }).click();
  await expect(page).toHaveURL(/status=flagged/);
  await expect(page.getByText(`${SEED_SUMMARY.flagged} matching rows with status flagged.`)).toBeVisible();
  const rows = page.getByRole("table", { name: "Preview details" }).locator("tbody tr");
  await expect(rows).toHaveCount(SEED_SUMMARY.flagged);
  for (const badge of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(badge.trim()).toBe("Flagged");
  await expect(rows.filter({ hasText: DEMO.flagged })).toContainText(
    "Basic equipment without specific items - user needs to re-assess",
  );

  await page.getByLabel("Search by email").fill("flagged@");
  await page.getByRole("button", { name: "Filter details" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(DEMO.flagged);

  // All rows: 23 + 10 + 5 recorded items, 25 to a page.
  await page.goto(`/admin/migrations/${MIGRATION}`);
  await expect(page.getByRole("navigation", { name: "Preview details pages" })).toContainText("Page 1 of 2");
  await page.getByRole("navigation", { name: "Preview details pages" }).getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(SEED_SUMMARY.migrated + SEED_SUMMARY.flagged + SEED_SUMMARY.errors - 25);
});

test("running asks for confirmation with the preview's counts and the migration's id typed out", async ({ browser, request }) => {
  await page.goto(`/admin/migrations/${MIGRATION}`);
  await page.getByRole("button", { name: "Run migration…" }).click();
  const dialog = page.getByRole("dialog", { name: "Run this migration for real?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("The data has not changed since this preview.")).toBeVisible();
  await expect(dialog.getByText(`The latest preview (#${previewRunId}`)).toBeVisible();
  const run = dialog.getByRole("button", { name: "Run migration" });
  await expect(run).toBeDisabled();
  await dialog.getByLabel(`Type ${MIGRATION} to confirm`).fill("equipment");
  await expect(run).toBeDisabled();

  // Escape closes the dialog without running anything.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Run migration…" }).click();
  await expect(dialog.getByLabel(`Type ${MIGRATION} to confirm`)).toBeFocused();
  await dialog.getByLabel(`Type ${MIGRATION} to confirm`).fill(MIGRATION);
  const captured = captureServerAction(page);
  await run.click();

  await expect(page.getByRole("progressbar", { name: /Run #\d+ progress/ })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/runs\/\d+$/);
  appliedRunId = Number(page.url().split("/").pop());
  await expect(page.getByRole("heading", { name: `Applied #${appliedRunId}` })).toBeVisible();
  await expect(page.getByText("the run did exactly what the preview said.")).toBeVisible();
  expect(await summaryValue("Run summary", "Migrated")).toBe(SEED_SUMMARY.migrated);
  await expect(page.getByText("All checks passed")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Errors" })).toBeVisible();
  await expect(page.getByText("home_gym")).toBeVisible();

  await expectRefused(browser, request, await captured);
  const status = await (await page.request.get(`/admin/migrations/${MIGRATION}/status`)).json();
  expect(status.running).toBeNull();
  await page.goto("/admin");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: MIGRATION })
      .getByRole("link", { name: new RegExp(`Run #${appliedRunId},`) }),
  ).toBeVisible();
});

test("the downloaded JSON report's summary equals the preview's", async () => {
  await page.goto(`/admin/runs/${appliedRunId}`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON report" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${MIGRATION}-run-${appliedRunId}.json`);
  const report = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  const preview = await (await page.request.get(`/admin/runs/${previewRunId}/report?format=json`)).json();
  expect(report.summary).toEqual(preview.summary);
  expect(report.summary).toEqual(SEED_SUMMARY);
  expect(report.details).toHaveLength(SEED_SUMMARY.migrated + SEED_SUMMARY.flagged + SEED_SUMMARY.errors);
  expect(report.details.find((d: { user_email: string }) => d.user_email === "leo@ironlog.dev")).toMatchObject({
    status: "migrated",
    original_equipment: ["basic_equipment", "full_gym"],
    new_equipment: "full_gym",
    items_cleared: true,
  });

  const csv = await page.request.get(`/admin/runs/${appliedRunId}/report?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toContain(`${MIGRATION}-run-${appliedRunId}.csv`);
  const csvLines = (await csv.text()).split("\r\n");
  // The header row first, so a spreadsheet opens the file as a table.
  expect(csvLines[0]).toBe(
    "user_id,user_email,status,original_equipment,new_equipment,items_cleared,original_items,reason,error",
  );
  expect(report.report).toMatchObject({
    run_id: appliedRunId,
    migration_id: MIGRATION,
    mode: "apply",
    status: "completed",
    includes_skipped: false,
  });

  // The checkbox adds the rows the run left as they were.
  await page.getByLabel("Include skipped rows").check();
  const withSkippedPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON report" }).click();
  const withSkipped = JSON.parse(fs.readFileSync((await (await withSkippedPromise).path())!, "utf8"));
  expect(withSkipped.report.includes_skipped).toBe(true);
  expect(withSkipped.details.filter((d: { status: string }) => d.status === "skipped")).toHaveLength(SEED_SUMMARY.skipped);
});

test("the flagged users list shows who the run flagged, with copy and CSV export", async () => {
  await page.goto("/admin/flagged");
  const row = page.getByRole("row").filter({ hasText: DEMO.flagged });
  await expect(row).toContainText("Basic equipment without specific items - user needs to re-assess");
  await expect(row.getByRole("link", { name: new RegExp(`Run #${appliedRunId}`) })).toBeVisible();
  await expect(page.getByText(`${flaggedBefore + SEED_SUMMARY.flagged} users waiting to re-assess`)).toBeVisible();

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy all emails" }).click();
  await expect(page.getByText(`Copied ${flaggedBefore + SEED_SUMMARY.flagged} emails to the clipboard.`)).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard.split("\n")).toContain(DEMO.flagged);

  const csv = await page.request.get("/admin/flagged/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("email,name,reason,flagged_at,flagged_by_run_id,migration_id");
  expect(lines).toHaveLength(flaggedBefore + SEED_SUMMARY.flagged + 1);
});

test("the overview shows the last run and nothing left to change but the errors", async () => {
  await page.goto("/admin");
  const migration = page.getByRole("listitem").filter({ hasText: MIGRATION });
  await expect(migration.getByRole("link", { name: new RegExp(`Run #${appliedRunId}`) })).toBeVisible();
  await expect(migration.getByText("Applied")).toBeVisible();
  // The errors a run leaves as they are are not counted as still to change.
  await expect(migration.getByText("0 assessments to change", { exact: true })).toBeVisible();
  await expect(migration.getByText(`${SEED_SUMMARY.errors} errors left as they are`, { exact: true })).toBeVisible();
});

test("an athlete the run changed is told once, on the dashboard, what it did to their answer", async ({ browser }) => {
  const context = await browser.newContext();
  const leo = await context.newPage();
  await signIn(leo, "leo@ironlog.dev");
  await leo.goto("/dashboard");
  const notice = leo.getByRole("note").filter({ hasText: "We updated your answer" });
  await expect(notice).toContainText("Your equipment answer was a list (basic equipment at home, full gym); it is now Full gym.");
  await expect(notice.getByRole("link", { name: "Change your answer" })).toHaveAttribute("href", "/reassess");
  await notice.getByRole("button", { name: "Got it" }).click();
  await expect(notice).toHaveCount(0);
  await leo.reload();
  await expect(leo.getByRole("heading", { name: /^Hi / })).toBeVisible();
  await expect(leo.getByText("We updated your answer")).toHaveCount(0);
  await context.close();
});

test("undo restores the data and reports restored rows and conflicts", async ({ browser, request }) => {
  await page.goto(`/admin/runs/${appliedRunId}`);
  await page.getByRole("button", { name: "Undo this run…" }).click();
  const dialog = page.getByRole("dialog", { name: `Undo run #${appliedRunId}?` });
  await expect(dialog).toContainText(`${SEED_SUMMARY.migrated + SEED_SUMMARY.flagged} rows`);
  const captured = captureServerAction(page);
  await dialog.getByRole("button", { name: "Undo run" }).click();
  await expect(page.getByRole("progressbar", { name: /Undo #\d+ progress/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Undo #\d+$/ })).toBeVisible();
  expect(await summaryValue("Undo summary", "Restored")).toBe(SEED_SUMMARY.migrated + SEED_SUMMARY.flagged);
  expect(await summaryValue("Undo summary", "Conflicts")).toBe(0);
  await expect(page.getByRole("link", { name: `run #${appliedRunId}` })).toBeVisible();

  // The data is as before: Leo's legacy list is back, and only the account flagged before the run still is.
  await page.goto("/admin/users?q=leo%40ironlog.dev");
  await expect(page.getByRole("row").filter({ hasText: "leo@ironlog.dev" })).toContainText("Legacy format");
  await page.goto("/admin/flagged");
  await expect(page.getByText(new RegExp(`^${flaggedBefore} users? waiting to re-assess`))).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: DEMO.flagged })).toHaveCount(0);

  await page.goto(`/admin/runs/${appliedRunId}`);
  await expect(page.getByText("Undone by")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo this run…" })).toHaveCount(0);

  // Refused as not an admin, before the engine could even say the run is already undone.
  await expectRefused(browser, request, await captured);
});

async function setRole(email: string, to: "admin" | "athlete") {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const name = to === "admin" ? "Make admin" : "Make athlete";
  await page.getByRole("button", { name: `${name}: ${email}` }).click();
  await page
    .getByRole("dialog", { name: `Make ${email} ${to === "admin" ? "an admin" : "an athlete"}?` })
    .getByRole("button", { name })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: `${email} is now ${to === "admin" ? "an admin" : "an athlete"}.` }),
  ).toBeVisible();
}

test("the last admin cannot step down, and an admin can promote and demote others", async ({ browser, request }) => {
  // The demo's second admin steps aside for this test, so that Alex is the last one.
  await setRole(REVIEWER, "athlete");
  await page.goto(`/admin/users?q=${encodeURIComponent(DEMO.admin)}`);
  await page.getByRole("button", { name: "Step down as admin…" }).click();
  const stepDown = page.getByRole("dialog", { name: "Step down as admin?" });
  await stepDown.getByRole("button", { name: "Step down" }).click();
  await expect(stepDown.getByRole("alert").filter({ hasText: "You are the last admin" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();

  await page.goto("/admin/users?q=maya%40ironlog.dev");
  // A role change asks first, in the app's own dialog, and Cancel changes nothing.
  await page.getByRole("button", { name: "Make admin: maya@ironlog.dev" }).click();
  const promote = page.getByRole("dialog", { name: "Make maya@ironlog.dev an admin?" });
  await expect(promote).toContainText("run and undo data migrations");
  await promote.getByRole("button", { name: "Cancel" }).click();
  await expect(promote).toBeHidden();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "maya@ironlog.dev" })).toContainText("Athlete");

  const captured = captureServerAction(page);
  await page.getByRole("button", { name: "Make admin: maya@ironlog.dev" }).click();
  await promote.getByRole("button", { name: "Make admin" }).click();
  await expect(page.getByRole("status").filter({ hasText: "maya@ironlog.dev is now an admin." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "maya@ironlog.dev" })).toContainText("Admin");

  // The user's own page: the role, the assessment, and a demotion that asks first there too.
  await page.getByRole("link", { name: "maya@ironlog.dev" }).click();
  await expect(page.getByRole("heading", { name: "maya@ironlog.dev", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Migration runs that touched this user" })).toBeVisible();
  await page.getByRole("button", { name: "Make athlete: maya@ironlog.dev" }).click();
  await page
    .getByRole("dialog", { name: "Make maya@ironlog.dev an athlete?" })
    .getByRole("button", { name: "Make athlete" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "maya@ironlog.dev is now an athlete." })).toBeVisible();
  await page.goto("/admin/users?q=maya%40ironlog.dev");

  // An athlete sending "make maya admin" again changes nothing.
  await expectRefused(browser, request, await captured);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "maya@ironlog.dev" })).toContainText("Athlete");
  await setRole(REVIEWER, "admin");
});

test("the integrity check runs on demand, links to offending rows and downloads as JSON", async ({ browser, request }) => {
  await page.goto("/admin/integrity");
  const captured = captureServerAction(page);
  await page.getByRole("button", { name: "Run integrity check" }).click();
  const results = page.getByRole("table", { name: "Integrity check results, one row per table" });
  await expect(results).toBeVisible();
  const assessments = results.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Assessments/ }) });
  await expect(assessments).toContainText("155");
  await assessments.getByRole("link", { name: /rows failing: No equipment answer is still in the legacy/ }).click();
  await expect(page).toHaveURL(/\/admin\/integrity\/assessments\?check=assessments\.legacy_format/);
  await expect(page.getByRole("table", { name: "Offending rows of Assessments" }).locator("tbody tr").first()).toContainText("[");

  const report = await page.request.get("/admin/integrity/report");
  expect(report.headers()["content-disposition"]).toContain("attachment");
  const body = await report.json();
  expect(body.tables.find((t: { table: string }) => t.table === "assessments").rowCount).toBe(155);

  await expectRefused(browser, request, await captured);
});
