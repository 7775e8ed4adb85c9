/**
 * Bringing a history from Strong and Hevy through the browser: upload, preview, import, undo,
 * re-import, duplicates, progress and export; and the upload route's own limits (a file larger than
 * the proxy's 2 MB buffer arrives whole, one past 50 MB is refused with a readable 413).
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newAthleteWithProgram } from "./athlete-helpers";
import { overflowsSideways, seriousViolations } from "./a11y";
import { generateWorkouts, strongCsv } from "../test/history-files";

const fixture = (name: string) => path.join(process.cwd(), "test/fixtures/history", name);

async function uploadForPreview(page: Page, file: string) {
  await page.goto("/history/import");
  await page.getByLabel("Export file (CSV)").setInputFiles(fixture(file));
  await page.getByLabel("Time zone of the times in the file").selectOption("UTC");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page).toHaveURL(/\/history\/import\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test("a Strong export: preview, import, progress, undo, re-import, duplicates and export", async ({ page }) => {
  test.setTimeout(180_000);
  await newAthleteWithProgram(page, "Strong switcher");
  await page.goto("/history");
  await page.getByRole("link", { name: "Import from Strong, Hevy or FitNotes" }).click();
  await expect(page.getByRole("heading", { name: "Import your history" })).toBeVisible();

  await uploadForPreview(page, "strong.csv");
  const found = page.locator("dl");
  await expect(found.getByText("22", { exact: true })).toBeVisible();
  await expect(found.getByText("302", { exact: true })).toBeVisible();
  await expect(page.getByText("Times without a time zone were read in UTC.")).toBeVisible();
  await expect(page.getByText("Which unit are the weights in?")).toBeVisible();
  await expect(page.getByLabel("Library exercise for Bench Press (Barbell)")).toHaveValue("Barbell Bench Press");
  await expect(
    page.getByRole("radiogroup", { name: "Where “Zercher Squat” goes" }).getByLabel("Create as my own exercise"),
  ).toBeChecked();
  // The unreadable rows, by line.
  const problems = page.getByRole("table");
  await expect(problems.getByRole("row", { name: /306 The date “03\/05\/2024 18:02”/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /308 RPE 11/ })).toBeVisible();

  // A name changed by hand, from the searchable list.
  await page.getByLabel("Library exercise for Triceps Dip").fill("Bench Dip");
  await page.getByLabel("Pounds (lb)").check();
  await page.getByRole("button", { name: "Import 22 workouts" }).click();
  await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Imported 22 workouts (302 sets) from strong.csv" })).toBeVisible();
  await expect(page.getByText("22 sessions logged.")).toBeVisible();

  // The imported sets chart on the progress page (the exercises listed are those with logged sets).
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Estimated 1RM" })).toBeVisible();
  await expect(page.getByLabel("Exercise").locator("option", { hasText: "Barbell Bench Press" })).toHaveCount(1);
  await expect(page.getByLabel("Exercise").locator("option", { hasText: "Zercher Squat" })).toHaveCount(1);

  // Undo removes what the import created, the own "Zercher Squat" with it.
  await page.goto("/history");
  await page.getByRole("button", { name: "Undo the import of strong.csv" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove the 22 workouts this import created?" });
  await expect(confirm).toContainText(
    "Sessions you edited since are kept, and so are the exercises it added that you have used since.",
  );
  await confirm.getByRole("button", { name: "Undo this import" }).click();
  await expect(page).toHaveURL(/\/history\?undone=\d+/);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Undid the import of strong.csv: 22 sessions and 1 exercise it had added removed." }),
  ).toBeVisible();
  await expect(page.getByText("No sessions yet")).toBeVisible();

  // Imported again, then a third upload finds every workout already there.
  await uploadForPreview(page, "strong.csv");
  await expect(page.getByText("None of these workouts is in your history yet.")).toBeVisible();
  await page.getByRole("button", { name: "Import 22 workouts" }).click();
  await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  await uploadForPreview(page, "strong.csv");
  await expect(
    page.getByText("22 workouts already in your history (same start time and exercises) will be skipped."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 0 workouts" })).toBeDisabled();
  await expect(page.getByText("Duplicate: skipped").first()).toBeVisible();

  // The export, as the athlete downloads it.
  await page.goto("/history");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const text = (await import("node:fs")).readFileSync(file, "utf8");
  expect(text.split("\n")[0]).toBe(
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit,Distance Unit,Set Type,Superset,Time Zone,Exercise Notes,Missed",
  );
  expect(text.trimEnd().split("\n").length).toBeGreaterThan(302);
});

test("a Hevy export: the unit comes from the file, and the workouts reach the progress page", async ({ page }) => {
  test.setTimeout(120_000);
  await newAthleteWithProgram(page, "Hevy switcher");
  await page.goto("/profile");
  await page.getByRole("link", { name: "Import from Strong, Hevy or FitNotes" }).click();
  await expect(page).toHaveURL(/\/history\/import$/);
  await uploadForPreview(page, "hevy.csv");
  await expect(page.getByText("Weights in the file are in kg.")).toBeVisible();
  // The preview is accessible and fits a phone.
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflowsSideways(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByText("Which unit are the weights in?")).toHaveCount(0);
  await expect(page.getByRole("row", { name: /302 Set type “rest-pause”/ })).toBeVisible();
  await page.getByRole("button", { name: "Import 22 workouts" }).click();
  await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Imported 22 workouts (303 sets) from hevy.csv" })).toBeVisible();
  // The latest workout is a 5.2 km run in 30 minutes: charted by pace, with the numbers as a table.
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Best pace per session" })).toBeVisible();
  await page.getByText("Show as a table").first().click();
  await expect(page.getByRole("row").filter({ hasText: "5:46 /km" })).toContainText("5.2 km in 30:00");
  await page.getByLabel("Exercise").selectOption({ label: "Barbell Back Squat" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "Estimated 1RM" })).toBeVisible();
});

test("the upload route reads a 6 MB file whole, refuses one past 50 MB, and answers a bad file in words", async ({ page }) => {
  test.setTimeout(180_000);
  await newAthleteWithProgram(page, "Big file");
  const big = Buffer.from(strongCsv(generateWorkouts({ workouts: 3200, setsPerExercise: 6, seed: 4 })));
  expect(big.byteLength).toBeGreaterThan(6 * 1024 * 1024);
  const whole = await page.request.post("/api/history/import?name=big.csv&tz=UTC", {
    data: big,
    headers: { "content-type": "text/csv" },
    timeout: 120_000,
  });
  expect(whole.status()).toBe(201);
  expect(await whole.json()).toMatchObject({ workouts: 3200, sets: 3200 * 30 });
  expect(whole.headers()["x-content-type-options"]).toBe("nosniff");
  expect(whole.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  const tooBig = await page.request.post("/api/history/import?name=huge.csv", {
    data: Buffer.alloc(51 * 1024 * 1024, 0x41),
    headers: { "content-type": "text/csv" },
    timeout: 120_000,
  });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toContain("larger than 50 MB");

  const wrong = await page.request.post("/api/history/import?name=contacts.csv", {
    data: "name,email\nann,ann@example.com\n",
    headers: { "content-type": "text/csv" },
  });
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).error).toContain("Expected a Strong export");

  // And in the page, next to the form.
  await page.goto("/history/import");
  await page
    .getByLabel("Export file (CSV)")
    .setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\n") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.locator("#upload-error")).toContainText("This file is not an export Ironlog can read.");
});
