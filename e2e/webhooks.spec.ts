/**
 * Webhooks from the athlete's side, at phone size: register a local receiver on the profile, copy the
 * secret shown once, send a test event, then finish a workout in the logger and see the signed
 * `workout.finished` arrive within seconds. The suite's server lets deliveries reach loopback
 * (WEBHOOKS_ALLOW_PRIVATE in playwright.config.ts), as a self-hoster's own receiver would need.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { addExercise, newAthleteWithProgram, startEmptyWorkout } from "./athlete-helpers";
import { overflowsSideways, seriousViolations } from "./a11y";
import { verifySignature } from "../lib/webhooks/signature";

type Received = { signature: string; body: string; at: number };

test.use({ viewport: { width: 390, height: 844 } });

test("a finished workout reaches the athlete's receiver as a signed event", async ({ page }) => {
  const received: Received[] = [];
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ signature: String(request.headers["ironlog-signature"]), body, at: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ironlog`;
  try {
    await newAthleteWithProgram(page, "Hook Hana");
    await page.goto("/profile");
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    await page.getByLabel("Endpoint address").fill("not an address");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Enter the full address, starting with https://.")).toBeVisible();
    await expect(page.getByLabel("Endpoint address")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Endpoint address").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByText("Copy the signing secret now: it is not shown again.")).toBeVisible();
    expect(await overflowsSideways(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Delivered: your endpoint answered 204.")).toBeVisible();
    expect(JSON.parse(received[0].body).type).toBe("webhook.test");
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    await expect(page.getByRole("list", { name: `Last deliveries to ${url}` })).toContainText("Delivered · 204");

    await startEmptyWorkout(page);
    await addExercise(page, "bench", "Barbell Bench Press");
    await page.getByLabel("Barbell Bench Press, set 1: weight (kg)").fill("80");
    await page.getByLabel("Barbell Bench Press, set 1: reps").fill("5");
    await page.getByRole("button", { name: "Log Barbell Bench Press, set 1" }).click();
    await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 20_000 });
    await page.getByRole("button", { name: "Finish workout…" }).click();
    await page.getByRole("button", { name: "Finish workout", exact: true }).click();
    const finishedAt = Date.now();
    await expect(page).toHaveURL(/\/history\/\d+\?saved=1/);
    const sessionId = Number(/\/history\/(\d+)/.exec(page.url())![1]);

    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    const event = received[1];
    expect(event.at - finishedAt).toBeLessThan(10_000);
    expect(verifySignature(secret, event.signature, event.body, Math.floor(Date.now() / 1000)).ok).toBe(true);
    const body = JSON.parse(event.body);
    expect(body.type).toBe("workout.finished");
    expect(body.data.workout.id).toBe(sessionId);
    expect(body.data.workout.exercises[0]).toMatchObject({
      exerciseName: "Barbell Bench Press",
      sets: [{ weightKg: 80, reps: 5 }],
    });
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
