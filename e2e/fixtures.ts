/**
 * The suite's `test`: Playwright's, with every page watched for Content-Security-Policy violations.
 * A script, style or frame the policy refuses fails the test that caused it, so the headers proxy.ts
 * sets are exercised by every spec, not only by the one about headers.
 *
 * Each test is also its own client: the suite's server believes X-Forwarded-For from loopback
 * (TRUSTED_PROXIES in playwright.config.ts, as behind a reverse proxy), and every test sends an
 * address of its own. Without it the whole suite would be one address, and the per-address limits on
 * sign-up, sign-in and reset requests (which a real visitor never reaches) would refuse the later specs.
 */
import { createHash } from "node:crypto";
import { test as base, expect, type TestInfo } from "@playwright/test";

/** An address in 198.18.0.0/15 (reserved for benchmarking), stable for one test and its retry. */
export function testClientAddress(testInfo: Pick<TestInfo, "testId" | "retry">): string {
  const [a, b] = createHash("sha256").update(`${testInfo.testId}#${testInfo.retry}`).digest();
  return `198.18.${a}.${b}`;
}

export const test = base.extend<{ cspViolations: string[] }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, "X-Forwarded-For": testClientAddress(testInfo) });
  },
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
