/**
 * `npm run bench:web`: how fast the athlete's logging path is under load, against a production
 * server (`next start`) on loopback.
 *
 * 1. Prepares a fresh database (embedded PGlite in .data/bench; or, with DATABASE_URL, a scratch
 *    database created on that server and dropped afterwards) with the demo data and N bench athletes,
 *    each with a generated program and a session started from its first day.
 * 2. Starts `next start` on it (needs a prior `npm run build`) and signs every athlete in through
 *    Auth.js, as a browser would.
 * 3. Drives the athletes concurrently: opening the logging page (GET /log/:id), then saving sets
 *    (PUT /api/sessions/:id, the logger's save: the changed set, merged by identity in one transaction). Each runs
 *    closed-loop (every athlete sends its next request as soon as the last one answers: the
 *    server's saturation point, where latency is mostly queueing) and paced (each athlete sends
 *    `--rate` requests a second: latency as athletes feel it).
 * 4. Prints p50/p95/p99 latency, throughput and errors for each, and the first-load JavaScript of
 *    each athlete page (gzipped scripts its HTML references; `next build` 16 no longer prints it).
 * 5. Runs Lighthouse's mobile preset (scripts/bench/lighthouse.ts) on every athlete page, signed in as
 *    the demo athlete, and on the sign-in and sign-up pages, beside an empty Next page built and served
 *    the same way in the same run; prints each page's best score and total blocking time by the empty
 *    page's. Run it on a machine doing nothing else: its scores move with the load.
 *
 * Run with `tsx --conditions=react-server` (as `npm run bench:web` does): it reuses server/ modules, whose
 * `import "server-only"` marker resolves to a no-op under that condition instead of throwing.
 *
 * Options: --athletes 50  --duration 15 (seconds per run)  --rate 0.2 (requests/s per athlete, paced)
 *          --port 3210  --keep (leave the bench database in place)
 *          --no-load (skip the latency runs)  --lighthouse-runs 3 (0: no Lighthouse)
 *          --lighthouse-pages /dashboard,/sign-in (only these routes, and the empty page)
 *          --lighthouse-save DIR (keep every run's Lighthouse report and trace there, to see where the time goes)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseConfig, openDatabase, runSchemaMigrations } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { hashPassword } from "@/server/auth/passwords";
import { env as environment } from "@/server/env";
import { startSession } from "@/server/services/sessions";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { getGeneratedProgram } from "@/server/queries/splits";
import { FIRST_LOAD_JS_BUDGET_KB, firstLoadJs, formatFirstLoadJs } from "./bench/first-load-js";
import {
  bestRun,
  buildEmptyPage,
  LIGHTHOUSE_VERSION,
  lighthouseSeries,
  serveApp,
  stopGroup,
  type LighthouseTarget,
} from "./bench/lighthouse";
import { closeConnections, percentile, request as httpRequest, signIn as signInAt } from "./bench/http";
import { BENCH_PASSWORD, seedBenchAthlete } from "./bench/athletes";
import { ATHLETE_PAGES, ID_LINKS, PUBLIC_PAGES, type PageIds } from "./bench/pages";
import { generateWorkouts, strongCsv } from "@/test/history-files";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
const ATHLETES = option("athletes", 50);
const DURATION_S = option("duration", 15);
// Paced runs: one request every 5 s per athlete by default. Real athletes tick a set every one to three
// minutes, so this is a dozen times busier than a gym full of them, without saturating the server.
const RATE = option("rate", 0.2);
const PORT = option("port", 3210);
const KEEP = args.includes("--keep");
const LOAD = !args.includes("--no-load");
const LIGHTHOUSE_RUNS = args.includes("--lighthouse-runs") ? Number(args[args.indexOf("--lighthouse-runs") + 1]) : 3;
const LIGHTHOUSE_PAGES = args.includes("--lighthouse-pages")
  ? args[args.indexOf("--lighthouse-pages") + 1].split(",")
  : undefined;
const LIGHTHOUSE_SAVE = args.includes("--lighthouse-save") ? args[args.indexOf("--lighthouse-save") + 1] : undefined;
const EMPTY_PAGE_PORT = PORT + 1;
/** The demo athlete (db/seed.ts): a full history, a custom split, records, so every page shows all it can. */
const DEMO_ATHLETE = { email: "athlete@ironlog.dev", password: "ironlog-demo" };
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = BENCH_PASSWORD;

