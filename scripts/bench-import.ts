/**
 * Benchmark of the history import at the size the issue names: a generated ten-year Strong export
 * (2,000 workouts, 60,000 sets), previewed and imported the way the route and the preview page do it,
 * with the heap's peak, against a floor (a benchmark, not a test).
 *
 *   npm run bench:import                                 (embedded PGlite, in memory)
 *   DATABASE_URL=postgres://... npm run bench:import     (a scratch database on that server, dropped after)
 *   npm run bench:import -- --workouts 4000              (another size)
 *
 * Floors: csv-parse alone reading the same bytes to arrays (the least any preview does), and one
 * INSERT ... SELECT writing the same number of sessions, slots and sets (the least any import does).
 *
 * Then the largest real exports in ../shared/real-exports (people's own Strong and Hevy logs, read
 * where they are, never copied), previewed and imported the same way, each for a new athlete; a run
 * without that folder says so and measures the generated file alone.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { parse } from "csv-parse";
import { type Database, openDatabase, runSchemaMigrations } from "@/db/client";
import { seedExerciseLibrary } from "@/db/seed";
import { users } from "@/db/schema";
import { parseHistoryFile } from "@/lib/history-import/parse-file";
import { importFormSchema } from "@/lib/history-import/import-form";
import { createPreview, duplicatePositions, exerciseChoicesFor, previewWorkoutHeads } from "@/server/history-import/previews";
import { importPreview } from "@/server/history-import/import";
import { chunksOf, generateWorkouts, strongCsv } from "@/test/history-files";

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`Usage: npm run bench:import -- [--workouts N]`);
    process.exit(2);
  }
  return value;
}

async function scratchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory" });
    return { database, drop: () => database.close() };
  }
  const name = `ironlog_bench_import_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The process's peak resident memory while `work` runs (sampled every 20 ms; PGlite's WASM heap included). */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - started) / 1000, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/** The largest real exports, by name in ../shared/real-exports. */
const REAL_EXPORTS = ["strong-Andrew50-Lifting.csv", "hevy-canonat2326-Can-Onat-Yaren-DSA-210-Project.csv"];
const REAL_EXPORTS_DIR = path.join(process.cwd(), "..", "shared", "real-exports");

/** What the route and the preview page do with a file (parse, store, suggest, find duplicates), and then "Import". */
async function previewAndImport(db: Database["db"], userId: number, name: string, chunks: () => AsyncIterable<Uint8Array>) {
  const parts = { start: performance.now(), parse: 0, store: 0, page: 0 };
  const preview = await measured(async () => {
    const parsed = await parseHistoryFile(chunks(), { timeZone: "Europe/Berlin" });
    if (!parsed.ok) throw new Error(parsed.error);
    parts.parse = performance.now();
    const id = await createPreview(db, userId, name, parsed.summary, parsed.workouts);
    parts.store = performance.now();
    const { suggested } = await exerciseChoicesFor(db, userId, parsed.summary);
    const ids = new Map(parsed.summary.exercises.map((e, i) => [e.name, suggested[i]?.id]));
    await duplicatePositions(db, userId, await previewWorkoutHeads(db, id), (name) => ids.get(name));
    parts.page = performance.now();
    const form: Record<string, string> = { previewId: id, weightUnit: parsed.summary.unitHint?.unit ?? "kg" };
    suggested.forEach((s, i) => {
      form[`choice.${i}`] = s ? "library" : "own";
      form[`exercise.${i}`] = s?.name ?? "";
    });
    return { form, summary: parsed.summary };
  });
  const imported = await measured(() => importPreview(db, userId, importFormSchema.parse(preview.value.form)));
  return { preview, imported, parts, summary: preview.value.summary };
}

const line = (label: string, m: { seconds: number; peakRssMb: number }, floor?: { seconds: number }) =>
  console.log(
    `${label.padEnd(9)} ${m.seconds.toFixed(2).padStart(6)} s   peak RSS ${m.peakRssMb.toFixed(0).padStart(4)} MB${floor ? `   ${(m.seconds / floor.seconds).toFixed(1)}× its floor (${floor.seconds.toFixed(2)} s)` : ""}`,
  );

const withinTargets = (run: { preview: { seconds: number }; imported: { seconds: number } }) =>
  run.preview.seconds < 5 && run.imported.seconds < 10;

