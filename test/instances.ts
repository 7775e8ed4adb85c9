/**
 * Several app instances (`npm start`, each in a process group of its own) on their own ports against
 * one scratch PostgreSQL database, seeded as an operator would (`npm run db:seed`). Used by the
 * two-instance e2e specs and by `npm run bench:soak`, which kills one and starts it again. Or the demo
 * as a newcomer starts it (`startDemo`: `npm start` on an embedded database of its own).
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
export async function seededDatabase(
  prefix: string,
  options: { pooler?: string; serverUrl?: string } = {},
): Promise<ScratchDatabase> {
  const serverUrl = options.serverUrl ?? SERVER_URL;
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const directUrl = onDatabase(serverUrl, name);
  const appEnv: Record<string, string> = options.pooler
    ? { DATABASE_URL: onDatabase(options.pooler, name), DATABASE_POOLER: "transaction", DIRECT_DATABASE_URL: directUrl }
    : { DATABASE_URL: directUrl };
  const drop = async () => {
    const closing = postgres(serverUrl, { max: 1, onnotice: () => {} });
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

async function waitForHealth(url: string, exited: () => number | null, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited() !== null) throw new Error(`The server for ${url} exited with ${exited()}`);
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

/** One `npm start` on its port, in a process group of its own. */
export interface AppInstance {
  port: number;
  url: string;
  /** Starts it (again, after a kill); resolves once it answers /api/health. */
  start(): Promise<void>;
  /**
   * SIGKILL to the whole group, as a crashed machine would end it: `npm start` runs scripts/serve.mjs
   * as a child, which would go on serving if only `npm start` died.
   */
  kill(): Promise<void>;
  /** SIGTERM to the group, then SIGKILL if it has not ended within a few seconds. */
  stop(): Promise<void>;
}

export interface Instances {
  urls: string[];
  instances: AppInstance[];
  stop(): Promise<void>;
}

/** Every instance shares one secret: that is what makes a session valid on all of them. */
export const INSTANCES_AUTH_SECRET = "multi-instance-test-secret-0123456789abcdef";

function appInstance(
  database: Pick<ScratchDatabase, "appEnv">,
  port: number,
  extraEnv: Record<string, string>,
  healthTimeoutMs?: number,
): AppInstance {
  const url = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const ended = () => (server ? (server.exitCode ?? (server.signalCode ? 128 : null)) : 0);
  // The group outlives `npm start` itself by a moment (scripts/serve.mjs closes its server first).
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    if (!server?.pid) return false;
    try {
      process.kill(-server.pid, signal);
      return true;
    } catch {
      return false; // The group has gone.
    }
  };
  const groupGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (signalGroup(0)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  };
  return {
    port,
    url,
    async start() {
      // The operator's command (scripts/start.ts): it checks the schema, then runs scripts/serve.mjs.
      server = spawn("npm", ["start", "--silent", "--", "--port", String(port)], {
        env: {
          ...process.env,
          ...database.appEnv,
          NODE_ENV: "production",
          AUTH_SECRET: INSTANCES_AUTH_SECRET,
          AUTH_TRUST_HOST: "true",
          // Required in production on PostgreSQL; nothing listens there unless the caller says where.
          SMTP_URL: "smtp://127.0.0.1:1",
          MAIL_FROM: "Ironlog <no-reply@ironlog.test>",
          APP_URL: url,
          ...extraEnv,
        },
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      });
      server.stderr?.on("data", (chunk) => process.stderr.write(`[${port}] ${chunk}`));
      try {
        await waitForHealth(url, ended, healthTimeoutMs);
      } catch (error) {
        await this.stop();
        throw error;
      }
    },
    async kill() {
      signalGroup("SIGKILL");
      await groupGone(5_000);
    },
    async stop() {
      signalGroup("SIGTERM");
      if (!(await groupGone(5_000))) {
        signalGroup("SIGKILL");
        await groupGone(5_000);
      }
    },
  };
}

/** Production servers on `ports`, one database, one shared secret; resolves once every one is healthy. */
export async function startInstances(
  database: ScratchDatabase,
  ports: readonly number[],
  options: { env?: Record<string, string> } = {},
): Promise<Instances> {
  const instances = ports.map((port) => appInstance(database, port, options.env ?? {}));
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  };
  try {
    await Promise.all(instances.map((instance) => instance.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: instances.map((i) => i.url), instances, stop };
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
 * outbox. Whatever mail or database settings the suite's environment has are taken away, and the demo
 * makes its own secret in its data folder.
 */
export async function startDemo(port: number): Promise<DemoInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-demo-"));
  const noSettings = { DATABASE_URL: "", DATABASE_POOLER: "", DIRECT_DATABASE_URL: "", AUTH_SECRET: "" };
  const mailAndAddress = { SMTP_URL: "", MAIL_FROM: "", APP_URL: "", TRUSTED_PROXIES: "" };
  // Loading the demo data into a new embedded database comes before the first answer.
  const instance = appInstance({ appEnv: {} }, port, { IRONLOG_DATA_DIR: dataDir, ...noSettings, ...mailAndAddress }, 240_000);
  const stop = async () => {
    await instance.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await instance.start();
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { url: instance.url, dataDir, stop };
}
