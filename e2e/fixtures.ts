/**
 * The suite's `test`: Playwright's, with every page watched for Content-Security-Policy violations.
 * A script, style or frame the policy refuses fails the test that caused it, so the headers proxy.ts
 * sets are exercised by every spec, not only by the one about headers.
 */
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use, testInfo) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
        });
      });
      await use(violations);
      if (violations.length > 0) testInfo.annotations.push({ type: "csp", description: violations.join("\n") });
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
