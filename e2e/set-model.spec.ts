/**
 * The set model in a real browser: equipment the library now covers, sets measured by time and distance,
 * warm-ups that hold no record, and a superset the logger moves through.
 */
import { expect, test } from "./fixtures";
import { addExercise, newAthleteWithProgram, startEmptyWorkout } from "./athlete-helpers";
import { uniqueEmail } from "./helpers";

test("an athlete with kettlebells and resistance bands gets a program that uses them", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Kettle Kim");
  await page.getByLabel("Email").fill(uniqueEmail("kettlebells"));
  await page.getByLabel("Password").fill("swing-press-row");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Sport or main activity").fill("Climbing");
  await page.getByLabel("Age").fill("34");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Intermediate/ }).check();
  await page.getByRole("radio", { name: "General fitness" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /^3 days/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Basic equipment at home/ }).check();
  await page.getByRole("checkbox", { name: "Kettlebells" }).check();
  await page.getByRole("checkbox", { name: "Resistance bands" }).check();
  await page.getByRole("button", { name: "Build my program" }).click();
  await expect(page).toHaveURL(/\/program\?welcome=1/);
  const main = page.getByRole("main");
  await expect(main.getByText(/Kettlebell (Goblet Squat|Swing|Row|Deadlift|Overhead Press)/).first()).toBeVisible();
  await expect(
    main
      .getByText(/Band(ed)? (Row|Chest Press|Lat Pulldown|Pull-Apart|Lateral Raise|Biceps Curl|Triceps Pushdown|Face Pull)/)
      .first(),
  ).toBeVisible();
});

