/**
 * Measuring tools for bench:migrate: wall and CPU time (this process and the Postgres backends, read
 * from /proc since the server runs on this machine), time spent in each part of a migration's
 * declaration, a probe that times an athlete's writes while a run goes on, and the command line run
 * as a child process with its peak memory.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, queryRows } from "@/db/client";
import type { AnyDataMigration } from "@/server/migrations/types";

export type Db = Database["db"];

/** CPU milliseconds of each backend of this database, by pid. */
export async function postgresCpu(db: Db): Promise<Map<number, number>> {
  const pids = await queryRows<{ pid: number }>(db, sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const cpu = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // clock ticks (100 Hz) to ms
    } catch {
      // Not local, or the backend is gone.
    }
  }
  return cpu;
}

/** Seconds of CPU spent between two readings, by every backend or only by those `only` accepts. */
export function cpuSpent(
  before: Map<number, number>,
  after: Map<number, number>,
  only: (pid: number) => boolean = () => true,
): number {
  let ms = 0;
  for (const [pid, now] of after) if (only(pid)) ms += now - (before.get(pid) ?? 0);
  return ms / 1000;
}

export interface Timed<T> {
  result: T;
  wall: number;
  node: number;
  pg: number;
  pgBefore: Map<number, number>;
  pgAfter: Map<number, number>;
}

/** Time some work: wall seconds, this process's CPU seconds and the Postgres backends' CPU seconds. */
export async function timed<T>(db: Db, work: () => Promise<T>): Promise<Timed<T>> {
  const pgBefore = await postgresCpu(db);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Backends that ended during the work (the pool closes idle ones) are not counted: reading happens before they can.
  const pgAfter = await postgresCpu(db);
  return { result, wall, node: (cpu.user + cpu.system) / 1e6, pg: cpuSpent(pgBefore, pgAfter), pgBefore, pgAfter };
}

export const PARTS = ["fingerprint", "readBatch", "classify", "writeBatch", "verify"] as const;
export type Part = (typeof PARTS)[number];

/**
 * Wrap a migration declaration's own functions with timers, for one run, without touching the
 * engine. Each part's time is from the call to its answer; the engine queues reads and writes on the
 * run's connection, so they never overlap each other. The run's backend pid is noted too, to tell its
 * CPU from the item writers'.
 */
export function instrument(migration: AnyDataMigration) {
  const spent: Record<Part, number> = { fingerprint: 0, readBatch: 0, classify: 0, writeBatch: 0, verify: 0 };
  const calls: Record<Part, number> = { fingerprint: 0, readBatch: 0, classify: 0, writeBatch: 0, verify: 0 };
  const original = Object.fromEntries(PARTS.map((p) => [p, migration[p]])) as Pick<AnyDataMigration, Part>;
  const state = { runPid: null as number | null };
  const target = migration as unknown as Record<Part, (...args: unknown[]) => unknown>;
  for (const part of PARTS) {
    const fn = original[part] as unknown as (...args: unknown[]) => unknown;
    target[part] = (...args: unknown[]) => {
      const started = performance.now();
      const done = () => {
        spent[part] += (performance.now() - started) / 1000;
        calls[part]++;
      };
      if (part === "classify") {
        const value = fn.apply(migration, args);
        done();
        return value;
      }
      return (async () => {
        if (part === "fingerprint" && state.runPid === null) {
          const [row] = await queryRows<{ pid: number }>(args[0] as Db, sql`SELECT pg_backend_pid() AS pid`);
          state.runPid = row.pid;
        }
        try {
          return await fn.apply(migration, args);
        } finally {
          done();
        }
      })();
    };
  }
  return {
    spent,
    calls,
    state,
    restore() {
      for (const part of PARTS) target[part] = original[part] as unknown as (...args: unknown[]) => unknown;
    },
  };
}

/**
 * An athlete saving a session while a run goes on: one INSERT into workout_sessions every 20 ms on a
 * connection of its own. Returns the slowest and the count; a run that blocked it would show as a
 * write lasting as long as the run.
 */
export function athleteWriteProbe(url: string, userId: number) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const latencies: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      // Saved finished: an athlete has at most one workout in progress.
      await client`INSERT INTO workout_sessions (user_id, name, finished_at) VALUES (${userId}, 'bench probe', now())`;
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await client`DELETE FROM workout_sessions WHERE name = 'bench probe'`;
      await client.end();
      const sorted = [...latencies].sort((a, b) => a - b);
      return { writes: sorted.length, maxMs: sorted.at(-1) ?? 0, p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0 };
    },
  };
}

/** Run a command line with DATABASE_URL set: its wall seconds, peak RSS in MB (GNU time), exit code and output. */
export async function runCommand(
  command: string[],
  databaseUrl: string,
): Promise<{ wall: number; rssMb: number; code: number; output: string }> {
  const timeFile = `/tmp/bench-migrate-time-${process.pid}`;
  const started = performance.now();
  const child = spawn("/usr/bin/time", ["-o", timeFile, "-f", "%M", ...command], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const wall = (performance.now() - started) / 1000;
  const rssKb = Number(fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1));
  fs.rmSync(timeFile, { force: true });
  return { wall, rssMb: rssKb / 1024, code, output };
}
