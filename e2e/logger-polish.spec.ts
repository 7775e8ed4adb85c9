import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newAthleteWithProgram } from "./athlete-helpers";

async function firstExercise(page: Page): Promise<string> {
  await expect(page.getByTestId("logger-exercise").first()).toBeVisible();
  return (await page.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();
}

test("+ Add set copies the set before it, and discarding asks in the app's own dialog, and needs a signal", async ({ page }) => {
  await newAthleteWithProgram(page, "Polish Tester");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByLabel("Rest timer after each set").uncheck();
  const exercise = await firstExercise(page);
  const card = page.getByTestId("logger-exercise").first();
  const planned = await card.getByTestId("set-row").count();

  await page.getByLabel(`${exercise}, set 1: weight (kg)`).fill("12.5");
  await page.getByLabel(`${exercise}, set 1: reps`).fill("10");
  await page.getByRole("button", { name: `Log ${exercise}, set 1` }).click();
  await card.getByRole("button", { name: "+ Add set" }).click();
  await expect(card.getByTestId("set-row")).toHaveCount(planned + 1);
  await expect(page.getByLabel(`${exercise}, set ${planned + 1}: weight (kg)`)).toHaveValue("12.5");
  await expect(page.getByLabel(`${exercise}, set ${planned + 1}: reps`)).toHaveValue("10");

  // Discard: the browser's confirm() would be dismissed by Playwright; this is the app's dialog.
  await page.getByRole("button", { name: "Discard workout" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard this workout?" });
  await expect(dialog).toContainText("Its sets will be deleted.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/log\/\d+$/);

  // With no signal nothing is deleted: the logger says so, and the set stays, on screen and on the device.
  const kept = () =>
    page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("ironlog:logger:")).length);
  expect(await kept()).toBe(1);
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Discard workout" }).click();
  await dialog.getByRole("button", { name: "Discard workout" }).click();
  await expect(page.getByText("Discarding needs a connection: nothing was deleted, and your sets are kept.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set 1` })).toBeVisible();
  expect(await kept()).toBe(1);
  await page.context().setOffline(false);

  // Discarded on the server, the workout's copy on this device goes too.
  await page.getByRole("button", { name: "Discard workout" }).click();
  await dialog.getByRole("button", { name: "Discard workout" }).click();
  await expect(page).toHaveURL(/\/log$/);
  await expect(page.getByRole("link", { name: "Resume" })).toHaveCount(0);
  expect(await kept()).toBe(0);
});

test("a finished session opened in the logger is deleted from there, after the same question", async ({ page }) => {
  await newAthleteWithProgram(page, "Deleting Athlete");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const exercise = await firstExercise(page);
  await page.getByLabel(`${exercise}, set 1: weight (kg)`).fill("20");
  await page.getByLabel(`${exercise}, set 1: reps`).fill("8");
  await page.getByRole("button", { name: `Log ${exercise}, set 1` }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Finish workout…" }).click();
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\d+\?saved=1/);
  const sessionId = new URL(page.url()).pathname.split("/").pop();

  await page.goto(`/log/${sessionId}`);
  await expect(page.getByRole("link", { name: "← Back to the session" })).toBeVisible();
  await page.getByRole("button", { name: "Delete session" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this session and its sets?" });
  await dialog.getByRole("button", { name: "Delete session" }).click();
  await expect(page).toHaveURL(/\/history$/);
  expect((await page.request.get(`/history/${sessionId}`)).status()).toBe(404);
});

test("after a session at the top of the rep range, the next one suggests what to lift and says why", async ({ page }) => {
  await newAthleteWithProgram(page, "Progressing Athlete");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByLabel("Rest timer after each set").uncheck();
  const exercise = await firstExercise(page);
  const card = page.getByTestId("logger-exercise").first();
  // First time: nothing to go from, so no suggestion.
  await expect(card.getByTestId("progression-suggestion")).toHaveCount(0);
  const [, sets, min, max] = /Target (\d+) × (\d+)(?:–(\d+))?/.exec(await card.innerText())!.map(Number);
  const top = Number.isNaN(max) ? min : max;
  for (let set = 1; set <= sets; set++) {
    await page.getByLabel(`${exercise}, set ${set}: weight (kg)`).fill("10");
    await page.getByLabel(`${exercise}, set ${set}: reps`).fill(String(top));
    await page.getByRole("button", { name: `Log ${exercise}, set ${set}` }).click();
    await expect(page.getByRole("button", { name: `Undo ${exercise}, set ${set}` })).toBeVisible();
  }
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Finish workout…" }).click();
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\d+\?saved=1/);

  await page.goto("/log");
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const again = page.getByTestId("logger-exercise").first();
  await expect(again.getByTestId("progression-suggestion")).toContainText(`Every set reached ${top} reps`);
  // Last time's day, as the server wrote it in the athlete's zone.
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" }).format(new Date()),
  );
  await expect(again).toContainText(`last time ${today}`);
  // The suggestion is what the empty fields show: more weight from the bottom of the range, or one more rep.
  const weight = Number(await page.getByLabel(`${exercise}, set 1: weight (kg)`).getAttribute("placeholder"));
  const reps = Number(await page.getByLabel(`${exercise}, set 1: reps`).getAttribute("placeholder"));
  expect(weight > 10 ? reps === min : weight === 10 && reps === top + 1).toBe(true);
  // Ticking the empty row logs the suggestion.
  await page.getByLabel("Rest timer after each set").uncheck();
  await page.getByRole("button", { name: `Log ${exercise}, set 1` }).click();
  await expect(page.getByLabel(`${exercise}, set 1: reps`)).toHaveValue(String(reps));
});

test("the plate calculator loads the athlete's own bar and plates, and says the nearest weight they can make", async ({
  page,
}) => {
  await newAthleteWithProgram(page, "Plate Loader");
  await page.goto("/profile");
  const plates = page.getByRole("region", { name: "Bar and plates" }).or(page.locator("#plates"));
  await plates.getByLabel("Bar weight (kg)").fill("15");
  for (const plate of ["25 kg", "15 kg", "1.25 kg"]) await plates.getByRole("checkbox", { name: plate, exact: true }).uncheck();
  await plates.getByRole("button", { name: "Save bar and plates" }).click();
  await expect(plates.getByText("Bar and plates saved.")).toBeVisible();

  await page.goto("/log");
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByRole("button", { name: "+ Add exercise" }).click();
  await page.getByLabel("Search exercises").fill("Barbell Bench");
  await page.getByRole("button", { name: /^Barbell Bench Press/ }).click();
  const hint = page.getByLabel("Plates for Barbell Bench Press");
  await page.getByLabel("Barbell Bench Press, set 1: weight (kg)").fill("60");
  await expect(hint).toContainText("60 kg: 20 + 2.5 each side (15 kg bar)");
  // 1.25 kg plates were unticked: 62.5 cannot be made; 60 and 65 are as near, and the lighter is safer.
  await page.getByLabel("Barbell Bench Press, set 1: weight (kg)").fill("62.5");
  await expect(hint).toContainText("62.5 kg cannot be loaded with your plates; nearest is 60 kg");
  await page.getByLabel("Barbell Bench Press, set 1: weight (kg)").fill("15");
  await expect(hint).toContainText("15 kg: the empty bar (15 kg bar)");
  await page.getByLabel("Barbell Bench Press, set 1: weight (kg)").fill("10");
  await expect(hint).toContainText("10 kg is lighter than your 15 kg bar.");
});
