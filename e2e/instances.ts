/**
 * Several app instances (scripts/serve.mjs, the `next start` that `npm start` runs) on their own
 * ports against one scratch PostgreSQL database, seeded as an operator would (`npm run db:seed`); or
 * the demo as a newcomer starts it (`startDemo`: `npm start` on an embedded database of its own).
 *
 * Through a transaction-mode pooler when asked (`pooler`: the PgBouncer at TEST_PGBOUNCER_URL, which CI
 * starts in front of its PostgreSQL): the instances and the seed get DATABASE_URL on the pooler with
 * DATABASE_POOLER=transaction, and the seed's schema migrations go through DIRECT_DATABASE_URL, as the
 * operator guide says. The database itself is created and dropped on the server directly.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The pooler the pooled specs go through (CI sets it; see .ci/run). */
export const POOLER_URL = process.env.TEST_PGBOUNCER_URL;

export async function postgresAvailable(url = SERVER_URL): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {}, prepare: false });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}

function onDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface ScratchDatabase {
  /** The database on the server, for the test's own checks and for schema migrations. */
  directUrl: string;
  /** What the app is given: DATABASE_URL and, through a pooler, DATABASE_POOLER and DIRECT_DATABASE_URL. */
  appEnv: Record<string, string>;
  drop(): Promise<void>;
}

/** A new database with the schema and the demo data, loaded by `db:seed` with the app's environment. */
export async function seededDatabase(prefix: string, options: { pooler?: string } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const directUrl = onDatabase(SERVER_URL, name);
  const appEnv: Record<string, string> = options.pooler
    ? { DATABASE_URL: onDatabase(options.pooler, name), DATABASE_POOLER: "transaction", DIRECT_DATABASE_URL: directUrl }
    : { DATABASE_URL: directUrl };
  const drop = async () => {
    const closing = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await closing.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await closing.end();
  };
  // The seed hashes passwords with server code, so it runs as the operator's command does.
  const seeded = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], {
    env: { ...process.env, ...appEnv },
    encoding: "utf8",
  });
  if (seeded.status !== 0) {
    await drop();
    throw new Error(`db:seed failed: ${seeded.stderr}`);
  }
  return { directUrl, appEnv, drop };
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server for ${url} exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not become healthy`);
}

export interface Instances {
  urls: string[];
  stop(): Promise<void>;
}

/** Production servers on `ports`, one database, one shared secret; resolves once every one is healthy. */
export async function startInstances(database: ScratchDatabase, ports: readonly number[]): Promise<Instances> {
  const servers = ports.map((port) => {
    const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
      env: {
        ...process.env,
        ...database.appEnv,
        NODE_ENV: "production",
        // Every instance shares one secret: that is what makes a session valid on both.
        AUTH_SECRET: "multi-instance-test-secret-0123456789abcdef",
        AUTH_TRUST_HOST: "true",
        // Required in production on PostgreSQL; nothing listens there, and nothing here sends mail.
        SMTP_URL: "smtp://127.0.0.1:1",
        MAIL_FROM: "Ironlog <no-reply@ironlog.test>",
        APP_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stderr?.on("data", (chunk) => process.stderr.write(`[${port}] ${chunk}`));
    return server;
  });
  const stop = async () => {
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.once("exit", r)) : null)));
  };
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  try {
    await Promise.all(urls.map((url, i) => waitForHealth(url, servers[i])));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

/** Stop a server process and wait until it has exited. */
async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

export interface DemoInstance {
  url: string;
  /** The embedded database's folder (its outbox is `outbox/` in it). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The demo as `npm start` serves it to a newcomer: production, the embedded database in a new folder
 * of its own (seeded with the demo data on the way up), and no SMTP_URL, so mail is kept in the demo
 * outbox. Whatever mail or database settings the suite's environment has are taken away.
 */
export async function startDemo(port: number): Promise<DemoInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-demo-"));
  const server = spawn(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/start.ts", "--port", String(port)],
    {
      env: {
        ...process.env,
        IRONLOG_DATA_DIR: dataDir,
        DATABASE_URL: "",
        DATABASE_POOLER: "",
        DIRECT_DATABASE_URL: "",
        SMTP_URL: "",
        MAIL_FROM: "",
        APP_URL: "",
        // The embedded demo makes its own secret in its data folder.
        AUTH_SECRET: "",
        TRUSTED_PROXIES: "",
      },
      // Its log (every kept message is written there too) is not read: the spec reads the outbox page.
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  server.stderr?.on("data", (chunk) => process.stderr.write(`[demo ${port}] ${chunk}`));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // scripts/start.ts passes the signal on to the server it started and exits with it.
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Loading the demo data into a new embedded database comes first.
    await waitForHealth(url, server, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop };
}
