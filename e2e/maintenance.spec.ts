import { expect, test } from "./fixtures";
import { seriousViolations } from "./a11y";
import { captureServerAction, expectRefused } from "./admin-helpers";
import { DEMO, signIn } from "./helpers";
import { formatWindow } from "@/lib/maintenance/format";
import { instantToLocalDateTime } from "@/lib/maintenance/notice";

// Planned downtime: an admin in Paris schedules a window, an athlete in New York sees it announced in
// their own time, then the admin cancels it and the athlete sees the completion message instead.
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const ADMIN_ZONE = "Europe/Paris";
const ATHLETE_ZONE = "America/New_York";
const MESSAGE = `Database upgrade ${Date.now()}: logging is paused, finished sessions are safe.`;

test("an admin announces planned downtime that every signed-in user sees, and ends it with a message", async ({
  browser,
  request,
}) => {
  const adminContext = await browser.newContext({ timezoneId: ADMIN_ZONE });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/maintenance");
  await expect(admin.getByRole("heading", { name: "Planned maintenance", level: 1 })).toBeVisible();

  // In 30 minutes, for an hour, told an hour before: so it shows at once. Whole minutes, as the input takes them.
  const start = new Date(Math.floor((Date.now() + 30 * 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + 60 * 60_000);
  const form = admin.getByRole("form", { name: "Schedule maintenance" });

  // A window that ends before it starts is refused next to the field, and the message is kept.
  await form.getByLabel("Message to users").fill(MESSAGE);
  await form.getByLabel("Starts").fill(instantToLocalDateTime(start, ADMIN_ZONE));
  await form.getByLabel("Ends").fill(instantToLocalDateTime(new Date(start.getTime() - 60 * 60_000), ADMIN_ZONE));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(form.getByText("The maintenance must end after it starts.")).toBeVisible();
  await expect(form.getByLabel("Ends")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Message to users")).toHaveValue(MESSAGE);

  await form.getByLabel("Ends").fill(instantToLocalDateTime(end, ADMIN_ZONE));
  await form.getByLabel("Tell users").selectOption({ label: "1 hour before" });
  const scheduled = captureServerAction(admin);
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /Maintenance #\d+ is scheduled/ })).toBeVisible();
  const notice = admin.getByRole("listitem").filter({ hasText: MESSAGE });
  await expect(notice).toContainText("Shown to users");
  // The admin typed Paris time; the list says UTC, as every admin page does.
  await expect(notice).toContainText(`${start.toISOString().slice(0, 16).replace("T", " ")} UTC`);

  // An athlete elsewhere sees it on every page, in their own time zone: the tz cookie, which the first
  // page writes once it is idle, so the reload waits for it.
  const athleteContext = await browser.newContext({ timezoneId: ATHLETE_ZONE, viewport: { width: 390, height: 844 } });
  const athlete = await athleteContext.newPage();
  await signIn(athlete, DEMO.athlete);
  await athlete.goto("/log");
  await expect
    .poll(async () => (await athleteContext.cookies()).find((cookie) => cookie.name === "tz")?.value)
    .toBe(encodeURIComponent(ATHLETE_ZONE));
  await athlete.reload();
  const banner = athlete.getByRole("region", { name: "Planned maintenance" });
  await expect(banner).toContainText(MESSAGE);
  await expect(banner).toContainText(`Planned maintenance: ${formatWindow(start, end, ATHLETE_ZONE)}`);
  expect(await seriousViolations(athlete), "banner on a phone").toEqual([]);
  await athlete.goto("/progress");
  await expect(banner).toContainText(MESSAGE);

  // Only admins schedule: the same request from an athlete or a visitor is refused.
  await expectRefused(browser, request, await scheduled);
  expect((await request.get("/api/maintenance-notices")).status()).toBe(401);

  // A second window at the same time is refused next to its start.
  await form.getByLabel("Message to users").fill("Another one");
  await form.getByLabel("Starts").fill(instantToLocalDateTime(start, ADMIN_ZONE));
  await form.getByLabel("Ends").fill(instantToLocalDateTime(end, ADMIN_ZONE));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(form.getByText(/This window overlaps maintenance #\d+/)).toBeVisible();
  await expect(form.getByLabel("Starts")).toHaveAttribute("aria-invalid", "true");

  // The admin cancels it before it starts, with a message; it replaces the banner.
  await notice.getByRole("button", { name: /Cancel maintenance #\d+/ }).click();
  const dialog = admin.getByRole("dialog", { name: /Cancel maintenance #\d+\?/ });
  await dialog.getByLabel("Message to users").fill("Cancelled: the upgrade is moved to next week, nothing changes today.");
  await dialog.getByRole("button", { name: "Cancel it" }).click();
  // It never began: it is cancelled, not over, for the admin and for users alike.
  await expect(admin.getByRole("status").filter({ hasText: /is cancelled/ })).toBeVisible();
  await expect(notice).toContainText("Cancelled");

  // The athlete's open page learns of it when they come back to the tab, without a reload.
  await athlete.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(banner).toContainText("Planned maintenance cancelled");
  await athlete.reload();
  await expect(banner).toContainText("Planned maintenance cancelled");
  await expect(banner).not.toContainText("Maintenance is over");
  await expect(banner).toContainText("Cancelled: the upgrade is moved to next week");
  await expect(banner).not.toContainText(MESSAGE);
  // The API the banner polls answers the same for the athlete's open pages.
  const polled = await athlete.request.get("/api/maintenance-notices");
  expect(
    (await polled.json()).notices.some((n: { completionMessage: string | null }) => n.completionMessage?.startsWith("Cancelled")),
  ).toBe(true);

  // Each banner can be dismissed, and stays dismissed on this device.
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(athlete.getByText("Planned maintenance cancelled")).toHaveCount(0);
  await athlete.reload();
  await expect(athlete.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(athlete.getByText("Planned maintenance cancelled")).toHaveCount(0);
  // Left out by the server, not hidden after it was painted.
  expect(await (await athlete.request.get("/progress")).text()).not.toContain("Planned maintenance cancelled");

  // Dismissed per window: the next window, in the time the cancelled one freed, has its own banner.
  const NEXT = `Rescheduled upgrade ${Date.now()}`;
  await form.getByLabel("Message to users").fill(NEXT);
  await form.getByLabel("Starts").fill(instantToLocalDateTime(start, ADMIN_ZONE));
  await form.getByLabel("Ends").fill(instantToLocalDateTime(end, ADMIN_ZONE));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /Maintenance #\d+ is scheduled/ })).toBeVisible();
  await athlete.reload();
  await expect(banner).toContainText(NEXT);
  await expect(athlete.getByText("Planned maintenance cancelled")).toHaveCount(0);
  // Called off too, so that later specs' pages carry no announcement.
  const next = admin.getByRole("listitem").filter({ hasText: NEXT });
  await next.getByRole("button", { name: /Cancel maintenance #\d+/ }).click();
  await admin
    .getByRole("dialog", { name: /Cancel maintenance #\d+\?/ })
    .getByLabel("Message to users")
    .fill("Cancelled again.");
  await admin
    .getByRole("dialog", { name: /Cancel maintenance #\d+\?/ })
    .getByRole("button", { name: "Cancel it" })
    .click();
  await expect(next).toContainText("Cancelled");

  await adminContext.close();
  await athleteContext.close();
});