test("a plank is logged in seconds and a farmer's carry in metres, and the session shows both", async ({ page }) => {
  await newAthleteWithProgram(page, "Timed Tia");
  const sessionId = await startEmptyWorkout(page);

  await addExercise(page, "plank", "Plank");
  const plank = page.getByTestId("logger-exercise").filter({ hasText: "Plank" });
  await expect(plank.getByLabel("Plank, set 1: reps")).toHaveCount(0);
  await page.getByRole("button", { name: "Log Plank, set 1" }).click();
  await expect(plank.getByRole("alert")).toContainText("Enter the time, like 90 or 1:30.");
  // Typed as people say it: a minute and a half.
  await page.getByLabel("Plank, set 1: time").fill("1:30");
  await page.getByRole("button", { name: "Log Plank, set 1" }).click();
  await expect(page.getByRole("button", { name: "Undo Plank, set 1" })).toBeVisible();

  await addExercise(page, "farmer", "Farmer's Carry");
  await page.getByLabel("Farmer's Carry, set 1: weight (kg)").fill("24");
  await page.getByLabel("Farmer's Carry, set 1: distance (m)").fill("40");
  await page.getByRole("button", { name: "Log Farmer's Carry, set 1" }).click();
  await expect(page.getByRole("button", { name: "Undo Farmer's Carry, set 1" })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  await page.goto(`/history/${sessionId}`);
  const tables = page.getByRole("table");
  // The plank's table has a time and no reps; the carry's a weight and a distance.
  await expect(tables.nth(0).getByRole("columnheader")).toHaveText(["Set", "Time", "RPE"]);
  await expect(tables.nth(0).getByRole("cell", { name: "1:30" })).toBeVisible();
  await expect(tables.nth(1).getByRole("columnheader")).toHaveText(["Set", "Weight", "Distance", "RPE"]);
  await expect(tables.nth(1).getByRole("cell", { name: "40 m" })).toBeVisible();
  await expect(tables.nth(1).getByRole("cell", { name: "24 kg" })).toBeVisible();
});

test("warm-ups are marked, ramped toward the working weight, and never a record", async ({ page }) => {
  await newAthleteWithProgram(page, "Warm Wes");
  const sessionId = await startEmptyWorkout(page);
  await addExercise(page, "Dumbbell Shoulder Press", "Dumbbell Shoulder Press");
  const name = "Dumbbell Shoulder Press";

  // The first working set, the baseline.
  await page.getByLabel(`${name}, set 1: weight (kg)`).fill("20");
  await page.getByLabel(`${name}, set 1: reps`).fill("8");
  await page.getByRole("button", { name: `Log ${name}, set 1` }).click();
  await expect(page.getByText("First time logged: this is your baseline.")).toBeVisible();

  // A heavier set marked as a warm-up sets no record.
  await page.getByLabel(`${name}, set 2: weight (kg)`).fill("30");
  await page.getByLabel(`${name}, set 2: reps`).fill("8");
  await page.getByRole("button", { name: `${name}, set 2: normal. Change to a warm-up` }).click();
  await expect(page.getByText("Warm-up: not counted in records or volume.")).toBeVisible();
  await page.getByRole("button", { name: `Log ${name}, set 2` }).click();
  await expect(page.getByRole("button", { name: `Undo ${name}, set 2` })).toBeVisible();
  await expect(page.getByTestId("pr-badges")).toHaveCount(0);

  // A working set heavier than the first is a record.
  await page.getByLabel(`${name}, set 3: weight (kg)`).fill("22.5");
  await page.getByLabel(`${name}, set 3: reps`).fill("8");
  await page.getByRole("button", { name: `Log ${name}, set 3` }).click();
  await expect(page.getByTestId("pr-badges")).toHaveCount(1);
  await expect(page.getByTestId("pr-badges")).toContainText("PR · Heaviest weight");

  // Ramped warm-ups toward a typed working weight: two below 60 kg.
  await page.getByRole("button", { name: "+ Add set" }).click();
  const rows = page.getByTestId("logger-exercise").getByTestId("set-row");
  await page.getByLabel(`${name}, set 4: weight (kg)`).fill("40");
  await page.getByRole("button", { name: "+ Warm-ups" }).click();
  await expect(rows.and(page.locator('[data-set-type="warmup"][data-logged="false"]'))).toHaveCount(2);
  await expect(page.getByLabel(`${name}, set 4: weight (kg)`)).toHaveValue("20");
  await expect(page.getByLabel(`${name}, set 5: weight (kg)`)).toHaveValue("30");
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  await page.goto(`/history/${sessionId}`);
  await expect(page.getByTestId("session-records")).toContainText("22.5 kg × 8");
  await expect(page.getByTestId("session-records")).not.toContainText("30 kg");
  await expect(page.locator('tr[data-set-type="warmup"]')).toHaveCount(1);
});

test("a superset runs in the logger: straight on to its next exercise, rest after its last", async ({ page }) => {
  await newAthleteWithProgram(page, "Super Sam");
  await page.goto("/splits");
  await page.getByLabel("Name").fill("Arms");
  await page.getByRole("button", { name: "Create split" }).click();
  await expect(page.getByRole("heading", { name: "Arms", level: 1 })).toBeVisible();
  await page.getByLabel("Day name").fill("Arm day");
  await page.getByRole("button", { name: "Add day" }).click();
  await expect(page.getByRole("heading", { name: /Arm day/ })).toBeVisible();
  const addForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Add", exact: true }) });
  for (const exercise of ["Dumbbell Curl", "Overhead Dumbbell Triceps Extension"]) {
    await addForm.getByLabel("Exercise").selectOption({ label: exercise });
    await addForm.getByLabel("Sets").fill("2");
    await addForm.getByLabel("Superset group").fill("1");
    await addForm.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("link", { name: exercise })).toBeVisible();
  }
  await expect(page.getByText("Superset A", { exact: true })).toHaveCount(2);

  await page.getByRole("button", { name: "Start Arm day" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await expect(page.getByTestId("superset-label")).toHaveText(["Superset A · 1 of 2", "Superset A · 2 of 2"]);
  await expect(page.getByLabel("Rest timer after each set (after each superset round)")).toBeChecked();

  const curl = "Dumbbell Curl";
  const extension = "Overhead Dumbbell Triceps Extension";
  await page.getByLabel(`${curl}, set 1: weight (kg)`).fill("12");
  await page.getByLabel(`${curl}, set 1: reps`).fill("10");
  await page.getByRole("button", { name: `Log ${curl}, set 1` }).click();
  // No rest between the exercises of a superset: the next one's first open row has the focus.
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByLabel(`${extension}, set 1: weight (kg)`)).toBeFocused();

  await page.getByLabel(`${extension}, set 1: weight (kg)`).fill("14");
  await page.getByLabel(`${extension}, set 1: reps`).fill("10");
  await page.getByRole("button", { name: `Log ${extension}, set 1` }).click();
  // After the group's last exercise: the rest, then back to the first for the next round.
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(page.getByLabel(`${curl}, set 2: weight (kg)`)).toBeFocused();

  // The session's own grouping can change in the logger, and the change is saved.
  await page.getByRole("button", { name: "Skip" }).click();
  await page.getByRole("button", { name: "Unlink next" }).click();
  await expect(page.getByTestId("superset-label")).toHaveCount(0);
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByRole("button", { name: "Superset with next" })).toBeVisible();
  await expect(page.getByTestId("superset-label")).toHaveCount(0);
});
