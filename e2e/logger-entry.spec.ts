/**
 * Entry as people say it, on a phone between sets: a run typed in km or miles with its pace, a timed
 * set's start/stop timer that survives a reload, planned rows filled from the set before, one save
 * per ticked set, and the small things around the logger (the dashboard, the sync pill).
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addExercise, newAthleteWithProgram, startEmptyWorkout } from "./athlete-helpers";
import { overflowsSideways, seriousViolations } from "./a11y";

test.use({ viewport: { width: 390, height: 844 } });

/** A private exercise logged by distance and time: the library has none. */
async function createRun(page: Page, name: string): Promise<void> {
  await page.goto("/exercises/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type").selectOption("bodyweight");
  await page.getByLabel("Sets are logged by").selectOption("distance_time");
  await page.getByLabel("Difficulty").selectOption("1");
  await page.getByLabel("Muscle 1").selectOption({ index: 1 });
  await page.getByLabel("Activation").first().fill("60");
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** Counts the session saves (PUT /api/sessions/:uid, or by its key) the page sends that carry a set. */
function countSaves(page: Page): { count: () => number } {
  let saves = 0;
  page.on("request", (request) => {
    if (request.method() !== "PUT" || !/\/api\/sessions\/(\d+|[0-9a-f-]{36})$/.test(new URL(request.url()).pathname)) return;
    const body = request.postDataJSON() as { sets?: unknown[] } | null;
    if (body?.sets?.length) saves++;
  });
  return { count: () => saves };
}

test("a run is typed in km or miles, shows its pace, and each ticked set is saved once", async ({ page }) => {
  await newAthleteWithProgram(page, "Runner Rae");
  const run = `Easy Run ${Date.now()}`;
  await createRun(page, run);
  const sessionId = await startEmptyWorkout(page);
  await addExercise(page, "Easy Run", run);
  // The exercise's own save goes first, on its own.
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });

  const saves = countSaves(page);
  const set1 = `${run}, set 1`;
  await expect(page.getByLabel(`${set1}: distance (km)`)).toBeVisible();
  await page.getByLabel(`${set1}: distance (km)`).fill("5");
  await page.getByLabel(`${set1}: time`).fill("25:00");
  await expect(page.getByTestId("set-pace").first()).toHaveText("Pace 5:00 /km");
  await page.getByRole("button", { name: `Log ${set1}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${set1}` })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });
  // Nothing else goes out for it: a second, identical save would follow the first at once.
  await page.waitForTimeout(1500);
  expect(saves.count(), "one save for one ticked set").toBe(1);

  // The next row is filled from the set before it; a distance in miles is read in miles.
  const set2 = `${run}, set 2`;
  await expect(page.getByLabel(`${set2}: distance (km)`)).toHaveAttribute("placeholder", "5");
  await expect(page.getByLabel(`${set2}: time`)).toHaveAttribute("placeholder", "25:00");
  await page.getByLabel(`${set2}: distance (km)`).fill("3.1 mi");
  await page.getByLabel(`${set2}: time`).fill("1:02:03");
  await page.getByRole("button", { name: `Log ${set2}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${set2}` })).toBeVisible();
  await expect(page.getByLabel(`${set2}: distance (km)`)).toHaveValue("3.1 mi");
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });
  await page.waitForTimeout(1500);
  expect(saves.count(), "one more save for the second set").toBe(2);
  expect(await overflowsSideways(page)).toEqual([]);

  await page.goto(`/history/${sessionId}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Set", "Distance", "Time", "Pace", "RPE"]);
  await expect(table.getByRole("row").nth(1)).toContainText("5 km");
  await expect(table.getByRole("row").nth(1)).toContainText("5:00 /km");
  await expect(table.getByRole("row").nth(2)).toContainText("3.1 mi");
  await expect(table.getByRole("row").nth(2)).toContainText("12:26 /km");
  expect(await overflowsSideways(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});

test("a timed set's timer keeps running through a reload and fills the time when stopped", async ({ page }) => {
  await newAthleteWithProgram(page, "Plank Pip");
  await startEmptyWorkout(page);
  await addExercise(page, "plank", "Plank");
  await page.getByRole("button", { name: "Start a timer for Plank, set 1" }).click();
  const stop = page.getByRole("button", { name: "Stop the timer of Plank, set 1 and fill its time" });
  await expect(stop).toBeVisible();
  await page.waitForTimeout(2200);
  // The screen locks, the page reloads: the timer counts from when it started.
  await page.reload();
  await expect(stop).toBeVisible();
  await expect(stop).toContainText(/0:0[2-9]/);
  await page.waitForTimeout(1000);
  await stop.click();
  const time = page.getByLabel("Plank, set 1: time");
  await expect(time).toHaveValue(/^\d+$/);
  const seconds = Number(await time.inputValue());
  expect(seconds).toBeGreaterThanOrEqual(3);
  expect(seconds).toBeLessThan(30);
  await page.getByRole("button", { name: "Log Plank, set 1" }).click();
  await expect(page.getByRole("button", { name: "Undo Plank, set 1" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a planned row is filled from the set before it, still editable, and the dashboard offers only the workout in progress", async ({
  page,
}) => {
  await newAthleteWithProgram(page, "Fill Flo");
  await startEmptyWorkout(page);
  const name = "Dumbbell Shoulder Press";
  await addExercise(page, name, name);
  await page.getByLabel(`${name}, set 1: weight (kg)`).fill("20");
  await page.getByLabel(`${name}, set 1: reps`).fill("8");
  await page.getByRole("button", { name: `Log ${name}, set 1` }).click();
  await expect(page.getByLabel(`${name}, set 2: weight (kg)`)).toHaveAttribute("placeholder", "20");
  await expect(page.getByLabel(`${name}, set 2: reps`)).toHaveAttribute("placeholder", "8");
  // Ticked as filled, it logs the set before's values; a typed field wins over its fill.
  await page.getByRole("button", { name: `Log ${name}, set 2` }).click();
  await expect(page.getByLabel(`${name}, set 2: weight (kg)`)).toHaveValue("20");
  await page.getByLabel(`${name}, set 3: reps`).fill("6");
  await page.getByRole("button", { name: `Log ${name}, set 3` }).click();
  await expect(page.getByLabel(`${name}, set 3: weight (kg)`)).toHaveValue("20");
  await expect(page.getByLabel(`${name}, set 3: reps`)).toHaveValue("6");

  // A session name the rules refuse is not saved, and the status says so beside its error.
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });
  await page.getByLabel("Session name").fill("");
  await expect(page.getByText("Give the session a name.")).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("Not saved: fix the field marked in red");

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "Resume workout" })).toBeVisible();
  await expect(page.getByText(/^Next up/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start workout" })).toHaveCount(0);
});

test("notes that came with an imported workout show on its session page, by the exercise and by the set", async ({ page }) => {
  await newAthleteWithProgram(page, "Noted Nia");
  const upload = async (name: string, csv: string) => {
    await page.goto("/history/import");
    await page.getByLabel("Export file (CSV)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Time zone of the times in the file").selectOption("UTC");
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page).toHaveURL(/\/history\/import\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const kilograms = page.getByLabel("Kilograms (kg)");
    if (await kilograms.count()) await kilograms.check();
    await page.getByRole("button", { name: "Import 1 workout" }).click();
    await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  };
  // Strong writes its notes to the exercise; Ironlog's own export carries each set's.
  await upload(
    "strong-notes.csv",
    [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
      "2024-03-05 18:02:11,Strong legs,45m,Squat (Barbell),1,100,5,,,Belt on from the first set,,8",
      "2024-03-05 18:02:11,Strong legs,45m,Squat (Barbell),2,100,5,,,,,",
    ].join("\n"),
  );
  await upload(
    "ironlog-notes.csv",
    [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE,Weight Unit,Distance Unit,Set Type,Superset,Time Zone,Exercise Notes,Missed",
      "2024-03-07 18:02:11,Ironlog legs,45m,Barbell Back Squat,1,100,5,,,,,,kg,,normal,,UTC,,no",
      "2024-03-07 18:02:11,Ironlog legs,45m,Barbell Back Squat,2,105,3,,,Left knee caved on rep 3,,,kg,,normal,,UTC,,no",
    ].join("\n"),
  );

  await page.goto("/history");
  await page.getByRole("link", { name: /Strong legs/ }).click();
  await expect(page.getByTestId("exercise-note")).toHaveText("Belt on from the first set");
  await page.goto("/history");
  await page.getByRole("link", { name: /Ironlog legs/ }).click();
  await expect(page.getByTestId("set-note")).toHaveText("Set 2 note: Left knee caved on rep 3");
  expect(await overflowsSideways(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});
