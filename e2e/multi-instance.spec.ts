import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openDatabase, queryRows } from "@/db/client";
import { sql } from "drizzle-orm";
import { captureServerAction, replayServerAction } from "./admin-helpers";
import { DEMO, DEMO_PASSWORD, postCredentials } from "./helpers";
import {
  type Instances,
  POOLER_URL,
  SERVER_URL,
  type ScratchDatabase,
  postgresAvailable,
  seededDatabase,
  startInstances,
} from "@/test/instances";

// Two app instances on different ports against one PostgreSQL database: sessions and their sign-out,
// the sign-in throttle, migration runs, their live progress and the one-run-at-a-time rule must all
// hold across them. With DATABASE_POOLER=transaction (the second pass of scripts/test-all.sh) both
// instances reach the database through the PgBouncer at TEST_PGBOUNCER_URL, in transaction mode.
test.describe.configure({ mode: "serial" });

const THROUGH_POOLER = process.env.DATABASE_POOLER === "transaction";
const MIGRATION = "equipment-single-choice";
// Enough legacy rows that a run lasts long enough to be watched from the other instance.
const EXTRA_LEGACY_ROWS = Number(process.env.MULTI_INSTANCE_ROWS ?? 300_000);
// E2E_PORT moves both instances too, so two checkouts can run the suite side by side.
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100) + 101;
const PORTS = [FIRST_PORT, FIRST_PORT + 1] as const;
const [A, B] = PORTS.map((port) => `http://127.0.0.1:${port}`);

let database: ScratchDatabase | undefined;
let databaseUrl: string;
let instances: Instances | undefined;
let context: BrowserContext;
let appliedRunUrl: string;

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${base}/admin`));
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(300_000);
  test.skip(!(await postgresAvailable()), `needs PostgreSQL at ${SERVER_URL} (npm test says when it skips that pass)`);
  if (THROUGH_POOLER && !POOLER_URL) throw new Error("DATABASE_POOLER=transaction needs TEST_PGBOUNCER_URL (see .ci/run)");

  database = await seededDatabase("ironlog_multi", { pooler: THROUGH_POOLER ? POOLER_URL : undefined });
  // The test's own reads and writes go to the server directly.
  databaseUrl = database.directUrl;
  const direct = await openDatabase({ url: databaseUrl });
  // Legacy multi-select answers, generated in SQL (the seed proportions matter less here than the volume).
  await queryRows(
    direct.db,
    sql`WITH u AS (
          INSERT INTO users (email) SELECT 'bulk' || g || '@example.com' FROM generate_series(1, ${EXTRA_LEGACY_ROWS}) g
          RETURNING id)
        INSERT INTO assessments (user_id, equipment, equipment_items)
        SELECT id, '["basic_equipment","full_gym"]'::jsonb, '["dumbbells"]'::jsonb FROM u`,
  );
  await direct.close();

  instances = await startInstances(database, PORTS);
  context = await browser.newContext();
});

test.afterAll(async () => {
  await context?.close();
  await instances?.stop();
  await database?.drop();
});

test("a session started on one instance is valid on the other", async () => {
  const page = await context.newPage();
  await signIn(page, A);
  const session = await (await context.request.get(`${B}/api/auth/session`)).json();
  expect(session.user.email).toBe(DEMO.admin);
  await page.goto(`${B}/admin`);
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  await page.close();
});

test("planned maintenance scheduled on one instance is announced by the other", async () => {
  const page = await context.newPage();
  const message = `Planned upgrade ${Date.now()}`;
  await page.goto(`${A}/admin/maintenance`);
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  // The browser's zone is the machine's; the start is an hour ahead whatever it is, and told a day before.
  const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const start = Date.now() + 60 * 60_000;
  await form.getByLabel("Message to users").fill(message);
  await form.getByLabel("Starts").fill(await page.evaluate(local, start));
  await form.getByLabel("Ends").fill(await page.evaluate(local, start + 30 * 60_000));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByRole("status").filter({ hasText: /is scheduled/ })).toBeVisible();
  await page.goto(`${B}/dashboard`);
  await expect(page.getByRole("region", { name: "Planned maintenance" })).toContainText(message);
  await page.close();
});

test("a preview started on one instance is cancelled from the other's dashboard, and the lock is free at once", async () => {
  test.setTimeout(180_000);
  const onA = await context.newPage();
  const onB = await context.newPage();
  await onA.goto(`${A}/admin/migrations/${MIGRATION}`);
  await onA.getByRole("button", { name: "Preview migration" }).click();
  const heading = onA.getByRole("heading", { name: /^Preview #\d+ in progress$/ });
  await expect(heading).toBeVisible();
  const runId = Number(/#(\d+)/.exec(await heading.innerText())![1]);

  // B shows the run A is doing, with its cancel button; B's admin cancels it through the database.
  await onB.goto(`${B}/admin/migrations/${MIGRATION}`);
  await onB.getByRole("button", { name: `Cancel preview #${runId}` }).click();
  await expect(onB.getByRole("heading", { name: `Preview #${runId} cancelled` })).toBeVisible({ timeout: 60_000 });
  await expect(onA.getByRole("heading", { name: `Preview #${runId} cancelled` })).toBeVisible({ timeout: 60_000 });

  // The run's page says who cancelled it; nothing it did was kept, and a new preview may start at once.
  await onB.goto(`${B}/admin/runs/${runId}`);
  await expect(onB.getByText(`The run was cancelled by ${DEMO.admin}`)).toBeVisible();
  await expect(onB.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  const status = await (await context.request.get(`${A}/admin/migrations/${MIGRATION}/status`)).json();
  expect(status.running).toBeNull();
  await onA.close();
  await onB.close();
});

