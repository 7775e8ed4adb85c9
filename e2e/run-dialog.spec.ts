import type { Locator, Page } from "@playwright/test";
import { overflowsSideways, seriousViolations } from "./a11y";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// The confirmation before a real run, when the data changed after the preview: the field to type the
// migration's id looks and is disabled, and "Preview again" previews with the dialog open instead of
// closing it. The split-name migration: an athlete's new split is a change to its table. Nothing is run.
const MIGRATION = "strip-legacy-split-name-suffixes";

/** This migration's own approval setting, by its option's label (the default's label says what it is). */
async function setRequirement(page: Page, choice: string | RegExp) {
  const form = page.locator("form").filter({ has: page.getByLabel("This migration") });
  const option = form.getByRole("option", { name: choice });
  await form.getByLabel("This migration").selectOption({ label: await option.innerText() });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Approval setting saved.")).toBeVisible();
}

/** What makes a field look disabled: its background and pointer (app/globals.css). */
const look = (field: Locator) =>
  field.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, cursor: style.cursor, color: style.color };
  });

test("a stale preview's confirmation looks disabled, and Preview again previews with the dialog open", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/migrations/${MIGRATION}`);
  // Whatever another spec left, this one's runs need no approval (put back to the default at the end).
  await setRequirement(page, "No approval needed");
  await page.getByRole("button", { name: "Preview migration" }).click();
  const finished = page.getByRole("heading", { name: /Preview #\d+ finished/ });
  await expect(finished).toBeVisible();
  const firstPreview = Number((await finished.innerText()).replace(/\D/g, ""));

  // The data changes after the preview: an athlete makes a split.
  const athlete = await (await browser.newContext()).newPage();
  await signIn(athlete, DEMO.athlete);
  await athlete.goto("/splits");
  await athlete.getByLabel("Name").fill(`Made after the preview ${Date.now()}`);
  await athlete.getByRole("button", { name: "Create split" }).click();
  await expect(athlete.getByRole("heading", { level: 1, name: /Made after the preview/ })).toBeVisible();
  await athlete.context().close();

  await page.getByRole("button", { name: "Run migration…" }).click();
  const dialog = page.getByRole("dialog", { name: "Run this migration for real?" });
  await expect(
    dialog.getByRole("alert").filter({ hasText: "This preview is stale: the data changed since it ran." }),
  ).toBeVisible();
  await expect(dialog).toContainText(`The latest preview (#${firstPreview},`);
  const confirmation = dialog.getByLabel(`Type ${MIGRATION} to confirm`);
  await expect(confirmation).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Run migration" })).toBeDisabled();
  const staleLook = await look(confirmation);
  expect(staleLook.cursor).toBe("not-allowed");
  expect(await seriousViolations(page, "dialog")).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await overflowsSideways(page)).toEqual([]);

  await dialog.getByRole("button", { name: "Preview again" }).click();
  // The dialog stays open and shows the new preview when it ends: current, so the field can be used.
  await expect(dialog).toContainText(new RegExp(`The latest preview \\(#(?!${firstPreview},)\\d+,`), { timeout: 30_000 });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("The data has not changed since this preview.")).toBeVisible();
  await expect(dialog.getByRole("alert").filter({ hasText: "stale" })).toHaveCount(0);
  await expect(confirmation).toBeEnabled();
  const currentLook = await look(confirmation);
  expect(currentLook.cursor).not.toBe("not-allowed");
  // The disabled look is its own: greyed background and text, not the usable field's.
  expect(staleLook.background).not.toBe(currentLook.background);
  expect(staleLook.color).not.toBe(currentLook.color);

  await confirmation.fill(MIGRATION);
  await expect(dialog.getByRole("button", { name: "Run migration" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  const newest = Number((await finished.innerText()).replace(/\D/g, ""));
  expect(newest).toBeGreaterThan(firstPreview);
  await page.setViewportSize({ width: 1280, height: 720 });
  await setRequirement(page, /^As the default/);
});