async function main() {
  const workoutCount = argument("workouts", 2000);
  const { database, drop } = await scratchDatabase();
  try {
    const { db } = database;
    await runSchemaMigrations(database);
    await seedExerciseLibrary(db);
    const [{ id: userId }] = await db.insert(users).values({ email: "bench-import@example.com" }).returning({ id: users.id });
    const bytes = new TextEncoder().encode(strongCsv(generateWorkouts({ workouts: workoutCount, setsPerExercise: 6, seed: 21 })));
    console.log(
      `${database.driver} · ${workoutCount} workouts · ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB Strong export · load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );

    const generated = await previewAndImport(db, userId, "strong.csv", () => chunksOf(bytes));
    const { preview, imported, parts, summary } = generated;
    if (imported.value.sets !== summary.sets)
      throw new Error(`imported ${imported.value.sets} sets of the ${summary.sets} previewed`);

    const parseFloor = await measured(async () => {
      let rows = 0;
      const parser = parse({ bom: true, skip_empty_lines: true });
      const feeding = (async () => {
        for await (const chunk of chunksOf(bytes)) if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
        parser.end();
      })();
      for await (const record of parser) rows += record ? 1 : 0;
      await feeding;
      return rows;
    });
    const writeFloor = await measured(() =>
      db.transaction(async (tx) => {
        const [{ id: floorUser }] = await tx
          .insert(users)
          .values({ email: "bench-floor@example.com" })
          .returning({ id: users.id });
        await tx.execute(sql`INSERT INTO workout_sessions (user_id, name, started_at, finished_at, duration_seconds)
          SELECT ${floorUser}, 'Floor', now() - g * interval '1 day', now() - g * interval '1 day' + interval '1 hour', 3600 FROM generate_series(1, ${summary.workouts}) g`);
        await tx.execute(sql`INSERT INTO session_exercises (id, session_id, exercise_id, position)
          SELECT gen_random_uuid(), s.id, (SELECT min(id) FROM exercises), p FROM workout_sessions s, generate_series(0, 4) p WHERE s.user_id = ${floorUser}`);
        await tx.execute(sql`INSERT INTO session_sets (session_id, exercise_id, exercise_slot_id, position, reps, weight_kg)
          SELECT e.session_id, e.exercise_id, e.id, p, 5, 100 FROM session_exercises e JOIN workout_sessions s ON s.id = e.session_id, generate_series(0, ${Math.round(summary.sets / (summary.workouts * 5)) - 1}) p WHERE s.user_id = ${floorUser}`);
      }),
    );

    console.log(
      `found     ${summary.workouts} workouts, ${summary.sets} sets, ${summary.exercises.length} exercise names, ${summary.problemCount} unreadable rows`,
    );
    line("preview", preview, parseFloor);
    console.log(
      `          parse ${((parts.parse - parts.start) / 1000).toFixed(2)} s · store ${((parts.store - parts.parse) / 1000).toFixed(2)} s · page (choices, duplicates) ${((parts.page - parts.store) / 1000).toFixed(2)} s`,
    );
    line("import", imported, writeFloor);
    console.log(
      `floors: csv-parse alone read ${parseFloor.value} records in ${parseFloor.seconds.toFixed(2)} s; one INSERT ... SELECT per table wrote the same rows in ${writeFloor.seconds.toFixed(2)} s`,
    );
    let ok = withinTargets(generated);

    if (!fs.existsSync(REAL_EXPORTS_DIR)) {
      console.log(`real exports: ${REAL_EXPORTS_DIR} is not there, so only the generated file was measured`);
    }
    for (const [i, file] of REAL_EXPORTS.entries()) {
      const where = path.join(REAL_EXPORTS_DIR, file);
      if (!fs.existsSync(where)) {
        if (fs.existsSync(REAL_EXPORTS_DIR)) console.log(`real export ${file} is not there: skipped`);
        continue;
      }
      const [{ id: athlete }] = await db
        .insert(users)
        .values({ email: `bench-real-${i}@example.com` })
        .returning({ id: users.id });
      const run = await previewAndImport(db, athlete, file, () => fs.createReadStream(where));
      console.log(
        `\n${file} · ${(fs.statSync(where).size / 2 ** 20).toFixed(2)} MB · ${run.summary.workouts} workouts, ${run.summary.sets} sets, ${run.summary.restTimers ?? 0} rest timers set aside, ${run.summary.worthALookCount ?? 0} worth a look`,
      );
      line("preview", run.preview);
      console.log(
        `          parse ${((run.parts.parse - run.parts.start) / 1000).toFixed(2)} s · store ${((run.parts.store - run.parts.parse) / 1000).toFixed(2)} s · page (choices, duplicates) ${((run.parts.page - run.parts.store) / 1000).toFixed(2)} s`,
      );
      line("import", run.imported);
      ok &&= withinTargets(run);
    }
    console.log(ok ? "within the targets (preview < 5 s, import < 10 s)" : "OUTSIDE the targets (preview < 5 s, import < 10 s)");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await drop();
  }
}

await main();
