import { type APIRequestContext, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ironlog-demo";
export const DEMO = {
  admin: "admin@ironlog.dev",
  athlete: "athlete@ironlog.dev",
  flagged: "flagged@ironlog.dev",
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** A new athlete through the sign-up form (lands on onboarding, signed in); returns the email. */
export async function signUp(page: Page, prefix: string, password: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(`${prefix} athlete`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  return email;
}

/** Sign in through Auth.js's credentials endpoint as a script would, without following the redirect. */
export async function postCredentials(request: APIRequestContext, base: string, email: string, password: string) {
  const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  return request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: `${base}/dashboard` },
    maxRedirects: 0,
  });
}
