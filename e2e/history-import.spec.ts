/**
 * Bringing a history from Strong and Hevy through the browser: upload, preview, import, undo,
 * re-import, duplicates, progress and export; and the upload route's own limits (a file larger than
 * the proxy's 2 MB buffer arrives whole, one past 50 MB is refused with a readable 413).
 */
import http from "node:http";
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

/**
 * One request on `agent`'s connection: its status, its body, and the connection's local port (the same
 * port is the same connection; Node's `reusedSocket` is not set on a request that waited for the socket).
 */
function send(agent: http.Agent, url: URL, init: { method: string; cookie: string; body?: Buffer }) {
  return new Promise<{ status: number; text: string; port: number | undefined; connection: string | undefined }>(
    (resolve, reject) => {
      const request = http.request(
        url,
        { agent, method: init.method, headers: { cookie: init.cookie, "content-type": "text/csv" } },
        (response) => {
          const port = response.socket.localPort;
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              text,
              port,
              connection: response.headers.connection,
            }),
          );
        },
      );
      request.on("error", reject);
      request.end(init.body);
    },
  );
}

test("a file refused by its first line is answered in words, and the same connection serves the next request", async ({
  page,
  baseURL,
}) => {
  await newAthleteWithProgram(page, "Wrong file");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // One connection, kept open between requests, as a browser does.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // 4 MB of a contacts list: refused from its first line while most of it is still on its way.
    const contacts = Buffer.from("name,email\n" + "ann,ann@example.com\n".repeat(200_000));
    const refused = await send(agent, new URL("/api/history/import?name=contacts.csv", baseURL), {
      method: "POST",
      cookie,
      body: contacts,
    });
    expect(refused.status).toBe(422);
    expect(refused.connection, "the server keeps the connection open").not.toBe("close");
    expect(JSON.parse(refused.text).error).toContain("This file is not an export Ironlog can read.");
    const next = await send(agent, new URL("/api/health", baseURL), { method: "GET", cookie });
    expect(next.status).toBe(200);
    expect(next.port, "the same connection").toBe(refused.port);
  } finally {
    agent.destroy();
  }
});

/** Upload a file made here, as the athlete picks it, and wait for its preview. */
async function previewOf(page: Page, name: string, lines: string[]) {
  await page.goto("/history/import");
  await page
    .getByLabel("Export file (CSV)")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n") });
  await page.getByLabel("Time zone of the times in the file").selectOption("UTC");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page).toHaveURL(/\/history\/import\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test("on a phone, the preview preselects the unit the weights look like, lists what is worth a look, and asks the dates' language", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await newAthleteWithProgram(page, "Phone importer");
  await page.setViewportSize({ width: 390, height: 844 });

  const strongRow = (
    date: string,
    workout: string,
    duration: string,
    exercise: string,
    order: number,
    weight: number,
    reps: number,
  ) => `${date},${workout},${duration},${exercise},${order},${weight},${reps},0,0,,,`;
  const heavy = [135, 135, 225, 225, 225, 315, 315, 315, 315, 315, 135, 185].map((w, i) =>
    strongRow("2024-03-05 18:02:11", "Heavy day", "30h 5m", "Squat (Barbell)", i + 1, w, 5),
  );
  const bench = [135, 135, 185, 185, 225, 225, 225, 225, 185, 135].map((w, i) =>
    strongRow("2024-03-07 18:00:00", "Bench day", "1h", "Bench Press (Barbell)", i + 1, w, 5),
  );
  await previewOf(page, "plates.csv", [
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
    ...heavy,
    ...bench,
    strongRow("2024-03-07 18:00:00", "Bench day", "1h", "Cable Row", 1, 40, 3310),
  ]);
  // The file names no unit: its weights look like pounds, chosen for the athlete and said why.
  await expect(page.getByText("Which unit are the weights in?")).toBeVisible();
  await expect(page.getByLabel("Pounds (lb)")).toBeChecked();
  await expect(page.getByText("Many weights look like pound plates on a 45 lb bar: 135, 225 and 315.")).toBeVisible();
  // Values past what Ironlog stores, each with its line and what the import does with it.
  const worth = page.getByRole("list", { name: "Worth a look" });
  await expect(worth.getByRole("listitem")).toHaveText([
    "Line 2: “Heavy day” lasts 30 h 5 min (a timer left running?): a session lasts at most 24 hours. Imported with all its sets; its duration is left empty.",
    "Line 24: 3310 reps: a set holds at most 1,000. The set is imported without its reps.",
  ]);
  await expect(page.getByText("2 values past what Ironlog stores, worth a look")).toBeVisible();
  expect(await overflowsSideways(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Import 2 workouts" }).click();
  await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 workouts (23 sets) from plates.csv" })).toBeVisible();

  // A Hevy file whose month names are Polish or Czech November, or Croatian October.
  const hevyRow = (title: string, day: number, exercise: string, index: number, kg: number) =>
    `${title},"${day} lis 2025, 18:00","${day} lis 2025, 19:00",,${exercise},,,${index},normal,${kg},5,,,`;
  await previewOf(page, "hevy-pl.csv", [
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe",
    hevyRow("Nogi", 3, "Squat (Barbell)", 0, 100),
    hevyRow("Plecy", 28, "Deadlift (Barbell)", 0, 140),
  ]);
  const dates = page.getByRole("group", { name: "Which language are the dates in?" });
  await expect(page.getByText("Line 2 says “3 lis 2025, 18:00”: its month reads differently in these languages.")).toBeVisible();
  await expect(dates.getByLabel("Polish: 3 November 2025")).toBeChecked();
  await expect(page.locator("dl")).toContainText("3 Nov");
  expect(await overflowsSideways(page)).toEqual([]);
  await dates.getByLabel("Croatian: 3 October 2025").check();
  await page.getByRole("button", { name: "Read the dates this way" }).click();
  await expect(page.getByText("The dates below are read in Croatian.")).toBeVisible();
  await expect(page.locator("dl")).toContainText("3 Oct");
  await expect(page.locator("dl")).toContainText("28 Oct");
  await expect(
    page.getByRole("group", { name: "Which language are the dates in?" }).getByLabel("Croatian: 3 October 2025"),
  ).toBeChecked();
  await page.getByRole("button", { name: "Import 2 workouts" }).click();
  await expect(page).toHaveURL(/\/history\?imported=\d+/, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 workouts (2 sets) from hevy-pl.csv" })).toBeVisible();
});
