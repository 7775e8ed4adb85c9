/**
 * Benchmark of the equipment migration on real Postgres (a benchmark, not a timed test).
 *
 *   npm run bench:migrate -- --rows 1000000        (measures 100,000 and 1,000,000)
 *   npm run bench:migrate -- --rows 50000,200000   (any list of sizes)
 *
 * Needs DATABASE_URL (the server; the script creates its own scratch database there and drops it
 * after). For each size it generates legacy assessments in the seed proportions with set-based SQL,
 * times a dry run and an apply through the real engine (every item recorded), and times a naive
 * one-UPDATE-per-row loop on a sample, extrapolated to the full size for comparison.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, openDatabase, queryRows, runSchemaMigrations } from "@/db/client";
import { env } from "@/server/env";
import { runMigration } from "@/server/migrations/engine";
import { type AssessmentRow, equipmentSingleChoice } from "@/server/migrations/equipment-single-choice";
import { parseJsonColumn } from "@/lib/migrations/json";
import { jsonParam } from "@/server/migrations/json-param";

const NAIVE_SAMPLE = 5_000;
const STARTED_BY = { label: "bench:migrate" };

function usage(message?: string): never {
  if (message) console.error(`Error: ${message}`);
  console.error("Usage: DATABASE_URL=postgres://... npm run bench:migrate -- [--rows N[,N...]]");
  process.exit(2);
}

function parseSizes(argv: string[]): number[] {
  let sizes = [100_000, 1_000_000];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg.startsWith("--rows=") ? arg.slice(7) : arg === "--rows" ? argv[++i] : undefined;
    if (value === undefined) usage(`unknown argument ${arg}`);
    const list = value.split(",").map((v) => Number(v.replaceAll("_", "")));
    if (list.some((n) => !Number.isInteger(n) || n < 1)) usage(`--rows needs positive whole numbers, got ${value}`);
    // One size: also measure a tenth of it, to show how the cost grows.
    sizes = list.length === 1 && list[0] >= 10_000 ? [list[0] / 10, list[0]].map(Math.round) : list;
  }
  return sizes;
}

/**
 * Seed proportions per 150 assessments: 112 valid single choices + 3 invalid (= 115), 25 legacy
 * lists (20 migrated, 5 basic without items, flagged), 10 basic_equipment strings without items.
 */
async function generate(db: Database["db"], rows: number): Promise<void> {
  await db.execute(sql`TRUNCATE users, migration_runs, migration_run_items RESTART IDENTITY CASCADE`);
  await db.execute(sql`
    INSERT INTO users (email, name)
    SELECT 'athlete' || g || '@bench.ironlog.dev', 'Athlete ' || g FROM generate_series(1, ${rows}::int) g`);
  await db.execute(sql`
    INSERT INTO assessments (user_id, sport, age, experience_level, goal, days_per_week, equipment, equipment_items)
    SELECT u.id, 'running', 18 + u.id % 50, 'intermediate', 'strength', 1 + u.id % 7,
      CASE
        WHEN k < 112 THEN (ARRAY['"full_gym"', '"no_equipment"', '"basic_equipment"'])[1 + k % 3]::jsonb
        WHEN k = 112 THEN '"Full_Gym"'::jsonb
        WHEN k = 113 THEN '[]'::jsonb
        WHEN k = 114 THEN '["gym"]'::jsonb
        WHEN k < 140 THEN (ARRAY['["basic_equipment","full_gym"]', '["no_equipment"]', '["basic_equipment","no_equipment"]',
                                  '["basic_equipment"]', '["full_gym","full_gym"]'])[1 + k % 5]::jsonb
        ELSE '"basic_equipment"'::jsonb
      END,
      CASE
        WHEN k < 112 THEN (ARRAY[NULL, '[]', '["dumbbells","bench"]'])[1 + k % 3]::jsonb
        WHEN k < 115 THEN NULL
        WHEN k < 140 THEN (ARRAY['["bench"]', NULL, '["dumbbells"]', NULL, '[]'])[1 + k % 5]::jsonb
        ELSE (ARRAY[NULL, '[]'])[1 + k % 2]::jsonb
      END
    FROM (SELECT id, (id - 1) % 150 AS k FROM users) u
    ORDER BY u.id`);
  await db.execute(sql`VACUUM ANALYZE users`);
  await db.execute(sql`VACUUM ANALYZE assessments`);
  // Flush the generated data now, so the timed runs do not pay for the setup's checkpoint.
  await db.execute(sql`CHECKPOINT`).catch(() => console.warn("(CHECKPOINT needs a superuser; timings include the setup's)"));
}

