import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, uniqueEmail } from "./helpers";

const ALLOWED_BADGES = new Set(["No equipment", "Dumbbells", "Pull-up bar"]);

async function signUp(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("athlete");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("squat-bench-deadlift");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  return email;
}

async function completeAssessmentWithBasicEquipment(page: Page) {
  await page.getByLabel("Sport or main activity").fill("Rowing");
  await page.getByLabel("Age").fill("30");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Beginner/ }).check();
  await page.getByRole("radio", { name: "Build muscle" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /^3 days/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Basic equipment at home/ }).check();
  // Basic equipment with no items is refused, with the reason by the checklist.
  await page.getByRole("button", { name: "Build my program" }).click();
  await expect(page.getByText("Tick at least one item you own")).toBeVisible();
  await page.getByRole("checkbox", { name: "Dumbbells" }).check();
  await page.getByRole("checkbox", { name: "Pull-up bar" }).check();
  await page.getByRole("button", { name: "Build my program" }).click();
  await expect(page).toHaveURL(/\/program\?welcome=1/);
}

async function logSet(page: Page, exercise: string, set: number, weight: string, reps: string) {
  await page.getByLabel(`${exercise}, set ${set}: weight (kg)`).fill(weight);
  await page.getByLabel(`${exercise}, set ${set}: reps`).fill(reps);
  await page.getByRole("button", { name: `Log ${exercise}, set ${set}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set ${set}` })).toBeVisible();
}

