import { expect, test } from "./fixtures";
import { DEMO, signIn, uniqueEmail } from "./helpers";

test("a visitor signs up, lands signed in, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("New Athlete");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("squat-bench-deadlift");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding/);

  await page.goto("/dashboard");
  // The user menu in the header holds "Sign out".
  await page.locator("header summary").click();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, "squat-bench-deadlift");
  await expect(page).toHaveURL(/\/dashboard/);
});

test("signing up with a taken email says so next to the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Copycat");
  await page.getByLabel("Email").fill(DEMO.athlete);
  await page.getByLabel("Password").fill("squat-bench-deadlift");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("wrong credentials get one generic message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.athlete);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password. Forgot it? Reset your password.")).toBeVisible();
});

test("an athlete who opens /admin is refused", async ({ page }) => {
  await signIn(page, DEMO.athlete);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("the health endpoint says the app and database are up, and shows process details to admins only", async ({
  page,
  request,
}) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ status: "ok", version: expect.any(String), database: { ok: true }, schema: { current: true } });

  await signIn(page, DEMO.admin);
  const details = (await (await page.request.get("/api/health")).json()).details;
  expect(details.database).toMatchObject({ driver: "pglite" });
  expect(details.schemaMigrations.pending).toBe(0);
  expect(details.process.pid).toEqual(expect.any(Number));
});
