import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { expect, test } from "./fixtures";
import { ATHLETE_PASSWORD, newAthleteWithProgram } from "./athlete-helpers";
import { signIn } from "./helpers";
import { type Instances, POOLER_URL, type ScratchDatabase, seededDatabase, startInstances } from "@/test/instances";

// An athlete's whole walk-through on two app instances that reach PostgreSQL through a PgBouncer in
// transaction mode (TEST_PGBOUNCER_URL, DATABASE_POOLER=transaction): sign up and get a program on one,
// log a workout from a laptop on one instance and a phone on the other, finish it, and find every set
// in the database. Skipped where no pooler is given, except in CI, which starts one (.ci/run).
test.describe.configure({ mode: "serial" });

// After the two multi-instance ports (e2e/multi-instance.spec.ts), so both specs can share a run.
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100) + 103;
const PORTS = [FIRST_PORT, FIRST_PORT + 1] as const;

let database: ScratchDatabase | undefined;
let instances: Instances | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!POOLER_URL) {
    test.skip(process.env.CI !== "true", "TEST_PGBOUNCER_URL is not set: no pooler to go through");
    throw new Error("CI starts PgBouncer and sets TEST_PGBOUNCER_URL (.ci/run); it is not set");
  }
  database = await seededDatabase("ironlog_pooled", { pooler: POOLER_URL });
  instances = await startInstances(database, PORTS);
});

test.afterAll(async () => {
  await instances?.stop();
  await database?.drop();
});

async function logSet(page: Page, exercise: string, set: number, weight: string, reps: string) {
  await page.getByLabel(`${exercise}, set ${set}: weight (kg)`).fill(weight);
  await page.getByLabel(`${exercise}, set ${set}: reps`).fill(reps);
  await page.getByRole("button", { name: `Log ${exercise}, set ${set}` }).click();
  await expect(page.getByRole("button", { name: `Undo ${exercise}, set ${set}` })).toBeVisible();
}

test("an athlete signs up, logs one workout on two devices through two instances, and every set is kept", async ({ browser }) => {
  const [A, B] = instances!.urls;
  const laptopContext = await browser.newContext({ baseURL: A });
  const laptop = await laptopContext.newPage();
  const email = await newAthleteWithProgram(laptop, "Pooled Athlete");
  await expect(laptop.getByRole("heading", { name: /Full body [ABC]/ })).toHaveCount(3);

  await laptop.getByRole("button", { name: "Start Full body A" }).click();
  await expect(laptop).toHaveURL(/\/log\/\d+$/);
  const sessionPath = new URL(laptop.url()).pathname;
  await laptop.getByLabel("Rest timer after each set").uncheck();
  await expect(laptop.getByTestId("logger-exercise").first()).toBeVisible();
  const [first, second] = (await laptop.getByTestId("logger-exercise").getByRole("heading").allInnerTexts()).map((t) => t.trim());
  await logSet(laptop, first, 1, "10", "12");
  await logSet(laptop, first, 2, "12.5", "10");
  await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved");

  // The phone signs in on the other instance and opens the same workout, with the laptop's sets.
  const phoneContext = await browser.newContext({ baseURL: B, viewport: { width: 360, height: 780 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, email, ATHLETE_PASSWORD);
  await phone.goto(sessionPath);
  await phone.getByLabel("Rest timer after each set").uncheck();
  await expect(phone.getByRole("button", { name: `Undo ${first}, set 2` })).toBeVisible();
  await logSet(phone, second, 1, "8", "15");
  await logSet(phone, second, 2, "8", "14");
  await expect(phone.getByTestId("sync-status")).toHaveText("All changes saved");
  await logSet(laptop, first, 3, "12.5", "9");
  await expect(laptop.getByTestId("sync-status")).toHaveText("All changes saved");

  // Each device shows the other's sets without a reload.
  await expect(laptop.getByRole("button", { name: `Undo ${second}, set 2` })).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByRole("button", { name: `Undo ${first}, set 3` })).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByTestId("logged-count")).toContainText("5 sets logged");

  // Finished on the phone; the laptop's instance shows the saved workout.
  await phone.getByRole("button", { name: "Finish workout…" }).click();
  await phone.getByRole("button", { name: "Finish workout", exact: true }).click();
  await expect(phone).toHaveURL(/\/history\/\d+\?saved=1/);
  await laptop.goto("/history");
  await expect(laptop.getByRole("link", { name: /Full body A/ }).first()).toBeVisible();
  await expect(laptop.getByText("5 sets")).toBeVisible();
  await phoneContext.close();
  await laptopContext.close();

  const direct = await openDatabase({ url: database!.directUrl, maxConnections: 1 });
  try {
    const [saved] = await queryRows<{ finished: boolean; sets: number }>(
      direct.db,
      sql`SELECT s.finished_at IS NOT NULL AS finished, (SELECT count(*)::int FROM session_sets x WHERE x.session_id = s.id) AS sets
          FROM workout_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${email}`,
    );
    expect(saved).toEqual({ finished: true, sets: 5 });
  } finally {
    await direct.close();
  }
});
