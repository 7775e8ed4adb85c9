import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_MAIL_FROM, E2E_SMTP_PORT } from "./e2e/mail";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// The service worker's own requests pass through context.route() (Playwright does not show them
// otherwise, and context.setOffline() does not stop them): the offline spec takes the network away
// from the worker too by aborting every request.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";
const baseURL = `http://127.0.0.1:${PORT}`;

// Where the distribution's Chromium exists (this project's CI installs it with apt, because Playwright
// cannot download its own browser there), use it; elsewhere Playwright's own browser.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "./e2e",
  // The suite shares one seeded server and some tests change global state (migration runs): run serially.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    // The service worker keeps pages for use with no signal; only the spec about that lets it run, so
    // that every other spec sees what the server answers now.
    serviceWorkers: "block",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : undefined,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A production server (next build + next start) on a fresh embedded database seeded with the demo data.
    command: `npx tsx scripts/e2e-server.ts --port ${PORT}`,
    // Real SMTP to the port the mail specs listen on (e2e/mail.ts), as a deployment would send. The
    // browser counts as behind a proxy on loopback, so each test can be its own client (e2e/fixtures.ts).
    // Webhook deliveries may reach the spec's receiver on loopback, as a self-hoster's own would.
    env: {
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: E2E_MAIL_FROM,
      TRUSTED_PROXIES: "127.0.0.1,::1",
      WEBHOOKS_ALLOW_PRIVATE: "true",
    },
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
