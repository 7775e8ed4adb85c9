import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Browser } from "@playwright/test";
import fc from "fast-check";
import postgres from "postgres";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, uniqueEmail } from "./helpers";
import {
  type ActionArguments,
  callAction,
  callRoute,
  changesToOthers,
  routeHandlers,
  serverActions,
  snapshot,
} from "./fuzz-requests";

// fast-check over every server action and every route handler, as a signed-in athlete and as a
// visitor, on the embedded database and on PostgreSQL: nothing answers 5xx (or the generic "something
// went wrong" that hides one), and no row of anyone else changes. FUZZ_RUNS raises the number of inputs.
test.describe.configure({ mode: "serial" });

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const GENERIC_ERROR = "Something went wrong and nothing was saved";
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_PORT = Number(process.env.E2E_PORT ?? 3100) + 60;

// Every field name the app's forms and JSON bodies use, so inputs reach past "missing field".
const FIELDS = [
  "name",
  "email",
  "password",
  "redirectTo",
  "sessionId",
  "exerciseId",
  "splitDayId",
  "splitId",
  "dayId",
  "itemId",
  "direction",
  "targetSets",
  "targetRepsMin",
  "targetRepsMax",
  "note",
  "notes",
  "type",
  "difficulty",
  "equipment",
  "equipment[]",
  "items",
  "items[]",
  "muscle1",
  "activation1",
  "muscle2",
  "activation2",
  "weightUnit",
  "role",
  "userId",
  "migrationId",
  "previewRunId",
  "confirmation",
  "runId",
  "sport",
  "age",
  "experienceLevel",
  "goal",
  "daysPerWeek",
  "unit",
  "finished",
  "sets",
  "durationMinutes",
];

const WORDS = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e308",
  "NaN",
  "2147483647",
  "2147483648",
  "99999999999999999999",
  "true",
  "on",
  "null",
  "kg",
  "lb",
  "full_gym",
  "basic_equipment",
  "no_equipment",
  "dumbbells",
  "barbell",
  "bodyweight",
  "beginner",
  "build_muscle",
  "athlete",
  "admin",
  "up",
  "down",
  "equipment-single-choice",
  "exercise-backfill",
  "/dashboard",
  "/dashboard\r\nSet-Cookie: x=1",
  "//evil.example",
  "/\\evil.example",
  "$K1",
  "$n99999999999999999999",
  "$D2020-01-01",
  "$Q1",
  "$@0",
  "x@example.com",
  "Push\u0000Pull",
  "\ud800",
  "<script>alert(1)</script>",
  '=HYPERLINK("x")',
  "ironlog-demo",
  "a".repeat(5000),
];

function textArbitrary(ids: number[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...ids).map(String),
    fc.integer({ min: 1, max: 60 }).map(String),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ maxLength: 120 }),
  );
}

function actionInputs(ids: number[]): fc.Arbitrary<ActionArguments> {
  const text = textArbitrary(ids);
  const value = fc.oneof(
    { weight: 3, arbitrary: text },
    fc.constantFrom(...ids),
    fc.integer({ min: -5, max: 70 }),
    fc.constantFrom(2147483648, 2 ** 53, -0, 1e308, 0.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const record = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 7 });
  return fc.oneof(
    fc.constantFrom<ActionArguments>(
      { kind: "json", args: [] },
      { kind: "json", args: [null] },
      { kind: "json", args: [{}, null] },
      { kind: "json", args: [null, []] },
      { kind: "json", args: [null, "text"] },
      { kind: "raw", body: "not json" },
      { kind: "raw", body: '["$undefined","$K999"]' },
    ),
    record.map((input): ActionArguments => ({ kind: "json", args: [null, input] })),
    fc
      .array(fc.tuple(fc.constantFrom(...FIELDS), text), { maxLength: 8 })
      .map((fields): ActionArguments => ({ kind: "form", fields })),
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }).map((args): ActionArguments => ({ kind: "json", args })),
  );
}

