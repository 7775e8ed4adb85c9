/**
 * An athlete makes a personal access token on the profile on a phone, sees it once, and uses it from a
 * script (a request context with no browser cookies) against /api/v1/workouts; the reference page is
 * one link away.
 */
import { expect, test } from "./fixtures";
import { newAthleteWithProgram } from "./athlete-helpers";
import { overflowsSideways, seriousViolations } from "./a11y";

test.use({ viewport: { width: 390, height: 844 } });

test("a token made on the profile is shown once and then logs, lists and edits workouts", async ({
  page,
  playwright,
  baseURL,
}) => {
  await newAthleteWithProgram(page, "Api Ada");
  await page.goto("/profile#api-tokens");
  const form = page.getByRole("form", { name: "New API token" });

  // A missing name is refused beside its field.
  await form.getByRole("button", { name: "Create token" }).click();
  const name = form.getByLabel("Token name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Give the token a name, such as the script that will use it.")).toBeVisible();

  await name.fill("Spreadsheet sync");
  await form.getByLabel("Access").selectOption("read_write");
  await form.getByLabel("Expires").selectOption("30");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("Your new token");
  await expect(shown).toBeVisible();
  const token = await shown.inputValue();
  expect(token).toMatch(/^ilt_[A-Za-z0-9_-]{40,}$/);
  const list = page.getByRole("list", { name: "API tokens" });
  await expect(list.getByText("Spreadsheet sync")).toBeVisible();
  await expect(list.getByText("never used")).toBeVisible();
  expect(await seriousViolations(page, "#api-tokens")).toEqual([]);
  expect(await overflowsSideways(page)).toEqual([]);

  // Shown once: after a reload it is listed, never shown again.
  await page.reload();
  await expect(page.getByLabel("Your new token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  // A script with nothing but the token.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    const exercises = await script.get("/api/v1/exercises?q=Push-Up");
    expect(exercises.status()).toBe(200);
    const exerciseId = (await exercises.json()).data[0].id as number;
    const body = {
      name: "Morning push-ups",
      startedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      durationMinutes: 20,
      exercises: [{ exerciseId, sets: [{ weightKg: 0, reps: 20, rpe: null, missed: false }] }],
    };
    const headers = { "idempotency-key": `e2e-${Date.now()}` };
    const created = await script.post("/api/v1/workouts", { data: body, headers });
    expect(created.status()).toBe(201);
    const workout = (await created.json()).data;
    // A retry with the same key logs nothing twice.
    expect((await (await script.post("/api/v1/workouts", { data: body, headers })).json()).data.id).toBe(workout.id);

    const listed = await (await script.get("/api/v1/workouts")).json();
    expect(listed.data.map((w: { name: string }) => w.name)).toEqual(["Morning push-ups"]);

    const patched = await script.patch(`/api/v1/workouts/${workout.id}`, {
      data: { notes: "From the API", sets: [{ id: workout.exercises[0].sets[0].id, reps: 25 }] },
    });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).data.exercises[0].sets[0].reps).toBe(25);
  } finally {
    await script.dispose();
  }

  // The athlete sees it in the app, and the token as used.
  await page.goto("/history");
  await expect(page.getByText("Morning push-ups")).toBeVisible();
  await page.goto("/profile#api-tokens");
  await expect(page.getByRole("list", { name: "API tokens" }).getByText(/last used/)).toBeVisible();
  await page.getByRole("link", { name: "Read the API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Log a finished workout" })).toBeVisible();
  expect(await overflowsSideways(page)).toEqual([]);
});
