import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";

export const ATHLETE_PASSWORD = "squat-bench-deadlift";

/** A new athlete with a program for basic equipment (dumbbells, pull-up bar); returns their email. */
export async function newAthleteWithProgram(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("athlete");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(ATHLETE_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Sport or main activity").fill("Rowing");
  await page.getByLabel("Age").fill("30");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Beginner/ }).check();
  await page.getByRole("radio", { name: "Build muscle" }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /^3 days/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: /Basic equipment at home/ }).check();
  await page.getByRole("checkbox", { name: "Dumbbells" }).check();
  await page.getByRole("checkbox", { name: "Pull-up bar" }).check();
  await page.getByRole("button", { name: "Build my program" }).click();
  await expect(page).toHaveURL(/\/program\?welcome=1/);
  return email;
}

/** From /log, an empty workout with the rest timer off (it would cover the rows); returns its id. */
export async function startEmptyWorkout(page: Page): Promise<string> {
  await page.goto("/log");
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page).toHaveURL(/\/log\/\d+$/);
  await page.getByLabel("Rest timer after each set").uncheck();
  return /\/log\/(\d+)$/.exec(page.url())![1];
}

/** Add an exercise to the workout open in the logger, found by `search`. */
export async function addExercise(page: Page, search: string, name: string): Promise<void> {
  await page.getByRole("button", { name: "+ Add exercise" }).click();
  await page.getByLabel("Search exercises").fill(search);
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}
