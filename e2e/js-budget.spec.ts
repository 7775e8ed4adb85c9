/**
 * The JavaScript budget: every athlete page, and the sign-in and sign-up pages everyone meets first, loads
 * at most FIRST_LOAD_JS_BUDGET_KB of JavaScript (gzipped), measured from the production build the suite
 * serves, the way `npm run bench:web` measures it (scripts/bench/first-load-js.ts). A page that pulls in a
 * heavy library fails here, in CI, before a phone on a slow network pays for it.
 *
 * Athlete pages are read as the demo athlete (a full history, a custom split, records), so each renders the
 * client components it has at its fullest; an import preview is made by an athlete of its own.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";
import { newAthleteWithProgram } from "./athlete-helpers";
import {
  FIRST_LOAD_JS_BUDGET_KB,
  type FetchPage,
  type FirstLoadJs,
  firstLoadJs,
  formatFirstLoadJs,
} from "../scripts/bench/first-load-js";
import { generateWorkouts, strongCsv } from "../test/history-files";
import { ATHLETE_PAGES, ID_LINKS, PUBLIC_PAGES, type PageIds } from "../scripts/bench/pages";

function routesOnDisk(dir: string, route = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...routesOnDisk(path.join(dir, entry.name), `${route}/${entry.name}`));
    else if (entry.name === "page.tsx") found.push(route);
  }
  return found;
}

/** The requests of the page's browser context (its cookies): each must answer 200 at the address asked for. */
function fetcher(page: Page): FetchPage {
  return async (url) => {
    const reply = await page.request.get(url);
    expect(new URL(reply.url()).pathname, `${url} was redirected`).toBe(url.split("?")[0]);
    return { status: reply.status(), body: await reply.body() };
  };
}

/** The first link on a page whose address matches, as its last path segment. */
async function idFromLink(page: Page, at: string, pattern: RegExp): Promise<string> {
  await page.goto(at);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${at}`).toBeTruthy();
  return href!.split("/").pop()!;
}

function expectWithinBudget(rows: FirstLoadJs[]): void {
  console.log(rows.map(formatFirstLoadJs).join("\n"));
  for (const row of rows) expect(row.status, `${row.path} answered`).toBe(200);
  const over = rows
    .filter((row) => row.gzipKb > FIRST_LOAD_JS_BUDGET_KB)
    .map((row) => `${row.path}: ${row.gzipKb.toFixed(1)} kB (at most ${FIRST_LOAD_JS_BUDGET_KB})`);
  expect(over, "pages over their budget of first-load JavaScript (gzipped)").toEqual([]);
}

test("the budget names every athlete page", () => {
  const onDisk = routesOnDisk(path.join(process.cwd(), "app", "(athlete)"));
  expect(onDisk.sort()).toEqual(Object.keys(ATHLETE_PAGES).sort());
});

test("the sign-in and sign-up pages load at most the budget's JavaScript", async ({ page }, testInfo) => {
  const rows = await firstLoadJs(fetcher(page), PUBLIC_PAGES);
  await testInfo.attach("first-load-js", { body: JSON.stringify(rows, null, 2), contentType: "application/json" });
  expectWithinBudget(rows);
});

test("every athlete page loads at most the budget's JavaScript", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // An import preview belongs to the athlete who uploaded it: a new athlete makes one.
  await newAthleteWithProgram(page, "Budget check");
  const upload = await page.request.post("/api/history/import?name=budget.csv&tz=UTC", {
    data: strongCsv(generateWorkouts({ workouts: 3, setsPerExercise: 2, seed: 7 })),
    headers: { "content-type": "text/csv" },
  });
  expect(upload.status()).toBe(201);
  const { previewId } = (await upload.json()) as { previewId: string };
  const previewRoute = "/history/import/[id]";
  const previewRows = await firstLoadJs(fetcher(page), [ATHLETE_PAGES[previewRoute]({ preview: previewId } as PageIds)]);

  await page.context().clearCookies();
  await signIn(page, DEMO.athlete);
  const ids: PageIds = {
    session: await idFromLink(page, ID_LINKS.session.page, ID_LINKS.session.link),
    exercise: await idFromLink(page, ID_LINKS.exercise.page, ID_LINKS.exercise.link),
    split: await idFromLink(page, ID_LINKS.split.page, ID_LINKS.split.link),
    preview: previewId,
  };
  const rows = [
    ...(await firstLoadJs(
      fetcher(page),
      Object.entries(ATHLETE_PAGES)
        .filter(([route]) => route !== previewRoute)
        .map(([, url]) => url(ids)),
    )),
    ...previewRows,
  ];
  await testInfo.attach("first-load-js", { body: JSON.stringify(rows, null, 2), contentType: "application/json" });
  expectWithinBudget(rows);
});