function routeRequests(pattern: string, ids: number[]) {
  const segment = fc.oneof(
    fc.constantFrom(...ids).map(String),
    fc.integer({ min: 0, max: 60 }).map(String),
    fc.constantFrom(
      "-1",
      "2147483647",
      "2147483648",
      "99999999999999999999",
      "abc",
      "%00",
      "%E0%A4%A",
      "equipment-single-choice",
      "exercise-backfill",
      "assessments",
    ),
  );
  const authPath = fc.constantFrom(
    "session",
    "csrf",
    "providers",
    "signin",
    "signout",
    "callback/credentials",
    "error",
    "nope",
    "%00",
  );
  const url = fc
    .tuple(
      fc.array(segment, { minLength: 3, maxLength: 3 }),
      authPath,
      fc.dictionary(
        fc.constantFrom("format", "secrets", "status", "page", "q", "check", "cursor", "callbackUrl"),
        textArbitrary(ids),
        { maxKeys: 3 },
      ),
    )
    .map(([segments, auth, query]) => {
      let i = 0;
      const pathname = pattern.replace("[...nextauth]", auth).replace(/\[[^\]]+\]/g, () => segments[i++]);
      const search = new URLSearchParams(query).toString();
      return search ? `${pathname}?${search}` : pathname;
    });
  const set = fc.record(
    {
      exerciseId: fc.oneof(fc.constantFrom(...ids), fc.constantFrom(0, 2147483648, 1.5), fc.integer({ min: 1, max: 60 })),
      weight: fc.oneof(fc.double(), fc.integer({ min: -10, max: 4000 })),
      reps: fc.oneof(fc.integer({ min: -1, max: 2000 }), fc.constant(1.5)),
      rpe: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 11 })),
    },
    { requiredKeys: [] },
  );
  const sessionSave = fc.record(
    {
      name: textArbitrary(ids),
      unit: fc.constantFrom("kg", "lb", "stone"),
      notes: fc.oneof(fc.constant(null), textArbitrary(ids)),
      durationMinutes: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 3000 })),
      finished: fc.boolean(),
      sets: fc.array(set, { maxLength: 6 }),
    },
    { requiredKeys: ["name", "unit", "finished", "sets"] },
  );
  const body = fc.oneof(
    sessionSave.map((b) => JSON.stringify(b)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.constant(undefined),
  );
  return fc.record({ url, method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "PATCH"), body });
}

function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

