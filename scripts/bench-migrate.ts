/**
 * Benchmark of the equipment migration on real Postgres, against the floor (a benchmark, not a test).
 *
 *   npm run bench:migrate                             (100,000 and 1,000,000 rows)
 *   npm run bench:migrate -- --rows 10000000          (1,000,000 and 10,000,000: about 25 minutes, and ~30 GB of disk)
 *   npm run bench:migrate -- --rows 50000,200000      (any list of sizes)
 *
 * Needs DATABASE_URL (the server; the script creates its scratch databases there and drops them).
 * For each size it generates legacy assessments in the seed proportions, then makes two identical
 * copies of that database (CREATE DATABASE ... TEMPLATE, a file copy):
 *  - the floor's copy: one SQL statement applies the same rules and records every item
 *    (scripts/bench/equipment-floor.ts), dry run then apply;
 *  - the engine's copy (the original): the engine in this process, dry run then apply, with its
 *    declaration's parts timed, and an athlete's writes to another table timed beside the apply;
 *  - the command line's copy: `npm run migrate:equipment -- [--dry-run] --save-report FILE`, end to
 *    end (start-up, fingerprint, verification and the report file included), with its peak RSS.
 * Before it starts it prints the disk the largest size needs and refuses when the server's disk has
 * less; the scratch databases are dropped after each size, on an error and on Ctrl-C. At the end it
 * prints each target (1.3x the floor, 300 MB, linear growth within 15%) as MET or NOT MET.
 * It checks that floor and engine leave the same data and items, and prints the engine's times as
 * ratios of the floor's.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, openDatabase, queryRows, runSchemaMigrations } from "@/db/client";
import { env } from "@/server/env";
import { runMigration } from "@/server/migrations/engine";
import { equipmentSingleChoice } from "@/server/migrations/equipment-single-choice";
import { writeReport } from "@/server/migrations/report";
import { ITEM_COUNTS, MIGRATED_DATA_CHECKSUM, floorApplyStatement, floorDryRunStatement } from "./bench/equipment-floor";
import { type Db, athleteWriteProbe, cpuSpent, instrument, runCommand, timed } from "./bench/measure";

const STARTED_BY = { label: "bench:migrate" };
// The floor records its items under run ids no engine run has.
const FLOOR_DRY_RUN_ID = 1_000_001;
const FLOOR_APPLY_RUN_ID = 1_000_002;

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
async function generate(db: Db, rows: number): Promise<void> {
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

// Scratch space per generated row, the three copies and their runs together: at 1M rows each copy
// is 0.5 GB when generated and the three are 2.5 GB after their runs (the rows' new versions, the
// items and notices of a dry run and an apply each); the rest is headroom for the write-ahead log.
const SCRATCH_BYTES_PER_ROW = 3_000;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
const secs = (s: number) => `${s.toFixed(2)} s`;
const ratio = (engine: number, floor: number) => `${(engine / floor).toFixed(2)}x`;
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const load = () => os.loadavg()[0].toFixed(1);

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Free space where the server keeps its data (this machine's disk when the server is local), or null
 * when this process cannot see that folder (a remote server, or a role that may not read the setting).
 */
async function serverFreeBytes(admin: postgres.Sql): Promise<{ dir: string; free: number } | null> {
  try {
    const [{ data_directory: dir }] = await admin<{ data_directory: string }[]>`SHOW data_directory`;
    const stats = fs.statfsSync(dir);
    return { dir, free: stats.bavail * stats.bsize };
  } catch {
    return null;
  }
}

/** Refuse to start when the largest size would not fit: a full disk stops the server for everyone. */
async function checkDisk(admin: postgres.Sql, sizes: number[]): Promise<void> {
  const largest = Math.max(...sizes);
  const needed = largest * SCRATCH_BYTES_PER_ROW;
  const reportNeeded = largest * 60; // the JSON report, about 53 bytes a row
  const server = await serverFreeBytes(admin);
  const tmp = fs.statfsSync(os.tmpdir());
  const tmpFree = tmp.bavail * tmp.bsize;
  console.log(
    `Disk: the largest size (${fmt(largest)} rows) needs about ${gb(needed)} of scratch databases (three copies, one size at a time) ` +
      `and ${gb(reportNeeded)} for its report file in ${os.tmpdir()}; ` +
      (server
        ? `${gb(server.free)} free where the server keeps its data (${server.dir}), `
        : "the server's free space cannot be read from here, ") +
      `${gb(tmpFree)} free in ${os.tmpdir()}.`,
  );
  if (server && server.free < needed)
    usage(`not enough disk for ${fmt(largest)} rows: ${gb(needed)} needed, ${gb(server.free)} free.`);
  if (tmpFree < reportNeeded)
    usage(`not enough disk in ${os.tmpdir()} for the report: ${gb(reportNeeded)} needed, ${gb(tmpFree)} free.`);
}

