import { type Browser, type APIRequestContext, type Page, type Request, expect } from "@playwright/test";
import { DEMO, signIn } from "./helpers";

/** A server action's POST as the browser sent it: enough to send it again with other cookies. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Wait for the next server-action POST the page sends (call before the click that sends it). */
export function captureServerAction(page: Page): Promise<CapturedAction> {
  return page
    .waitForRequest((request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]))
    .then(async (request) => {
      const all = await request.allHeaders();
      const keep = ["next-action", "content-type", "origin", "accept", "next-router-state-tree"];
      const headers = Object.fromEntries(Object.entries(all).filter(([name]) => keep.includes(name)));
      return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
    });
}

/** Send a captured server action again from another session; returns the response text. */
export async function replayServerAction(request: APIRequestContext, action: CapturedAction): Promise<string> {
  const response = await request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
  return response.text();
}

/** A request context signed in as the demo athlete (cookies of a real sign-in). */
export async function athleteSession(
  browser: Browser,
): Promise<{ request: APIRequestContext; page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.athlete);
  return { request: context.request, page, close: () => context.close() };
}

/** An athlete (and a visitor) replaying an admin's action gets the refusal, and no data. */
export async function expectRefused(browser: Browser, visitor: APIRequestContext, action: CapturedAction): Promise<void> {
  const athlete = await athleteSession(browser);
  try {
    const asAthlete = await replayServerAction(athlete.request, action);
    expect(asAthlete).toContain("Only admins can do this.");
    expect(asAthlete).not.toContain("@example.com");
  } finally {
    await athlete.close();
  }
  const asVisitor = await replayServerAction(visitor, action);
  expect(asVisitor).toContain("Please sign in to continue.");
}
