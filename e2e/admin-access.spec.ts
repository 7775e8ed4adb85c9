import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// Every admin URL refuses athletes (403) and visitors (sign-in or 401), and gives neither any data.
// Server actions are replayed with an athlete's and a visitor's session in admin.spec.ts, where the
// admin's real requests are captured.

const MIGRATION = "equipment-single-choice";

const PAGES = [
  "/admin",
  "/admin/users",
  "/admin/users?q=member",
  "/admin/flagged",
  "/admin/integrity",
  "/admin/integrity/assessments",
  "/admin/integrity/assessments?check=assessments.legacy_format",
  `/admin/migrations/${MIGRATION}`,
  `/admin/migrations/${MIGRATION}?status=flagged`,
  "/admin/migrations/exercise-backfill",
  "/admin/runs/1",
  "/admin/users/1",
  "/admin/maintenance",
];

const ROUTE_HANDLERS = [
  "/admin/flagged/csv",
  "/admin/flagged/emails",
  "/admin/integrity/report",
  "/admin/export",
  "/admin/export?secrets=1",
  "/admin/export?anonymize=1",
  "/admin/runs/1/progress",
  "/admin/runs/1/report?format=json",
  "/admin/runs/1/report?format=csv",
  `/admin/migrations/${MIGRATION}/status`,
  `/admin/migrations/${MIGRATION}/preview-status`,
];

// Things only an admin may see: other users' emails, password hashes, report fields.
const ADMIN_DATA = /@example\.com|\$2[aby]\$|total_processed|needs_reassessment|rowCount/;

test.describe("an athlete", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.athlete);
  });

  for (const url of PAGES) {
    test(`gets the 403 page at ${url}`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      expect(await page.content()).not.toMatch(ADMIN_DATA);
    });
  }

  test("is refused by every admin route handler, with no data", async ({ page }) => {
    for (const url of ROUTE_HANDLERS) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(403);
      const body = await response.text();
      expect(JSON.parse(body), url).toEqual({ error: "Only admins can do this.", code: "forbidden" });
    }
  });

  test("sees no Admin link in the navigation", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  });
});

test.describe("a visitor", () => {
  for (const url of PAGES) {
    test(`is sent to sign in from ${url}`, async ({ page }) => {
      await page.goto(url);
      await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
      expect(await page.content()).not.toMatch(ADMIN_DATA);
    });
  }

  test("gets 401 from every admin route handler", async ({ request }) => {
    for (const url of ROUTE_HANDLERS) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(401);
      expect(await response.json(), url).toEqual({ error: "Please sign in to continue.", code: "unauthenticated" });
    }
  });
});
