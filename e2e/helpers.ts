import { expect, type Page } from "@playwright/test";

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
