import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// Automated accessibility check of the dashboard pages: no serious or critical axe violations, on a
// laptop and on a phone-sized screen. It only previews (a dry run), so it changes no data.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

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

    for (const url of ["/admin", "/admin/users", "/admin/flagged", `/admin/runs/${previewRunId}`, "/admin/integrity/assessments"]) {
      await page.goto(url);
      expect(await seriousViolations(page), url).toEqual([]);
    }

    await page.goto("/admin/integrity");
    await page.getByRole("button", { name: "Run integrity check" }).click();
    await expect(page.getByRole("table", { name: "Integrity check results, one row per table" })).toBeVisible();
    expect(await seriousViolations(page), "integrity results").toEqual([]);
    await context.close();
  });
}
