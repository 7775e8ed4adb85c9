import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ATHLETE_PASSWORD, newAthleteWithProgram } from "./athlete-helpers";
import { signIn } from "./helpers";

async function logSet(page: Page, exercise: string, set: number, weight: string, reps: string) {
  await page.getByLabel(`${exercise}, set ${set}: weight (kg)`).fill(weight);
  await page.getByLabel(`${exercise}, set ${set}: reps`).fill(reps);
  await page.getByRole("button", { name: `Log ${exercise}, set ${set}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set ${set}` })).toBeVisible();
}

async function exerciseNames(page: Page): Promise<string[]> {
  await expect(page.getByTestId("logger-exercise").first()).toBeVisible();
  return (await page.getByTestId("logger-exercise").getByRole("heading").allInnerTexts()).map((t) => t.trim());
}

test("two devices on one workout: every set of both survives, and each shows the other's without a reload", async ({
  page: laptop,
  browser,
}) => {
  const email = await newAthleteWithProgram(laptop, "Two Devices");
  await laptop.getByRole("button", { name: "Start Full body A" }).click();
  await expect(laptop).toHaveURL(/\/log\/\d+$/);
  const url = laptop.url();
  await laptop.getByLabel("Rest timer after each set").uncheck();
  const [first, second] = await exerciseNames(laptop);
  const plannedRows = await laptop.getByTestId("logger-exercise").nth(1).getByTestId("set-row").count();

  await logSet(laptop, first, 1, "7.5", "12");
  await logSet(laptop, first, 2, "7.5", "10");
  await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved");

  // The phone: another browser, signed in as the same athlete, opening the same workout.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, email, ATHLETE_PASSWORD);
  await phone.goto(url);
  await phone.getByLabel("Rest timer after each set").uncheck();
  // The plan's rows come from the plan on every device, not from the laptop's draft.
  await expect(phone.getByTestId("logger-exercise").nth(1).getByTestId("set-row")).toHaveCount(plannedRows);
  await expect(phone.getByRole("button", { name: `Undo ${first}, set 2` })).toBeVisible();

  // The phone loses its connection; meanwhile the laptop logs set 3 of the first exercise.
  await phoneContext.setOffline(true);
  await logSet(laptop, first, 3, "7.5", "9");
  await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved");
  // The phone, which has not heard of it, logs set 1 of the second exercise, then reconnects.
  await logSet(phone, second, 1, "5", "15");
  await expect(phone.getByTestId("sync-status")).toContainText("Offline");
  await phoneContext.setOffline(false);
  await expect(phone.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  // Both devices show all four sets, without a reload.
  await expect(phone.getByRole("button", { name: `Undo ${first}, set 3` })).toBeVisible();
  await expect(phone.getByLabel(`${first}, set 3: reps`)).toHaveValue("9");
  await expect(laptop.getByRole("button", { name: `Undo ${second}, set 1` })).toBeVisible({ timeout: 15_000 });
  await expect(laptop.getByTestId("logged-count")).toContainText("4 sets logged");
  await expect(phone.getByTestId("logged-count")).toContainText("4 sets logged");

  // A fresh look at the server agrees.
  await phone.evaluate(() => window.localStorage.clear());
  await phone.reload();
  await expect(phone.getByTestId("logged-count")).toContainText("4 sets logged");
  await phoneContext.close();

  // Starting another workout offers the one in progress instead of opening a second.
  await laptop.goto("/log");
  await laptop.getByRole("button", { name: "Start Full body B" }).click();
  await expect(laptop).toHaveURL(/\/log\?inProgress=\d+/);
  await expect(laptop.getByTestId("in-progress-offer")).toBeVisible();
  await laptop.getByRole("link", { name: "Resume" }).click();
  await expect(laptop).toHaveURL(url);
});

test("two devices that both log set 1 of a planned row keep both sets, and the second is told", async ({
  page: laptop,
  browser,
}) => {
  const email = await newAthleteWithProgram(laptop, "Both Kept");
  await laptop.getByRole("button", { name: "Start Full body A" }).click();
  await expect(laptop).toHaveURL(/\/log\/\d+$/);
  await laptop.getByLabel("Rest timer after each set").uncheck();
  const [first] = await exerciseNames(laptop);
  const plannedRows = await laptop.getByTestId("logger-exercise").first().getByTestId("set-row").count();

  // The phone opens the same workout before either logs, then loses its connection.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, email, ATHLETE_PASSWORD);
  await phone.goto(laptop.url());
  await phone.getByLabel("Rest timer after each set").uncheck();
  await phoneContext.setOffline(true);

  await logSet(laptop, first, 1, "100", "8");
  await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved");
  await logSet(phone, first, 1, "120", "5");
  await phoneContext.setOffline(false);
  await expect(phone.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  // Both kept, in the order they reached the server, and the phone says so in one line.
  await expect(phone.getByLabel(`${first}, set 1: weight (kg)`)).toHaveValue("100");
  await expect(phone.getByLabel(`${first}, set 2: weight (kg)`)).toHaveValue("120");
  await expect(phone.getByTestId("set-notice")).toHaveText("Set 1 was also logged on your other device: both kept.");
  await expect(laptop.getByRole("button", { name: `Undo ${first}, set 2` })).toBeVisible({ timeout: 15_000 });
  await expect(laptop.getByLabel(`${first}, set 2: reps`)).toHaveValue("5");
  // No empty extra row on either device: the plan's count of rows still.
  await expect(phone.getByTestId("logger-exercise").first().getByTestId("set-row")).toHaveCount(plannedRows);
  await expect(laptop.getByTestId("logger-exercise").first().getByTestId("set-row")).toHaveCount(plannedRows);
  await phoneContext.close();
});

test("a set the rules refuse is never shown as logged, and a bad duration is an error by its field", async ({ page }) => {
  await newAthleteWithProgram(page, "Careful Carl");
  await page.getByRole("button", { name: "Start Full body C" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const [first] = await exerciseNames(page);

  await page.getByLabel(`${first}, set 1: weight (kg)`).fill("99999999");
  await page.getByLabel(`${first}, set 1: reps`).fill("5");
  await page.getByRole("button", { name: `Log ${first}, set 1` }).click();
  const row = page.getByTestId("set-row").first();
  await expect(row.getByRole("alert")).toContainText("beyond any lift on record");
  await expect(page.getByLabel(`${first}, set 1: weight (kg)`)).toHaveAttribute("aria-invalid", "true");
  await expect(row).toHaveAttribute("data-logged", "false");
  await expect(page.getByRole("button", { name: `Undo ${first}, set 1` })).toHaveCount(0);
  await expect(page.getByText("First time logged: this is your baseline.")).toHaveCount(0);
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByTestId("logged-count")).toContainText("0 sets logged");

  // An empty reps field is never stored as 0; a missed attempt may be.
  await page.getByLabel(`${first}, set 1: weight (kg)`).fill("20");
  await page.getByLabel(`${first}, set 1: reps`).fill("");
  await page.getByRole("button", { name: `Log ${first}, set 1` }).click();
  await expect(page.getByLabel(`${first}, set 1: reps`)).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: `${first}, set 1: missed attempt` }).click();
  await page.getByRole("button", { name: `Log ${first}, set 1` }).click();
  await expect(page.getByRole("button", { name: `Undo ${first}, set 1` })).toBeVisible();
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");

  await page.getByRole("button", { name: "Finish workout…" }).click();
  for (const bad of ["-5", "abc", "1.5", "99999"]) {
    await page.getByLabel("Duration (minutes)").fill(bad);
    await expect(page.getByLabel("Duration (minutes)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#duration-error")).toBeVisible();
  }
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\d+\?saved=1/);
});