/** The naive way: read the rows, then one UPDATE (and one item INSERT) round trip per row; rolled back. */
async function naiveLoop(db: Database["db"], sample: number, runId: number): Promise<number> {
  const started = performance.now();
  await db
    .transaction(async (tx) => {
      const rows = await queryRows<Omit<AssessmentRow, "equipment" | "equipmentItems"> & Record<string, unknown> & { equipment: string | null; equipmentItems: string | null }>(
        tx,
        sql`SELECT id, user_id AS "userId", equipment::text AS equipment, equipment_items::text AS "equipmentItems",
                   needs_reassessment AS "needsReassessment", reassessment_reason AS "reassessmentReason",
                   flagged_at::text AS "flaggedAt", flagged_by_run_id AS "flaggedByRunId"
            FROM assessments ORDER BY id LIMIT ${sample}`,
      );
      for (const text of rows) {
        const row: AssessmentRow = { ...text, equipment: parseJsonColumn(text.equipment), equipmentItems: parseJsonColumn(text.equipmentItems) };
        const outcome = equipmentSingleChoice.classify(row);
        if (outcome.status === "skipped") continue;
        if (outcome.status !== "error") {
          await tx.execute(sql`
            UPDATE assessments SET equipment = COALESCE(${JSON.stringify(outcome.after?.equipment ?? null)}::text::jsonb, equipment),
              equipment_items = CASE WHEN ${"equipment_items" in (outcome.after ?? {})} THEN '[]'::jsonb ELSE equipment_items END,
              needs_reassessment = needs_reassessment OR ${outcome.status === "flagged"}, updated_at = now()
            WHERE id = ${row.id}`);
        }
        await tx.execute(sql`
          INSERT INTO migration_run_items (run_id, row_id, user_id, user_email, status, before, after, reason)
          SELECT ${runId}::int, ${row.id}, ${row.userId}, (SELECT email FROM users WHERE id = ${row.userId}), ${outcome.status}::migration_item_status,
                 b.v -> 'before', b.v -> 'after', ${outcome.reason ?? null}
          FROM (SELECT ${jsonParam({ before: outcome.before ?? null, after: outcome.after ?? null })}::jsonb AS v) b`);
      }
      throw new RollbackNaive();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollbackNaive)) throw error;
    });
  return (performance.now() - started) / 1000;
}

class RollbackNaive extends Error {}

/**
 * CPU time of this database's Postgres backends, from /proc (the server runs on this machine).
 * Wall time on a shared machine depends on everyone else; CPU time says what the run itself costs.
 */
async function postgresCpu(db: Database["db"]): Promise<Map<number, number>> {
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

function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms / 1000;
}

/** Time a run: wall seconds, this process's CPU seconds and the Postgres backends' CPU seconds. */
async function timed<T>(db: Database["db"], work: () => Promise<T>): Promise<{ result: T; wall: number; node: number; pg: number }> {
  const pgBefore = await postgresCpu(db);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wall, node: (cpu.user + cpu.system) / 1e6, pg: cpuSpent(pgBefore, await postgresCpu(db)) };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const secs = (s: number) => `${s.toFixed(2)} s`;
const rssMb = () => process.resourceUsage().maxRSS / 1024;

interface Row {
  rows: number;
  dry: number;
  apply: number;
  naiveSample: number;
  naiveRate: number;
  rss: number;
  items: number;
}

