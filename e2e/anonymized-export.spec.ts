import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// The anonymized copy for staging, as an admin downloads it from the dashboard: a dump with no demo
// person's email or name in it; an athlete asking for it gets nothing.

const DEMO_PEOPLE = /@ironlog\.dev|@example\.com|Alex Admin|Jordan Athlete|Casey Flagged|\$argon2|\$2[aby]\$/;

test("an admin downloads an anonymized copy from the dashboard, without any demo email", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download anonymized copy" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ironlog-export-.*-anonymized\.ndjson$/);
  const stream = await file.createReadStream();
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  expect(JSON.parse(text.split("\n")[0])).toMatchObject({ format: "ironlog-dump", anonymized: true, secrets: "omitted" });
  expect(JSON.parse(text.trimEnd().split("\n").at(-1)!).counts.session_sets).toBeGreaterThan(0);
  expect(text).toContain("@example.invalid");
  expect(text).not.toMatch(DEMO_PEOPLE);
});

test("the copy never comes with password hashes, even when asked", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const response = await page.request.get("/admin/export?anonymize=1&secrets=1");
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ error: expect.stringContaining("never holds password hashes") });
});

test("an athlete asking for the anonymized copy is refused, with no data", async ({ page }) => {
  await signIn(page, DEMO.athlete);
  const response = await page.request.get("/admin/export?anonymize=1");
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toMatch(/@|ironlog-dump/);
});