test("a new athlete gets a program for their equipment, logs a session from it, and sees it with a record", async ({ page }) => {
  await signUp(page, "Nova Rower");
  await completeAssessmentWithBasicEquipment(page);

  // The program only uses what the athlete owns.
  await expect(page.getByRole("heading", { name: "Your program" })).toBeVisible();
  const days = page.getByRole("heading", { name: /Full body [ABC]/ });
  await expect(days).toHaveCount(3);
  const badges = await page.locator("main li span.rounded").allInnerTexts();
  expect(badges.length).toBeGreaterThan(0);
  for (const badge of badges) expect(ALLOWED_BADGES).toContain(badge.trim());
  await expect(page.getByText("Why this exercise:").first()).toBeVisible();

  // Start day one and log three sets of its first exercise.
  await page.getByRole("button", { name: "Start Full body A" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  const exercise = (await page.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();
  // The time since the start ticks in the header.
  const clock = page.getByLabel("Time since you started");
  await expect(clock).toHaveText(/^0:\d\d$/);
  await expect(clock).not.toHaveText(await clock.innerText());

  await logSet(page, exercise, 1, "20", "10");
  // The rest timer starts when a set is ticked.
  await expect(page.getByRole("timer")).toBeVisible();
  await page.getByRole("button", { name: "Skip" }).click();
  await page.getByLabel("Rest timer after each set").uncheck();
  await expect(page.getByText("First time logged: this is your baseline.")).toBeVisible();

  await logSet(page, exercise, 2, "22.5", "10");
  await logSet(page, exercise, 3, "25", "10");
  // Heavier than the earlier sets of the day: records, highlighted as they happen.
  await expect(page.getByTestId("pr-badges").first()).toContainText("PR · Heaviest weight");
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");

  await page.getByRole("button", { name: "Finish workout…" }).click();
  await expect(page.getByLabel("Duration (minutes)")).not.toHaveValue("");
  await page.getByLabel("Notes").fill("Felt good.");
  await page.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\d+\?saved=1/);
  await expect(page.getByText(/Workout saved, with \d+ personal records?!/)).toBeVisible();
  await expect(page.getByTestId("session-records")).toContainText(exercise);

  await page.goto("/history");
  await expect(page.getByRole("link", { name: /Full body A/ }).first()).toBeVisible();
  await expect(page.getByText("3 sets")).toBeVisible();

  await page.goto("/progress");
  await expect(page.getByTestId("progress-records")).toContainText(exercise);
  // The 1RM chart has the session's point, named by its formula and set, and the note says how it is estimated.
  await expect(page.locator('figure[data-chart="line"] title', { hasText: /e1RM .*\(Brzycki; / })).not.toHaveCount(0);
  await expect(page.getByText(/^Estimated 1RM: Brzycki/)).toBeVisible();
});

test("the logger keeps typed values through a reload and saves sets logged offline once back online", async ({
  page,
  context,
}) => {
  await signUp(page, "Offline Olga");
  await completeAssessmentWithBasicEquipment(page);
  await page.getByRole("button", { name: "Start Full body B" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByLabel("Rest timer after each set").uncheck();
  const exercise = (await page.getByTestId("logger-exercise").first().getByRole("heading").innerText()).trim();

  // Typed but not ticked: still there after a reload.
  await page.getByLabel(`${exercise}, set 1: weight (kg)`).fill("17.5");
  await page.reload();
  await expect(page.getByLabel(`${exercise}, set 1: weight (kg)`)).toHaveValue("17.5");

  await context.setOffline(true);
  await page.getByLabel(`${exercise}, set 1: reps`).fill("12");
  await page.getByRole("button", { name: `Log ${exercise}, set 1` }).click();
  await expect(page.getByTestId("sync-status")).toContainText("Offline");
  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  // The server has the set: a fresh page (draft cleared) shows it logged.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set 1` })).toBeVisible();

  // Exercises can be added mid-session from the athlete's library.
  await page.getByRole("button", { name: "+ Add exercise" }).click();
  await page.getByLabel("Search exercises").fill("plank");
  await page.getByRole("button", { name: /^Side Plank/ }).click();
  await expect(page.getByRole("heading", { name: "Side Plank" })).toBeVisible();
  // A hold is logged in seconds.
  await page.getByLabel("Side Plank, set 1: time").fill("30");
  await page.getByRole("button", { name: "Log Side Plank, set 1" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");
});

test("a flagged athlete sees the re-assessment prompt, re-assesses, and the prompt is gone", async ({ page }) => {
  await signIn(page, "reassess@ironlog.dev");
  const prompt = page.getByRole("region", { name: "Re-assessment needed" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText("please re-complete your equipment details", { ignoreCase: true });
  await page.goto("/exercises");
  await expect(prompt).toBeVisible();

  // Plain words for the athlete: the migration's reason is for admins.
  await expect(prompt).not.toContainText("user needs to re-assess");
  await prompt.getByRole("link", { name: "Update my equipment" }).click();
  await expect(page).toHaveURL(/\/reassess/);
  // The page is the answer to the prompt, so the prompt does not repeat itself there.
  await expect(page.getByRole("heading", { name: "Update your equipment" })).toBeVisible();
  await expect(prompt).toHaveCount(0);
  // Pre-filled from what we know: basic equipment, no items yet.
  await expect(page.getByRole("radio", { name: /Basic equipment at home/ })).toBeChecked();
  await page.getByRole("button", { name: "Save my equipment" }).click();
  await expect(page.getByText("Tick at least one item you own")).toBeVisible();
  await expect(page.getByRole("radio", { name: /Basic equipment at home/ })).toBeChecked();
  await page.getByRole("checkbox", { name: "Kettlebells" }).check();
  await page.getByRole("checkbox", { name: "Resistance bands" }).check();
  await page.getByRole("button", { name: "Save my equipment" }).click();

  await expect(page).toHaveURL(/\/program\?reassessed=1/);
  await expect(page.getByText("your program was rebuilt")).toBeVisible();
  await expect(prompt).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /Hi Riley/ })).toBeVisible();
  await expect(prompt).toHaveCount(0);
});

test("an athlete who is not flagged never sees the prompt", async ({ page }) => {
  await signIn(page, "athlete@ironlog.dev");
  for (const path of ["/dashboard", "/log", "/progress"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Re-assessment needed" })).toHaveCount(0);
  }
});

test("an athlete adds a private exercise and builds a split with it", async ({ page }) => {
  await signIn(page, "athlete@ironlog.dev");
  await page.goto("/exercises/new");
  await page.getByLabel("Name").fill("Barbell Back Squat");
  await page.getByLabel("Type").selectOption("barbell");
  await page.getByLabel("Difficulty").selectOption("2");
  await page.getByRole("checkbox", { name: "Barbell and plates" }).check();
  await page.getByRole("button", { name: "Add exercise" }).click();
  // Volume is counted by muscle, so at least one is required, by the field.
  await expect(page.getByText("Choose at least one muscle it trains.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Barbell and plates" })).toBeChecked();
  await page.getByLabel("Muscle 1").selectOption({ label: "Anterior deltoid (shoulders)" });
  await page.getByLabel("Activation").first().fill("85");
  await page.getByRole("button", { name: "Add exercise" }).click();
  // A name already in the library is refused by the field.
  await expect(page.getByText("An exercise with this name already exists. Choose another name.")).toBeVisible();
  const name = `Landmine Press ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Anterior deltoid activation" })).toBeVisible();

  await page.goto(`/exercises?q=${encodeURIComponent("Landmine")}`);
  await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();

  await page.goto("/splits");
  await page.getByLabel("Name").fill("Shoulders");
  await page.getByRole("button", { name: "Create split" }).click();
  await expect(page.getByRole("heading", { name: "Shoulders", level: 1 })).toBeVisible();
  await page.getByLabel("Day name").fill("Press day");
  await page.getByRole("button", { name: "Add day" }).click();
  await expect(page.getByRole("heading", { name: /Press day/ })).toBeVisible();
  await page.getByLabel("Exercise").selectOption({ label: `${name} (yours)` });
  await page.getByLabel("Sets").fill("4");
  await page.getByLabel("Reps from").fill("6");
  await page.getByLabel("to").fill("4");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("The top of the range must be at least the bottom.")).toBeVisible();
  await page.getByLabel("to").fill("8");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByText("4 × 6–8")).toBeVisible();
});