// ---- database -----------------------------------------------------------------------------------

type Athlete = { email: string; sessionId: number; exerciseIds: number[]; slotIds: string[]; cookie: string };

async function prepareDatabase(): Promise<{
  env: Record<string, string>;
  athletes: Omit<Athlete, "cookie">[];
  cleanup: () => Promise<void>;
}> {
  let env: Record<string, string>;
  let config: DatabaseConfig;
  let cleanup = async () => {};
  const serverUrl = environment().DATABASE_URL;
  if (serverUrl) {
    const name = `ironlog_bench_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // Production on PostgreSQL requires mail settings; the benchmark sends none (nothing listens on port 1).
    env = {
      DATABASE_URL: url.toString(),
      SMTP_URL: "smtp://127.0.0.1:1",
      MAIL_FROM: "Ironlog <no-reply@ironlog.test>",
      APP_URL: "http://127.0.0.1",
    };
    config = { url: url.toString() };
    cleanup = async () => {
      if (!KEEP) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dataDir = path.resolve(".data", "bench");
    fs.rmSync(dataDir, { recursive: true, force: true });
    env = { IRONLOG_DATA_DIR: dataDir, DATABASE_URL: "" };
    config = { dataDir: path.join(dataDir, "pglite") };
  }

  const database = await openDatabase(config);
  const athletes: Omit<Athlete, "cookie">[] = [];
  try {
    await runSchemaMigrations(database);
    await seedDemoData(database.db, { hashPassword });
    const passwordHash = await hashPassword(PASSWORD);
    for (let i = 1; i <= ATHLETES; i++) {
      const { email, userId } = await seedBenchAthlete(database.db, i, passwordHash);
      const program = await getGeneratedProgram(database.db, userId);
      const day = program!.days[0];
      const sessionId = await startSession(database.db, userId, { splitDayId: day.id });
      const snapshot = await sessionSnapshot(database.db, userId, sessionId);
      athletes.push({
        email,
        sessionId,
        exerciseIds: day.exercises.map((e) => e.exerciseId),
        slotIds: snapshot!.exercises.map((e) => e.id),
      });
    }
  } finally {
    await database.close();
  }
  return { env, athletes, cleanup };
}

// ---- server -------------------------------------------------------------------------------------

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  // scripts/serve.mjs: `next start` as `npm start` serves it (passing the socket address to the app).
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
    },
    detached: true,
  });
  serverGroup = server.pid;
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const health = await request("GET", "/api/health");
      if (health.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(server);
  throw new Error(`The server did not answer /api/health within 60 s:\n${log}`);
}

function stopServer(server: ChildProcess): void {
  // End the whole group we started, by its id.
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
  }
}

// ---- HTTP ---------------------------------------------------------------------------------------

const request = (method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}) =>
  httpRequest(method, `${url.startsWith("http") ? "" : BASE}${url}`, options);
const signIn = (email: string, password = PASSWORD) => signInAt(BASE, email, password);

// ---- load ---------------------------------------------------------------------------------------

type RunResult = {
  name: string;
  latencies: number[];
  errors: number;
  statuses: Map<number, number>;
  seconds: number;
  cpuMsPerRequest: number | null;
};

let serverGroup: number | undefined;

/**
 * CPU time (ms) used so far by the server's process group, from /proc (Linux). Latency depends on
 * everything else the machine runs; CPU per request is the server's own cost.
 */
function serverCpuMs(): number | null {
  if (!serverGroup || !fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the command: state(0) ppid(1) pgrp(2) … utime(11) stime(12).
      if (Number(fields[2]) === serverGroup) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return (ticks * 1000) / 100;
}

/**
 * Every athlete runs its own loop for the duration: closed-loop when `perSecond` is undefined,
 * otherwise one request every 1/perSecond s (a late request is sent at once, not skipped).
 */
async function run(
  name: string,
  athletes: Athlete[],
  make: (a: Athlete, n: number) => { method: string; url: string; body?: string },
  perSecond?: number,
): Promise<RunResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const cpuBefore = serverCpuMs();
  const started = performance.now();
  const end = started + DURATION_S * 1000;
  await Promise.all(
    athletes.map(async (athlete, index) => {
      let n = 0;
      // Spread the paced athletes' first requests over one interval.
      let next = started + (perSecond ? (index / athletes.length) * (1000 / perSecond) : 0);
      while (performance.now() < end) {
        if (perSecond) {
          const wait = next - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          next += 1000 / perSecond;
          if (performance.now() >= end) break;
        }
        const r = make(athlete, n++);
        const t0 = performance.now();
        try {
          const reply = await request(r.method, r.url, {
            headers: { cookie: athlete.cookie, ...(r.body ? { "content-type": "application/json" } : {}) },
            body: r.body,
          });
          latencies.push(performance.now() - t0);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status >= 400) errors++;
        } catch (error) {
          errors++;
          if (errors <= 3) console.error(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const cpuAfter = serverCpuMs();
  const cpuMsPerRequest =
    cpuBefore !== null && cpuAfter !== null && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null;
  return { name, latencies, errors, statuses, seconds: (performance.now() - started) / 1000, cpuMsPerRequest };
}

function report(result: RunResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);
  const statuses = [...result.statuses].map(([s, n]) => `${s}×${n}`).join(" ");
  return `${result.name.padEnd(38)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  ${(sorted.length / result.seconds).toFixed(0).padStart(5)} req/s  ${String(result.errors).padStart(3)} errors  ${result.cpuMsPerRequest === null ? "" : `${result.cpuMsPerRequest.toFixed(1)} ms server CPU/req  `}(${sorted.length} requests; ${statuses})`;
}

/**
 * What the logger sends when the count-th set is ticked: that one set, by identity, in its planned
 * slot (later rounds edit the same twelve sets again, with newer times, so every save writes).
 */
function saveBody(athlete: Athlete, count: number): string {
  const i = count - 1;
  const at = Date.now();
  const id = `00000000-0000-4000-8000-${String(athlete.sessionId).padStart(6, "0")}${String(i).padStart(6, "0")}`;
  const set = {
    id,
    slotId: athlete.slotIds[Math.floor(i / 3) % athlete.slotIds.length],
    position: i % 3,
    values: { weightKg: 40 + (i % 3) * 2.5 + (at % 4) * 0.5, reps: 8, rpe: 8, missed: false },
    times: { weightKg: at, reps: at, rpe: at, missed: at, position: at },
  };
  return JSON.stringify({ baseRevision: 0, unit: "kg", sets: [set] });
}

// ---- pages as the demo athlete --------------------------------------------------------------------

/** Signs the demo athlete in and finds the ids each athlete page's address needs (an import preview is made). */
async function demoAthletePages(): Promise<{ cookie: string; pages: { route: string; url: string }[] }> {
  const cookie = await signIn(DEMO_ATHLETE.email, DEMO_ATHLETE.password);
  async function linked(page: string, link: RegExp): Promise<string> {
    const html = (await request("GET", page, { headers: { cookie } })).body.toString();
    const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((h) => link.test(h));
    if (!href) throw new Error(`No link matching ${link} on ${page}`);
    return href.split("/").pop()!;
  }
  const upload = await request("POST", "/api/history/import?name=bench.csv&tz=UTC", {
    headers: { cookie, "content-type": "text/csv" },
    body: strongCsv(generateWorkouts({ workouts: 3, setsPerExercise: 2, seed: 7 })),
  });
  if (upload.status !== 201) throw new Error(`The import preview was refused (HTTP ${upload.status}): ${upload.body}`);
  const ids: PageIds = {
    session: await linked(ID_LINKS.session.page, ID_LINKS.session.link),
    exercise: await linked(ID_LINKS.exercise.page, ID_LINKS.exercise.link),
    split: await linked(ID_LINKS.split.page, ID_LINKS.split.link),
    preview: (JSON.parse(upload.body.toString()) as { previewId: string }).previewId,
  };
  return { cookie, pages: Object.entries(ATHLETE_PAGES).map(([route, url]) => ({ route, url: url(ids) })) };
}

// ---- Lighthouse ---------------------------------------------------------------------------------

const EMPTY_PAGE = "empty Next page";

async function lighthouseReport(demo: { cookie: string; pages: { route: string; url: string }[] }): Promise<void> {
  console.log("\nBuilding the empty Next page (bench/empty-page) the way the app is built…");
  const emptyDir = buildEmptyPage();
  const empty = await serveApp(emptyDir, EMPTY_PAGE_PORT);
  try {
    const wanted = (route: string) => !LIGHTHOUSE_PAGES || LIGHTHOUSE_PAGES.includes(route);
    const targets: LighthouseTarget[] = [
      { label: EMPTY_PAGE, url: `http://127.0.0.1:${EMPTY_PAGE_PORT}/` },
      ...demo.pages.filter((p) => wanted(p.route)).map((p) => ({ label: p.route, url: `${BASE}${p.url}`, cookie: demo.cookie })),
      ...PUBLIC_PAGES.filter(wanted).map((p) => ({ label: p, url: `${BASE}${p}` })),
    ];
    const loadBefore = os.loadavg();
    console.log(
      `Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset, ${targets.length} pages × ${LIGHTHOUSE_RUNS} runs (load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")})…`,
    );
    const results = await lighthouseSeries(
      targets,
      LIGHTHOUSE_RUNS,
      (target, n, r) =>
        console.log(
          `  run ${n} ${target.label.padEnd(22)} ${String(r.score).padStart(3)}  TBT ${r.tbtMs.toFixed(0).padStart(5)} ms`,
        ),
      LIGHTHOUSE_SAVE,
    );
    const floor = bestRun(results.get(EMPTY_PAGE)!);
    console.log(
      `\nBest of ${LIGHTHOUSE_RUNS} (score, total blocking time, largest contentful paint, layout shift), beside the empty page; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} after`,
    );
    for (const target of targets) {
      const best = bestRun(results.get(target.label)!);
      const gap =
        target.label === EMPTY_PAGE
          ? ""
          : `  ${best.score - floor.score >= 0 ? "+" : ""}${best.score - floor.score} vs empty (${floor.score}, TBT ${floor.tbtMs.toFixed(0)} ms)`;
      console.log(
        `  ${target.label.padEnd(22)} ${String(best.score).padStart(3)}  TBT ${best.tbtMs.toFixed(0).padStart(5)} ms  LCP ${(best.lcpMs / 1000).toFixed(1).padStart(4)} s  CLS ${best.cls.toFixed(3)}${gap}`,
      );
    }
  } finally {
    stopGroup(empty);
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`Preparing ${ATHLETES} bench athletes on ${environment().DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}…`);
  const { env, athletes: prepared, cleanup } = await prepareDatabase();
  const server = await startServer(env);
  try {
    const athletes: Athlete[] = [];
    for (const a of prepared) athletes.push({ ...a, cookie: await signIn(a.email) });
    console.log(`Signed in ${athletes.length} athletes on ${BASE}. ${DURATION_S} s per run, ${machine()}.\n`);

    if (LOAD) {
      const openLog = (a: Athlete) => ({ method: "GET", url: `/log/${a.sessionId}` });
      const saveSet = (a: Athlete, n: number) => ({
        method: "PUT",
        url: `/api/sessions/${a.sessionId}`,
        body: saveBody(a, (n % 12) + 1),
      });
      // Warm up: compile caches, open connections.
      await Promise.all(
        athletes.map(async (a) => {
          await request("GET", openLog(a).url, { headers: { cookie: a.cookie } });
          await request("PUT", saveSet(a, 0).url, {
            headers: { cookie: a.cookie, "content-type": "application/json" },
            body: saveSet(a, 0).body,
          });
        }),
      );

      const results = [
        await run(`open logging page, ${ATHLETES} closed-loop`, athletes, openLog),
        await run(`save a set, ${ATHLETES} closed-loop`, athletes, saveSet),
        await run(`open logging page, ${ATHLETES} × ${RATE}/s`, athletes, openLog, RATE),
        await run(`save a set, ${ATHLETES} × ${RATE}/s`, athletes, saveSet, RATE),
      ];
      console.log("Latency under load (client on the same machine; targets: p95 < 50 ms, 0 errors)");
      for (const r of results) console.log(`  ${report(r)}`);
    }

    const demo = await demoAthletePages();
    console.log(
      `\nFirst-load JavaScript per page, as the demo athlete (scripts in the served HTML, gzipped; budget ${FIRST_LOAD_JS_BUDGET_KB} kB)`,
    );
    const get = async (url: string, cookie?: string) => request("GET", url, { headers: cookie ? { cookie } : {} });
    const athleteRows = await firstLoadJs(
      get,
      demo.pages.map((p) => p.url),
      demo.cookie,
    );
    for (const row of [...athleteRows, ...(await firstLoadJs(get, PUBLIC_PAGES))]) console.log(`  ${formatFirstLoadJs(row)}`);

    if (LIGHTHOUSE_RUNS > 0) await lighthouseReport(demo);
  } finally {
    stopServer(server);
    closeConnections();
    await cleanup();
  }
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
