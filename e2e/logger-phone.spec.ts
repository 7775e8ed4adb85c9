/**
 * The logger on a phone, between sets: every value up to the largest accepted is fully visible in its
 * field, the controls are big enough to tap, nothing scrolls sideways, and a runaway number keeps the
 * page responsive.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addExercise, newAthleteWithProgram, startEmptyWorkout } from "./athlete-helpers";

/** Types `value` and checks the field shows all of it: nothing scrolled out of view. */
async function expectFullyVisible(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await expect(field).toHaveValue(value);
  const { scroll, client } = await field.evaluate((input: HTMLInputElement) => ({
    scroll: input.scrollWidth,
    client: input.clientWidth,
  }));
  expect(scroll, `"${value}" fits its field`).toBeLessThanOrEqual(client);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${page.url()} is no wider than the screen`).toBeLessThanOrEqual(width);
}

async function expectTapTarget(control: Locator): Promise<void> {
  const box = await control.boundingBox();
  expect(box, "the control is on screen").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("every value up to the largest accepted fits its field, controls are big enough to tap, nothing scrolls sideways", async ({
      page,
    }) => {
      await newAthleteWithProgram(page, "Phone Pia");
      await startEmptyWorkout(page);
      await addExercise(page, "bench", "Barbell Bench Press");
      await addExercise(page, "plank", "Plank");
      await addExercise(page, "farmer", "Farmer's Carry");

      const bench = "Barbell Bench Press, set 1";
      await expect(page.getByLabel(`${bench}: weight (kg)`)).toHaveAttribute("inputmode", "decimal");
      await expect(page.getByLabel(`${bench}: reps`)).toHaveAttribute("inputmode", "numeric");
      await expectFullyVisible(page.getByLabel(`${bench}: weight (kg)`), "1500");
      await expectFullyVisible(page.getByLabel(`${bench}: weight (kg)`), "1499.75");
      await expectFullyVisible(page.getByLabel(`${bench}: reps`), "1000");
      await expectFullyVisible(page.getByLabel(`${bench}: RPE (optional)`), "9.5");
      await expectFullyVisible(page.getByLabel("Plank, set 1: time"), "9:59:59");
      await expectFullyVisible(page.getByLabel("Farmer's Carry, set 1: weight (kg)"), "1500");
      await expectFullyVisible(page.getByLabel("Farmer's Carry, set 1: distance (m)"), "999990");

      for (const name of [
        `Log ${bench}`,
        `${bench}: missed attempt`,
        `Remove ${bench}`,
        new RegExp(`^${bench}: normal`),
        "Move Barbell Bench Press down",
      ])
        await expectTapTarget(page.getByRole("button", { name }).first());
      await expectTapTarget(page.getByLabel(`${bench}: weight (kg)`));

      // "+ Add set" stays on one line.
      const addSet = page.getByRole("button", { name: "+ Add set" }).first();
      expect((await addSet.boundingBox())!.height).toBeLessThanOrEqual(46);
      await expectNoSidewaysScroll(page);

      // Logged, a set still shows whole.
      await page.getByLabel(`${bench}: weight (kg)`).fill("100");
      await page.getByLabel(`${bench}: reps`).fill("1000");
      await page.getByRole("button", { name: `Log ${bench}` }).click();
      await expect(page.getByRole("button", { name: `Undo ${bench}` })).toBeVisible();
      await expectFullyVisible(page.getByLabel(`${bench}: reps`), "1000");
      await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

      await page.goto("/progress");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    });

    test("a runaway weight keeps the page responsive and shows no plate line", async ({ page }) => {
      await newAthleteWithProgram(page, "Phone Pat");
      await startEmptyWorkout(page);
      await addExercise(page, "bench", "Barbell Bench Press");
      const weight = page.getByLabel("Barbell Bench Press, set 1: weight (kg)");
      await weight.fill("100");
      await expect(page.getByTestId("plate-hint")).toContainText("100 kg");
      await weight.pressSequentially("999999999");
      await expect(weight).toHaveValue("100999999999");
      // A frame is painted promptly after the typing: no keystroke held the main thread.
      const frame = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }),
      );
      expect(frame).toBeLessThan(500);
      await expect(page.getByTestId("plate-hint")).toHaveCount(0);
      await page.getByRole("button", { name: "Log Barbell Bench Press, set 1" }).click();
      await expect(page.getByTestId("logger-exercise").getByRole("alert")).toContainText(
        "That weight is beyond any lift on record.",
      );
    });
  });
}