async function signedInCookie(browser: Browser, base: string, email: string, password: string, signUp = false): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${signUp ? "/sign-up" : "/sign-in"}`);
  if (signUp) await page.getByLabel("Name").fill("Fuzz Athlete");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: signUp ? "Create account" : "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-(in|up)/);
  const cookie = cookieHeader(await context.cookies());
  await context.close();
  return cookie;
}

/** Problems in an answer: a 5xx, or the generic message an action shows when something threw. */
function problem(what: string, answer: { status: number; text: string }): string | null {
  if (answer.status >= 500) return `${what}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`;
  if (answer.text.includes(GENERIC_ERROR)) return `${what}: the generic error (an exception was caught)`;
  return null;
}

/** Run `tasks` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

async function fuzz(browser: Browser, base: string): Promise<void> {
  const admin = await signedInCookie(browser, base, DEMO.admin, DEMO_PASSWORD);
  const athlete = await signedInCookie(browser, base, uniqueEmail("fuzz"), "squat-bench-deadlift", true);
  const athleteId = Number((await (await fetch(`${base}/api/auth/session`, { headers: { cookie: athlete } })).json()).user.id);
  expect(athleteId).toBeGreaterThan(0);

  const actions = serverActions();
  const byName = (name: string) => actions.find((a) => a.name.endsWith(`#${name}`))!;
  // Some data of the athlete's own, so ids of theirs are in the mix beside everyone else's.
  const ownIds: number[] = [];
  for (const [name, input] of [
    ["createSplitAction", { name: "Fuzz split" }],
    ["startSessionAction", {}],
  ] as const) {
    const response = await fetch(`${base}${byName(name).page}`, {
      method: "POST",
      headers: { "next-action": byName(name).id, origin: base, cookie: athlete, "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify([null, input]),
      redirect: "manual",
    });
    const location = response.headers.get("x-action-redirect") ?? "";
    ownIds.push(Number(location.match(/\/(\d+)/)?.[1]));
  }
  expect(
    ownIds.every((id) => id > 0),
    `own ids ${ownIds}`,
  ).toBe(true);
  const ids = [...ownIds, 1, 2, 3, 10, 2147483647];

  const before = await snapshot(base, admin);
  const problems: string[] = [];

  await inParallel(actions, 3, async (action) => {
    await fc
      .assert(
        fc.asyncProperty(actionInputs(ids), async (input) => {
          const asVisitor = problem(`${action.name} as a visitor`, await callAction(base, action, input));
          // Signing out would only end this request's cookie; it is exercised as a visitor.
          const asAthlete = action.name.endsWith("#signOutAction")
            ? null
            : problem(`${action.name} as an athlete`, await callAction(base, action, input, athlete));
          const found = asVisitor ?? asAthlete;
          if (found) problems.push(`${found}\n  input: ${fc.stringify(input)}`);
          return found === null;
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      .catch(() => {}); // The problem is recorded above, with the input that shrank to it.
  });

  await inParallel(routeHandlers(), 3, async (pattern) => {
    await fc
      .assert(
        fc.asyncProperty(routeRequests(pattern, ids), async ({ url, method, body }) => {
          const found =
            problem(`${method} ${url} as a visitor`, await callRoute(base, url, method, body)) ??
            problem(`${method} ${url} as an athlete`, await callRoute(base, url, method, body, athlete));
          if (found) problems.push(`${found}\n  body: ${JSON.stringify(body)?.slice(0, 300)}`);
          return found === null;
        }),
        { numRuns: RUNS * 3, endOnFailure: true },
      )
      .catch(() => {});
  });

  expect(problems, problems.join("\n")).toEqual([]);
  const after = await snapshot(base, admin);
  expect(changesToOthers(before, after, new Set([athleteId]))).toEqual([]);
}

test("the embedded database: no 5xx from any action or route handler, and no one else's data changes", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await fuzz(browser, baseURL!);
});

test.describe("on PostgreSQL", () => {
  let databaseName = "";
  let server: ChildProcess | undefined;
  const base = `http://127.0.0.1:${PG_PORT}`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const admin = postgres(SERVER_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
    const available = await admin`select 1`.then(
      () => true,
      () => false,
    );
    if (!available) {
      await admin.end({ timeout: 1 });
      test.skip(true, `needs PostgreSQL at ${SERVER_URL}`);
      return;
    }
    databaseName = `ironlog_fuzz_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`CREATE DATABASE "${databaseName}"`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${databaseName}`;
    const seeded = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`db:seed failed: ${seeded.stderr}`);
    server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PG_PORT)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url.toString(),
        AUTH_SECRET: "fuzz-test-secret-0123456789abcdef0123",
        AUTH_TRUST_HOST: "true",
        // Required in production on PostgreSQL; nothing listens there: a fuzzed reset request's mail just fails.
        SMTP_URL: "smtp://127.0.0.1:1",
        MAIL_FROM: "Ironlog <no-reply@ironlog.test>",
        APP_URL: base,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    server.stderr?.on("data", (chunk) => process.stderr.write(`[fuzz pg] ${chunk}`));
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [300] })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    if (databaseName) {
      const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
    }
  });

  test("PostgreSQL: no 5xx from any action or route handler, and no one else's data changes", async ({ browser }) => {
    test.setTimeout(180_000);
    await fuzz(browser, base);
  });
});