async function main(): Promise<void> {
  const serverUrl = env().DATABASE_URL;
  if (!serverUrl) usage("DATABASE_URL is not set: the benchmark needs a PostgreSQL server.");
  const sizes = parseSizes(process.argv.slice(2));
  const name = `ironlog_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const results: Row[] = [];
  try {
    await runSchemaMigrations(database);
    console.log(
      `Scratch database ${name}; sizes: ${sizes.map(fmt).join(", ")} rows; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}\n`,
    );
    for (const rows of sizes) {
      process.stdout.write(`${fmt(rows)} rows: generating... `);
      const t = performance.now();
      await generate(database.db, rows);
      process.stdout.write(`${secs((performance.now() - t) / 1000)}; dry run... `);

      const dryTimed = await timed(database.db, () =>
        runMigration(database, { migrationId: equipmentSingleChoice.id, mode: "dry_run", startedBy: STARTED_BY }),
      );
      const dry = dryTimed.result;
      const dryS = dryTimed.wall;
      if (dry.run.status !== "completed") throw new Error(`dry run failed: ${dry.run.error}`);
      process.stdout.write(`${secs(dryS)}; naive loop on ${fmt(Math.min(NAIVE_SAMPLE, rows))} rows... `);

      const sample = Math.min(NAIVE_SAMPLE, rows);
      const naiveS = await naiveLoop(database.db, sample, dry.run.id);
      process.stdout.write(`${secs(naiveS)}; apply... `);

      const applyTimed = await timed(database.db, () =>
        runMigration(database, { migrationId: equipmentSingleChoice.id, mode: "apply", startedBy: STARTED_BY }),
      );
      const applied = applyTimed.result;
      const applyS = applyTimed.wall;
      if (applied.run.status !== "completed") throw new Error(`apply failed: ${applied.run.error}`);
      console.log(`${secs(applyS)}`);
      const [{ items }] = await queryRows<{ items: number }>(
        database.db,
        sql`SELECT count(*)::int AS items FROM migration_run_items WHERE run_id = ${applied.run.id}`,
      );
      console.log(
        `  summary: ${JSON.stringify(applied.summary)}; verification ${applied.run.verification?.ok ? "ok" : "FAILED"}`,
      );
      console.log(
        `  CPU: dry run ${secs(dryTimed.pg)} Postgres + ${secs(dryTimed.node)} this process; ` +
          `apply ${secs(applyTimed.pg)} Postgres + ${secs(applyTimed.node)} this process; load average ${os.loadavg()[0].toFixed(1)}`,
      );
      results.push({ rows, dry: dryS, apply: applyS, naiveSample: sample, naiveRate: sample / naiveS, rss: rssMb(), items });
    }
  } finally {
    await database.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }

  console.log("\n| rows | dry run | dry run rows/s | apply | apply rows/s | items recorded | naive loop (extrapolated) | naive rows/s | peak RSS |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${fmt(r.rows)} | ${secs(r.dry)} | ${fmt(r.rows / r.dry)} | ${secs(r.apply)} | ${fmt(r.rows / r.apply)} | ${fmt(r.items)} | ` +
        `${secs(r.rows / r.naiveRate)} (measured on ${fmt(r.naiveSample)} rows) | ${fmt(r.naiveRate)} | ${fmt(r.rss)} MB |`,
    );
  }
  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]];
    const factor = large.rows / small.rows;
    console.log(
      `\nGrowth ${fmt(small.rows)} -> ${fmt(large.rows)} rows (x${factor}): dry run x${(large.dry / small.dry).toFixed(1)}, ` +
        `apply x${(large.apply / small.apply).toFixed(1)} (linear would be x${factor}).`,
    );
  }
  console.log(`Peak RSS of this process: ${fmt(rssMb())} MB. Targets at 1,000,000 rows: apply <= 10 s, dry run <= 10 s, RSS <= 300 MB.`);
}

await main();
