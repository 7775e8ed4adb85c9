import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now (an empty list is a pass),
 * or only within `include` (a CSS selector) when a spec checks the part of a page it is about.
 */
export async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** Whether anything on the page is wider than the window (a phone user would have to scroll sideways to read it). */
export async function overflowsSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const element of Array.from(document.querySelectorAll("main *"))) {
      const box = element.getBoundingClientRect();
      // Headers kept for screen readers only (a card table's thead, sr-only text) are clipped to nothing.
      if (element.closest("thead, .sr-only")) continue;
      if (box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== "fixed") {
        wide.push(`${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""}`);
      }
    }
    return wide.slice(0, 5);
  });
}
