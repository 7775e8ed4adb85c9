import { expect, test } from "./fixtures";
import { overflowsSideways, seriousViolations } from "./a11y";
import { DEMO, signIn } from "./helpers";

// Automated accessibility check of the dashboard pages: no serious or critical axe violations, on a
// laptop and on a phone-sized screen. It only previews (a dry run), so it changes no data.

test.setTimeout(180_000);

for (const [name, viewport] of [
  ["laptop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`the admin dashboard has no serious accessibility violations (${name})`, async ({ browser }) => {
    // axe needs a page from an explicit context.
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);

    await page.goto("/admin/migrations/equipment-single-choice");
    await page.getByRole("button", { name: "Preview migration" }).click();
    const finished = page.getByRole("heading", { name: /Preview #\d+ finished/ });
    await expect(finished).toBeVisible();
    const previewRunId = Number((await finished.innerText()).replace(/\D/g, ""));
    await expect(page.locator('dl[aria-label="Preview summary"]')).toBeVisible();
    expect(await seriousViolations(page), "migration page").toEqual([]);

    await page.getByRole("button", { name: "Run migration…" }).click();
    await expect(page.getByRole("dialog").getByLabel("Type equipment-single-choice to confirm")).toBeVisible();
    expect(await seriousViolations(page), "run dialog").toEqual([]);
    await page.keyboard.press("Escape");

    const phone = viewport.width < 640;
    for (const url of [
      "/admin",
      "/admin/users",
      "/admin/users/1",
      "/admin/flagged",
      "/admin/maintenance",
      `/admin/runs/${previewRunId}`,
      "/admin/integrity/assessments",
    ]) {
      await page.goto(url);
      expect(await seriousViolations(page), url).toEqual([]);
      // On a phone every tab is on screen (they wrap) and no table runs off the side (rows are cards).
      if (phone) expect(await overflowsSideways(page), url).toEqual([]);
    }
    if (phone) {
      for (const tab of ["Overview", "Users", "Flagged users", "Data integrity", "Maintenance"]) {
        await expect(
          page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: tab, exact: true }),
        ).toBeInViewport({ ratio: 1 });
      }
      await page.goto(`/admin/runs/${previewRunId}`);
      // The preview recorded the demo's legacy rows: their before and after values sit under each
      // other in the row's card, inside the screen, instead of in columns off to the right.
      const firstItem = page.getByRole("region", { name: "Run details", exact: true }).locator("tbody tr").first();
      const before = firstItem.locator('td[data-label="Before"]');
      const after = firstItem.locator('td[data-label="After"]');
      const [beforeBox, afterBox] = [(await before.boundingBox())!, (await after.boundingBox())!];
      expect(beforeBox.x + beforeBox.width).toBeLessThanOrEqual(viewport.width);
      expect(afterBox.x + afterBox.width).toBeLessThanOrEqual(viewport.width);
      expect(afterBox.y).toBeGreaterThan(beforeBox.y);
    }

    await page.goto("/admin/users?q=maya%40ironlog.dev");
    await page.getByRole("button", { name: "Make admin: maya@ironlog.dev" }).click();
    await expect(page.getByRole("dialog", { name: "Make maya@ironlog.dev an admin?" })).toBeVisible();
    expect(await seriousViolations(page), "role change dialog").toEqual([]);
    await page.keyboard.press("Escape");

    await page.goto("/admin/integrity");
    await page.getByRole("button", { name: "Run integrity check" }).click();
    await expect(page.getByRole("table", { name: "Integrity check results, one row per table" })).toBeVisible();
    expect(await seriousViolations(page), "integrity results").toEqual([]);
    await context.close();
  });
}