test("a run started on one instance shows its live progress on the other, which refuses a second run", async () => {
  test.setTimeout(240_000);
  const onA = await context.newPage();
  const onB = await context.newPage();

  await onA.goto(`${A}/admin/migrations/${MIGRATION}`);
  const previewAction = captureServerAction(onA);
  await onA.getByRole("button", { name: "Preview migration" }).click();
  const preview = await previewAction;
  await expect(onA.getByRole("heading", { name: /Preview #\d+ finished/ })).toBeVisible({ timeout: 120_000 });

  await onA.getByRole("button", { name: "Run migration…" }).click();
  const dialog = onA.getByRole("dialog", { name: "Run this migration for real?" });
  await dialog.getByLabel(`Type ${MIGRATION} to confirm`).fill(MIGRATION);
  await dialog.getByRole("button", { name: "Run migration" }).click();

  // Instance B reads the progress that A's run writes through its second connection.
  let seen: { mode: string; processed: number; total: number; startedBy: string } | null = null;
  await expect
    .poll(
      async () => {
        const body = await (await context.request.get(`${B}/admin/migrations/${MIGRATION}/status`)).json();
        // The run counts its rows first (total 0), then processes them.
        if (body.running?.mode === "apply" && body.running.total > 0) seen = body.running;
        return seen?.mode;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe("apply");
  expect(seen!.total).toBeGreaterThan(EXTRA_LEGACY_ROWS);
  expect(seen!.startedBy).toBe(DEMO.admin);

  // The same preview action, sent to B while A's run holds the lock: refused, naming who started the run.
  // (Origin is B's own, as a browser on B would send it: Next refuses cross-origin action posts.)
  const refusal = await replayServerAction(context.request, {
    ...preview,
    url: preview.url.replace(A, B),
    headers: { ...preview.headers, origin: B },
  });
  expect(refusal).toMatch(/already in progress/i);
  expect(refusal).toContain(DEMO.admin);

  // B's page shows the live progress bar while the run is still going.
  await onB.goto(`${B}/admin/migrations/${MIGRATION}`);
  await expect(onB.getByRole("progressbar").first()).toBeVisible();

  // When an applied run finishes, A's page moves on to the run's own page, which shows it completed.
  await expect(onA).toHaveURL(new RegExp(`^${A}/admin/runs/\\d+$`), { timeout: 180_000 });
  await expect(onA.getByRole("heading", { name: /^Applied #\d+$/ })).toBeVisible();
  await expect(onA.getByText("Completed", { exact: true }).first()).toBeVisible();
  appliedRunUrl = onA.url();
  await onA.close();
  await onB.close();
});

test("after the run, both instances show the same history", async () => {
  const histories: string[] = [];
  for (const base of [A, B]) {
    const page = await context.newPage();
    await page.goto(`${base}/admin/migrations/${MIGRATION}`);
    const history = page.getByRole("table", { name: `Runs of ${MIGRATION}` });
    await expect(history).toBeVisible();
    histories.push(await history.innerText());
    await page.close();
  }
  expect(histories[0]).toMatch(/appl/i);
  expect(histories[1]).toBe(histories[0]);
});

test("an error row of the run is fixed in place from the other instance, checked against the rules by the field", async () => {
  const page = await context.newPage();
  await page.goto(appliedRunUrl.replace(A, B));
  const errors = page.getByRole("region", { name: "Errors" });
  await expect(errors).toContainText("Fix a row here (only equipment and equipment_items");
  const summary = errors.locator("summary").first();
  const rowId = Number(/Fix row (\d+)/.exec(await summary.innerText())![1]);
  await summary.click();
  const form = page.getByRole("form", { name: `Fix row ${rowId}` });

  // Not JSON: refused by the field, nothing saved.
  await form.getByLabel("equipment", { exact: true }).fill("gym");
  await form.getByRole("button", { name: "Save fix" }).click();
  await expect(form.getByLabel("equipment", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/^Enter JSON/)).toBeVisible();
  // JSON, but a name the migration's rules do not know: refused with the rule's reason.
  await form.getByLabel("equipment", { exact: true }).fill('"gym"');
  await form.getByRole("button", { name: "Save fix" }).click();
  await expect(form.getByText(/^Still an error under the migration's rules: equipment "gym" is not one of/)).toBeVisible();

  await form.getByLabel("equipment", { exact: true }).fill('"full_gym"');
  await form.getByLabel("equipment_items", { exact: true }).fill("[]");
  await form.getByRole("button", { name: "Save fix" }).click();
  await expect(
    form.getByText(
      `Row ${rowId} fixed: it is already in the new format, so a run leaves it as it is. Preview again before you run.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Fixed in place" })).toContainText(`Row ${rowId}, by ${DEMO.admin}`);

  const database = await openDatabase({ url: databaseUrl });
  try {
    const [row] = await queryRows<{ equipment: string; items: string }>(
      database.db,
      sql`SELECT equipment::text AS equipment, equipment_items::text AS items FROM assessments WHERE id = ${rowId}`,
    );
    expect(row).toEqual({ equipment: '"full_gym"', items: "[]" });
    const fixes = await queryRows<{ fixed_by: string }>(
      database.db,
      sql`SELECT fixed_by FROM migration_row_fixes WHERE row_id = ${rowId}`,
    );
    expect(fixes).toEqual([{ fixed_by: DEMO.admin }]);
  } finally {
    await database.close();
  }
  await page.close();
});

test("failed sign-ins on either instance count toward one throttle", async () => {
  const request = context.request;
  for (const base of [A, B, A, B]) {
    const refused = await postCredentials(request, base, DEMO.athlete, "not-the-password");
    // Auth.js answers a wrong password by redirecting back to sign-in with an error code.
    expect(refused.status()).toBe(302);
    expect(refused.headers().location).toMatch(/error=CredentialsSignin/);
  }
  const fifth = await postCredentials(request, B, DEMO.athlete, "not-the-password");
  expect(fifth.status()).toBe(302);
  // Throttled now, on both instances, even for the right password.
  for (const base of [A, B]) {
    const throttled = await postCredentials(request, base, DEMO.athlete, DEMO_PASSWORD);
    expect(throttled.status()).toBe(429);
    expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  }
});

test("signing out on one instance refuses the same cookie on the other", async ({ playwright }) => {
  const own = await context.browser()!.newContext();
  const page = await own.newPage();
  await page.goto(`${A}/sign-in`);
  await page.getByLabel("Email").fill(DEMO.flagged);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  const saved = (await own.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  // The cookie opens B too; sign out there.
  await page.goto(`${B}/dashboard`);
  await expect(page).toHaveURL(new RegExp(`^${B}/dashboard`));
  await page.locator("header summary").click();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${B}/$`));

  const replay = await playwright.request.newContext({ extraHTTPHeaders: { cookie: saved } });
  const onA = await replay.get(`${A}/dashboard`, { maxRedirects: 0 });
  expect(onA.status()).toBe(307);
  expect(onA.headers().location).toMatch(/\/sign-in/);
  await replay.dispose();
  await own.close();
});