async function checksum(db: Db) {
  const [row] = await queryRows<{ rows: string; hash: string }>(db, MIGRATED_DATA_CHECKSUM);
  return `${row.rows}:${row.hash}`;
}

async function itemCounts(db: Db, runId: number) {
  const rows = await queryRows<{ status: string; n: number }>(db, ITEM_COUNTS(runId));
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function databaseBytes(admin: postgres.Sql, names: string[]): Promise<number> {
  const [{ bytes }] = await admin<
    { bytes: string }[]
  >`SELECT sum(pg_database_size(n))::text AS bytes FROM unnest(${names}::text[]) n`;
  return Number(bytes);
}

interface SizeResult {
  rows: number;
  floorDry: number;
  floorApply: number;
  engineDry: number;
  engineApply: number;
  cliDry: number;
  cliApply: number;
  cliRss: number;
  items: number;
}

async function benchSize(serverUrl: string, admin: postgres.Sql, base: string, rows: number): Promise<SizeResult> {
  const names = { engine: `${base}_${rows}_e`, floor: `${base}_${rows}_f`, cli: `${base}_${rows}_c` };
  const urls = {
    engine: databaseUrl(serverUrl, names.engine),
    floor: databaseUrl(serverUrl, names.floor),
    cli: databaseUrl(serverUrl, names.cli),
  };
  const reportFile = path.join(os.tmpdir(), `bench-migrate-${process.pid}-${rows}.json`);
  await admin.unsafe(`CREATE DATABASE "${names.engine}"`);
  const opened: Database[] = [];
  try {
    process.stdout.write(`${fmt(rows)} rows: generating... `);
    const t = performance.now();
    const setup = await openDatabase({ url: urls.engine });
    await runSchemaMigrations(setup);
    await generate(setup.db, rows);
    await setup.close();
    await admin.unsafe(`CREATE DATABASE "${names.floor}" TEMPLATE "${names.engine}"`);
    await admin.unsafe(`CREATE DATABASE "${names.cli}" TEMPLATE "${names.engine}"`);
    console.log(
      `${secs((performance.now() - t) / 1000)} (three identical copies of ${gb(await databaseBytes(admin, [names.engine]))}); load average ${load()}`,
    );

    // The floor: one statement each, on its own copy.
    const floor = await openDatabase({ url: urls.floor });
    opened.push(floor);
    const floorDry = await timed(floor.db, () => floor.db.execute(floorDryRunStatement(FLOOR_DRY_RUN_ID)));
    const floorApply = await timed(floor.db, () => floor.db.execute(floorApplyStatement(FLOOR_APPLY_RUN_ID)));
    const floorItems = await itemCounts(floor.db, FLOOR_APPLY_RUN_ID);
    const floorSum = await checksum(floor.db);
    await floor.close();
    opened.pop();
    console.log(
      `  floor (one statement): dry run ${secs(floorDry.wall)}, apply ${secs(floorApply.wall)}; items ${JSON.stringify(floorItems)}`,
    );

    // The engine, in this process, with its declaration's parts timed.
    const engine = await openDatabase({ url: urls.engine });
    opened.push(engine);
    const dryParts = instrument(equipmentSingleChoice);
    const engineDry = await timed(engine.db, () =>
      runMigration(engine, { migrationId: equipmentSingleChoice.id, mode: "dry_run", startedBy: STARTED_BY }),
    );
    dryParts.restore();
    if (engineDry.result.run.status !== "completed") throw new Error(`dry run failed: ${engineDry.result.run.error}`);
    const applyParts = instrument(equipmentSingleChoice);
    const probe = athleteWriteProbe(urls.engine, 1);
    const engineApply = await timed(engine.db, () =>
      runMigration(engine, { migrationId: equipmentSingleChoice.id, mode: "apply", startedBy: STARTED_BY }),
    );
    const athlete = await probe.stop();
    applyParts.restore();
    const applied = engineApply.result.run;
    if (applied.status !== "completed") throw new Error(`apply failed: ${applied.error}`);
    const engineItems = await itemCounts(engine.db, applied.id);
    const same = (await checksum(engine.db)) === floorSum && JSON.stringify(engineItems) === JSON.stringify(floorItems);
    const reportTimed = await timed(engine.db, () =>
      writeReport(engine.db, applied.id, "json", fs.createWriteStream(reportFile)),
    );
    const reportMb = fs.statSync(reportFile).size / 1e6;
    await engine.close();
    opened.pop();

    // The command line, end to end, on its own copy.
    const npm = ["npm", "run", "--silent", "migrate:equipment", "--"];
    const startup = await runCommand(["npm", "run", "--silent", "migrate", "--", "--list"], urls.cli);
    const cliDry = await runCommand([...npm, "--dry-run", "--save-report", reportFile], urls.cli);
    const cliApply = await runCommand([...npm, "--save-report", reportFile], urls.cli);
    if (cliDry.code !== 0 || cliApply.code !== 0)
      throw new Error(`the command line failed:\n${cliDry.output}\n${cliApply.output}`);
    const cli = await openDatabase({ url: urls.cli });
    opened.push(cli);
    const [cliRun] = await queryRows<{ durationMs: number }>(
      cli.db,
      sql`SELECT duration_ms AS "durationMs" FROM migration_runs WHERE mode = 'apply' ORDER BY id DESC LIMIT 1`,
    );
    const cliSame = (await checksum(cli.db)) === floorSum;
    await cli.close();
    opened.pop();

    const runPid = applyParts.state.runPid;
    const runCpu = cpuSpent(engineApply.pgBefore, engineApply.pgAfter, (pid) => pid === runPid);
    const otherCpu = cpuSpent(engineApply.pgBefore, engineApply.pgAfter, (pid) => pid !== runPid);
    const p = applyParts.spent;
    const items = Object.values(engineItems).reduce((a, b) => a + b, 0);
    console.log(
      `  engine (this process): dry run ${secs(engineDry.wall)} (${ratio(engineDry.wall, floorDry.wall)} the floor), ` +
        `apply ${secs(engineApply.wall)} (${ratio(engineApply.wall, floorApply.wall)}); ${fmt(items)} items; ` +
        `same data and items as the floor: ${same ? "yes" : "NO"}`,
    );
    console.log(
      `  command line end to end: dry run ${secs(cliDry.wall)} (${ratio(cliDry.wall, floorDry.wall)}), ` +
        `apply ${secs(cliApply.wall)} (${ratio(cliApply.wall, floorApply.wall)}), peak RSS ${fmt(Math.max(cliDry.rssMb, cliApply.rssMb))} MB; ` +
        `same data as the floor: ${cliSame ? "yes" : "NO"}`,
    );
    console.log(`  where the command line's apply goes (${secs(cliApply.wall)}):`);
    console.log(`    start-up (npm, bundling, imports, connect; measured with --list): ${secs(startup.wall)}`);
    console.log(
      `    the run as recorded (duration_ms): ${secs(cliRun.durationMs / 1000)}; report file (${reportMb.toFixed(0)} MB): ~${secs(reportTimed.wall)}`,
    );
    console.log(
      `  where the engine's apply goes (${secs(engineApply.wall)}, on the run's connection unless said): ` +
        `fingerprint ${secs(p.fingerprint)}, reads ${secs(p.readBatch)} (${applyParts.calls.readBatch} batches), ` +
        `classify ${secs(p.classify)} (this process), writes ${secs(p.writeBatch)}, verification ${secs(p.verify)}, ` +
        `the rest (items not yet written, progress, claim and commit) ${secs(engineApply.wall - p.fingerprint - p.readBatch - p.writeBatch - p.verify - p.classify)}`,
    );
    console.log(
      `  CPU of the apply: Postgres ${secs(engineApply.pg)} (run's connection ${secs(runCpu)}, items and progress connections ${secs(otherCpu)}), ` +
        `this process ${secs(engineApply.node)}; floor apply: Postgres ${secs(floorApply.pg)}`,
    );
    console.log(
      `  an athlete's write to another table during the apply: ${athlete.writes} writes, slowest ${athlete.maxMs.toFixed(1)} ms, p99 ${athlete.p99Ms.toFixed(1)} ms; ` +
        `load average ${load()}`,
    );
    console.log(`  scratch databases after the runs: ${gb(await databaseBytes(admin, Object.values(names)))} (three copies)`);
    if (!same || !cliSame) throw new Error("The floor and the engine disagree: the floor no longer applies the same rules.");
    return {
      rows,
      floorDry: floorDry.wall,
      floorApply: floorApply.wall,
      engineDry: engineDry.wall,
      engineApply: engineApply.wall,
      cliDry: cliDry.wall,
      cliApply: cliApply.wall,
      cliRss: Math.max(cliDry.rssMb, cliApply.rssMb),
      items,
    };
  } finally {
    await Promise.all(opened.map((d) => d.close()));
    fs.rmSync(reportFile, { force: true });
    for (const name of Object.values(names)) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const serverUrl = env().DATABASE_URL;
  if (!serverUrl) usage("DATABASE_URL is not set: the benchmark needs a PostgreSQL server.");
  const sizes = parseSizes(process.argv.slice(2));
  const base = `ironlog_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 2, onnotice: () => {} });
  console.log(`Sizes: ${sizes.map(fmt).join(", ")} rows; ${os.cpus().length} CPUs, load average ${load()}`);
  await checkDisk(admin, sizes);
  console.log("");
  // Ctrl-C or a kill still drops every scratch database this run made (an error does, in benchSize).
  const dropScratch = async (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping the scratch databases ${base}_*...`);
    const left = await admin<{ name: string }[]>`SELECT datname AS name FROM pg_database WHERE datname LIKE ${`${base}\\_%`}`;
    for (const { name } of left) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    process.exit(130);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, (s) => void dropScratch(s));
  const results: SizeResult[] = [];
  try {
    for (const rows of sizes) results.push(await benchSize(serverUrl, admin, base, rows));
  } finally {
    await admin.end();
  }

  console.log(
    "\n| rows | floor dry run | engine dry run | CLI dry run | floor apply | engine apply | CLI apply (end to end) | items | CLI peak RSS |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${fmt(r.rows)} | ${secs(r.floorDry)} | ${secs(r.engineDry)} (${ratio(r.engineDry, r.floorDry)}) | ${secs(r.cliDry)} (${ratio(r.cliDry, r.floorDry)}) | ` +
        `${secs(r.floorApply)} | ${secs(r.engineApply)} (${ratio(r.engineApply, r.floorApply)}) | ${secs(r.cliApply)} (${ratio(r.cliApply, r.floorApply)}) | ` +
        `${fmt(r.items)} | ${fmt(r.cliRss)} MB |`,
    );
  }
  const verdict = (ok: boolean) => (ok ? "MET" : "NOT MET");
  console.log("\nTargets:");
  for (const r of results) {
    const toFloor = r.cliApply / r.floorApply;
    console.log(
      `  ${fmt(r.rows)} rows: command line apply ${ratio(r.cliApply, r.floorApply)} the floor (target <= 1.30x): ${verdict(toFloor <= 1.3)}; ` +
        `command line peak RSS ${fmt(r.cliRss)} MB (target <= 300 MB): ${verdict(r.cliRss <= 300)}`,
    );
  }
  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]];
    const factor = large.rows / small.rows;
    const growth = large.cliApply / small.cliApply;
    console.log(
      `  growth ${fmt(small.rows)} -> ${fmt(large.rows)} rows (x${factor}): command line apply x${growth.toFixed(2)} ` +
        `(target: linear within 15%, <= x${(factor * 1.15).toFixed(1)}): ${verdict(growth <= factor * 1.15)}; ` +
        `engine apply x${(large.engineApply / small.engineApply).toFixed(2)}, floor apply x${(large.floorApply / small.floorApply).toFixed(2)}`,
    );
  }
  console.log(`Peak RSS of this process (the benchmark, not the command line): ${fmt(rssMb())} MB; load average ${load()}.`);
}

await main();
