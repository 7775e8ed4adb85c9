/**
 * `npm run bench:signin`: does password hashing block everyone else? Measures `GET /api/health` latency
 * on a production server (`next start`, embedded PGlite in .data/bench-signin) first on its own, then
 * while N clients sign in concurrently and without pause through Auth.js's credentials endpoint, each
 * as its own account (so the sign-in throttle never answers for the hash).
 *
 * Hashing on the event loop (bcryptjs) makes every other request wait behind it; a native asynchronous
 * hash (argon2id through @node-rs/argon2, on libuv's thread pool) leaves the event loop free.
 *
 * Options: --signers 20  --duration 15 (seconds under load)  --port 3260
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { openDatabase, runSchemaMigrations } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/passwords";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
const SIGNERS = option("signers", 20);
const DURATION_S = option("duration", 15);
const PORT = option("port", 3260);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-password-123";
const dataDir = path.resolve(".data", "bench-signin");

async function prepareDatabase(): Promise<string[]> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
  try {
    await runSchemaMigrations(database);
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: SIGNERS }, (_, i) => `signer-${i + 1}@ironlog.dev`);
    await database.db.insert(users).values(emails.map((email) => ({ email, passwordHash })));
    return emails;
  } finally {
    await database.close();
  }
}

let serverGroup: number | undefined;

async function startServer(): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  // scripts/serve.mjs: `next start` as `npm start` serves it (passing the socket address to the app).
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      IRONLOG_DATA_DIR: dataDir,
      DATABASE_URL: "",
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
      if ((await request("GET", "/api/health")).status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer();
  throw new Error(`The server did not answer /api/health within 60 s:\n${log}`);
}

function stopServer(): void {
  // End the whole group we started, by its id.
  if (serverGroup) {
    try {
      process.kill(-serverGroup, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function request(method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE}${url}`, { method, agent, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const cookiesFrom = (reply: Reply) => (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** One sign-in as the sign-in form does it; true when Auth.js answered with a session cookie. */
async function signIn(email: string): Promise<boolean> {
  const csrf = await request("GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const reply = await request("POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesFrom(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${BASE}/dashboard` }).toString(),
  });
  return cookiesFrom(reply).some((c) => c.startsWith("authjs.session-token="));
}

/** /api/health one request after another until `until`, returning each latency in ms. */
async function sampleHealth(until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    await request("GET", "/api/health");
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return latencies;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  return `p50 ${ms(at(50))}  p95 ${ms(at(95))}  p99 ${ms(at(99))}  max ${ms(sorted.at(-1) ?? NaN)}  (${sorted.length} requests)`;
}

async function main(): Promise<void> {
  console.log(`Preparing ${SIGNERS} accounts on embedded PGlite…`);
  const emails = await prepareDatabase();
  await startServer();
  try {
    // Warm up: compile caches, the first hash, the database connection.
    for (const email of emails.slice(0, 2)) await signIn(email);
    const quietEnd = performance.now() + 5_000;
    const quiet = await sampleHealth(() => performance.now() >= quietEnd);

    const loadEnd = performance.now() + DURATION_S * 1000;
    let signIns = 0;
    let failures = 0;
    const signers = emails.map(async (email) => {
      while (performance.now() < loadEnd) {
        if (await signIn(email)) signIns++;
        else failures++;
      }
    });
    const loaded = await sampleHealth(() => performance.now() >= loadEnd);
    await Promise.all(signers);

    console.log(
      `\n/api/health latency on ${BASE} (${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")})`,
    );
    console.log(`  alone                              ${summary(quiet)}`);
    console.log(`  during ${SIGNERS} concurrent sign-ins       ${summary(loaded)}`);
    console.log(`  sign-ins: ${signIns} in ${DURATION_S} s (${(signIns / DURATION_S).toFixed(1)}/s), ${failures} failed`);
    console.log(
      `  floor to compare with: the 'alone' p50; the issue's target is that sign-ins barely move it (it was 45 ms → 3.1 s)`,
    );
  } finally {
    stopServer();
    agent.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    stopServer();
    process.exit(1);
  },
);
