/**
 * Lighthouse's mobile preset (simulated slow 4G, a CPU four times slower) on the app's pages, beside an
 * empty Next page built and served the same way in the same run: a score depends on how busy the machine
 * is, so the figure to read is each page's distance from that floor, not the score alone.
 *
 * The empty page (bench/empty-page: one client component, Next's default configuration) is built with this
 * project's Next and served by the same scripts/serve.mjs.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

export const CHROMIUM = "/usr/bin/chromium";
export const LIGHTHOUSE_VERSION = (
  JSON.parse(fs.readFileSync(path.resolve("node_modules", "lighthouse", "package.json"), "utf8")) as { version: string }
).version;
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"];

export type LighthouseTarget = { label: string; url: string; cookie?: string };
export type LighthouseRun = { score: number; tbtMs: number; lcpMs: number; cls: number };

/**
 * Builds the empty page in a fresh temporary folder and returns it. The folder gets its own hard-linked
 * copy of this project's node_modules (the same Next, React and compiler, byte for byte): built inside
 * this project instead, Turbopack would take the project as the page's root and build Ironlog's proxy and
 * instrumentation into it, and a symlink to node_modules is refused as pointing outside the root.
 */
export function buildEmptyPage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-empty-page-"));
  fs.cpSync(path.resolve("bench", "empty-page"), dir, { recursive: true });
  const link = spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")], { encoding: "utf8" });
  if (link.status !== 0) throw new Error(`Could not link node_modules into ${dir}: ${link.stderr}`);
  const build = spawnSync(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build", dir], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`Building the empty page failed:\n${build.stdout}\n${build.stderr}`);
  for (const own of ["instrumentation.js", "middleware.js"])
    if (fs.existsSync(path.join(dir, ".next", "server", own)))
      throw new Error(`The empty page was built with a ${own}: not empty`);
  return dir;
}

/** Serves a built Next app with scripts/serve.mjs, as the bench serves Ironlog; resolves once it answers. */
export async function serveApp(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1", "--dir", dir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
    detached: true,
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopGroup(server);
  throw new Error(`The empty page did not answer within 60 s:\n${log}`);
}

/** Ends the process group we started, by its id. */
export function stopGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

/**
 * Every target `runs` times, the targets interleaved (run 1 of each, then run 2…) so a busier minute of the
 * machine falls on all pages alike. Each run gets a fresh Chromium (a new profile: an empty cache and no
 * cookie from an earlier page, such as the time zone the app sets), and a signed-in page gets the session
 * cookie in the browser's cookie jar, as a signed-in browser has it.
 */
export async function lighthouseSeries(
  targets: LighthouseTarget[],
  runs: number,
  onRun: (target: LighthouseTarget, run: number, result: LighthouseRun) => void = () => {},
  saveDir?: string,
): Promise<Map<string, LighthouseRun[]>> {
  const results = new Map<string, LighthouseRun[]>(targets.map((t) => [t.label, []]));
  if (saveDir) fs.mkdirSync(saveDir, { recursive: true });
  for (let run = 1; run <= runs; run++) {
    for (const target of targets) {
      const save = saveDir && path.join(saveDir, `${target.label.replace(/[^\w-]+/g, "_")}-run${run}.json`);
      const measured = await lighthouseRun(target, save || undefined);
      results.get(target.label)!.push(measured);
      onRun(target, run, measured);
    }
  }
  return results;
}

/**
 * One run in a fresh Chromium. Lighthouse sometimes fails to record a trace on a busy machine
 * (NO_NAVSTART, NO_FCP): such a run is tried again, up to RUN_ATTEMPTS in all, before the series stops.
 */
const RUN_ATTEMPTS = 3;

async function lighthouseRun(target: LighthouseTarget, saveAs?: string, attempt = 1): Promise<LighthouseRun> {
  try {
    return await lighthouseOnce(target, saveAs);
  } catch (error) {
    if (attempt >= RUN_ATTEMPTS || !(error instanceof LighthouseRuntimeError)) throw error;
    console.log(`  (${error.message}; trying again)`);
    return lighthouseRun(target, saveAs, attempt + 1);
  }
}

class LighthouseRuntimeError extends Error {}

async function lighthouseOnce(target: LighthouseTarget, saveAs?: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    // In the jar, not as a request header: a header reaches the page's own requests only, and a signed-in
    // page's saves and polls (some of them sent on by the service worker) would be refused as signed out.
    const page = await browser.newPage();
    for (const pair of target.cookie?.split("; ") ?? []) {
      const at = pair.indexOf("=");
      await page.setCookie({ name: pair.slice(0, at), value: pair.slice(at + 1), url: target.url });
    }
    // The service worker is left out: once installed, it fetches the pages a workout with no signal needs
    // (signed in, each rendered by the server), and here that server shares the machine's two cores with the
    // browser being measured, where a phone's server is elsewhere. The page never waits for it.
    const result = await lighthouse(
      target.url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        blockedUrlPatterns: ["*/serwist/sw.js"],
      },
      undefined,
      page,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${target.url}`);
    if (saveAs) {
      fs.writeFileSync(saveAs, JSON.stringify(lhr));
      // The run's trace too, for Chromium's Performance panel: which task ran what.
      const trace = (result.artifacts as { Trace?: unknown }).Trace;
      if (trace) fs.writeFileSync(saveAs.replace(/\.json$/, ".trace.json"), JSON.stringify(trace));
    }
    if (lhr.runtimeError)
      throw new LighthouseRuntimeError(`Lighthouse could not load ${target.url}: ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(target.url).pathname)
      throw new Error(`${target.url} ended on ${lhr.finalDisplayedUrl} (signed out?)`);
    const requests = (lhr.audits["network-requests"]?.details as { items?: { url: string; statusCode: number }[] })?.items ?? [];
    const refused = target.cookie ? requests.filter((request) => request.statusCode === 401).map((request) => request.url) : [];
    if (refused.length) throw new Error(`${target.url} was measured signed out: ${refused.join(", ")} answered 401`);
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    };
  } finally {
    await browser.disconnect();
    chrome.kill();
  }
}

/** The best of a page's runs: the highest score (ties: the lower blocking time). */
export function bestRun(runs: LighthouseRun[]): LighthouseRun {
  return [...runs].sort((a, b) => b.score - a.score || a.tbtMs - b.tbtMs)[0];
}
