import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, schemaMigrationStatus } from "@/db/client";
import { users } from "@/db/schema";
import { type TestDatabase, createBareDatabase, createTestDatabase } from "@/test/database";
import { DataTransferError } from "./dump-format";
import { type DumpSource, textDumpSource } from "./dump-source";
import { exportAll } from "./export";
import { importDump } from "./import";
import { DUMP_TABLE_ORDER } from "./tables";
import journal from "@/drizzle/meta/_journal.json";
import { collect, insertSampleData, rowCount, withoutHeader } from "@/test/data-transfer-fixtures";

let source: TestDatabase;
let target: TestDatabase;
let dump: string;
const opened: { drop(): Promise<void> }[] = [];

// The schema migrations shipped in drizzle/: a dump is stamped with the latest, an import applies them all.
const SHIPPED = journal.entries;

/** The import target, emptied (a fresh database per test would cost seconds each). */
async function emptyDatabase(): Promise<TestDatabase> {
  const tables = sql.join(
    DUMP_TABLE_ORDER.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await target.db.execute(sql`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
  return target;
}

async function databaseWithOneUser(): Promise<TestDatabase> {
  const database = await emptyDatabase();
  await database.db.insert(users).values({ email: "already@here.com" });
  return database;
}

async function totalRows(database: TestDatabase): Promise<number> {
  let total = 0;
  for (const table of DUMP_TABLE_ORDER) total += await rowCount(database.db, table);
  return total;
}

beforeAll(async () => {
  target = await createTestDatabase();
  source = await createTestDatabase();
  await insertSampleData(source.db);
  // A batch size of 2 makes every table take several keyset pages (exercise_muscles: a composite key).
  dump = await collect(exportAll(source.db, { batchSize: 2 }));
});

afterAll(async () => {
  for (const database of opened) await database.drop();
  await source?.drop();
  await target?.drop();
});

describe("export", () => {
  it("writes a header, every row in table order, and a trailer with the counts", () => {
    const lines = dump
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      format: "ironlog-dump",
      format_version: 7,
      schema_migration: SHIPPED.at(-1)!.tag,
      secrets: "omitted",
    });
    const tables = lines.slice(1, -1).map((record: { table: string }) => record.table);
    expect(tables).toEqual(
      [...tables].sort((a, b) => DUMP_TABLE_ORDER.indexOf(a as never) - DUMP_TABLE_ORDER.indexOf(b as never)),
    );
    expect(lines.at(-1)).toEqual({
      end: "ironlog-dump",
      counts: {
        users: 3,
        assessments: 2,
        muscles: 2,
        exercises: 2,
        exercise_muscles: 3,
        splits: 1,
        split_days: 1,
        split_day_exercises: 2,
        history_imports: 0,
        history_import_exercises: 0,
        workout_sessions: 2,
        session_exercises: 2,
        session_sets: 3,
        session_tombstones: 1,
        migration_runs: 1,
        migration_run_items: 2,
        migration_row_fixes: 1,
        migration_settings: 1,
        migration_approvals: 1,
        migration_change_notices: 0,
        maintenance_notices: 1,
        flagged_user_notices: 0,
      },
    });
  });

  it("carries values exactly: microseconds, numerics, jsonb of any shape, bigint ids", () => {
    expect(dump).toContain('"created_at":"2024-02-29T23:59:59.123456+00:00"');
    expect(dump).toContain('"weight_kg":102.50,"rpe":8.5');
    expect(dump).toContain('"equipment":["basic_equipment", "full_gym"]');
    expect(dump).toContain('"equipment":"basic_equipment"');
    expect(dump).toContain('"equipment_required":{"legacy": "none"}');
    expect(dump).toContain('"id":9007199254740000');
  });

  it("leaves password hashes out unless secrets are asked for", async () => {
    expect(dump).not.toContain("password_hash");
    const withSecrets = await collect(exportAll(source.db, { includeSecrets: true }));
    expect(withSecrets).toContain('"password_hash":"$2b$10$abcdefghijklmnopqrstuv"');
    expect(JSON.parse(withSecrets.split("\n")[0]).secrets).toBe("included");
  });

  it("releases its snapshot when the reader stops early", async () => {
    for await (const chunk of exportAll(source.db, { batchSize: 1 })) {
      expect(chunk).toContain("ironlog-dump");
      break;
    }
    // On PGlite an export transaction left open would make this wait forever.
    const [row] = await queryRows<{ n: number }>(source.db, sql`SELECT count(*)::int AS n FROM users`);
    expect(Number(row.n)).toBe(3);
  });

  it("refuses a database with schema migrations pending", async () => {
    const bare = await createBareDatabase();
    opened.push(bare);
    await expect(collect(exportAll(bare.db))).rejects.toThrow(DataTransferError);
  });
});

describe("import", () => {
  it("round trip: export, import into an empty database, export again gives the same content", async () => {
    await emptyDatabase();
    const report = await importDump(target, textDumpSource(dump));
    expect(report.status).toBe("imported");
    expect(report.counts.session_sets).toBe(3);
    const again = await collect(exportAll(target.db));
    expect(withoutHeader(again)).toBe(withoutHeader(dump));
  });

  it("keeps ids and moves identity sequences past them", async () => {
    await emptyDatabase();
    await importDump(target, textDumpSource(dump));
    const [next] = await target.db.insert(users).values({ email: "new@example.com" }).returning();
    expect(next.id).toBe(8);
  });

  it("restores password hashes from a dump taken with secrets", async () => {
    await emptyDatabase();
    await importDump(target, textDumpSource(await collect(exportAll(source.db, { includeSecrets: true }))));
    const [admin] = await queryRows<{ password_hash: string }>(target.db, sql`SELECT password_hash FROM users WHERE id = 1`);
    expect(admin.password_hash).toBe("$2b$10$abcdefghijklmnopqrstuv");
  });

  it("dry run validates and counts, and writes nothing", async () => {
    await emptyDatabase();
    const report = await importDump(target, textDumpSource(dump), { dryRun: true });
    expect(report.status).toBe("validated");
    expect(report.counts.users).toBe(3);
    expect(await totalRows(target)).toBe(0);
  });

  it("rejects a dump with bad records and leaves the database untouched, even with replace", async () => {
    await databaseWithOneUser();
    const bad = dump.replace('"email":"admin@ironlog.dev"', '"email":"Admin@Ironlog.dev"').replace('"reps":20', '"reps":-1');
    const report = await importDump(target, textDumpSource(bad, "bad.ndjson"), { mode: "replace" });
    expect(report.status).toBe("rejected");
    expect(report.rejections).toEqual([
      { line: 2, table: "users", field: "email", message: "must be lower-case" },
      expect.objectContaining({ table: "session_sets", field: "reps" }),
    ]);
    expect(report.message).toBe("Refused: 2 record(s) rejected; nothing was written.");
    expect(await totalRows(target)).toBe(1);
  });

  it("refuses a database that already holds data unless told to replace it", async () => {
    await databaseWithOneUser();
    const report = await importDump(target, textDumpSource(dump));
    expect(report.status).toBe("refused");
    expect(report.message).toContain("--replace");
    expect(await totalRows(target)).toBe(1);
    const dryRun = await importDump(target, textDumpSource(dump), { dryRun: true });
    expect(dryRun.status).toBe("refused");
  });

  it("replace deletes what the database held and loads the dump", async () => {
    await databaseWithOneUser();
    const report = await importDump(target, textDumpSource(dump), { mode: "replace" });
    expect(report).toMatchObject({ status: "imported", targetWasEmpty: false });
    expect(withoutHeader(await collect(exportAll(target.db)))).toBe(withoutHeader(dump));
  });

  it("rolls everything back, the replace included, when the database refuses a row", async () => {
    await databaseWithOneUser();
    // A rule the dump cannot know about, as an operator's own constraint would be.
    await target.db.execute(sql`CREATE FUNCTION no_heavy_sets() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.weight_kg > 100 THEN RAISE EXCEPTION 'sets over 100 kg need a coach'; END IF; RETURN NEW; END $$`);
    await target.db.execute(
      sql`CREATE TRIGGER no_heavy_sets BEFORE INSERT ON session_sets FOR EACH ROW EXECUTE FUNCTION no_heavy_sets()`,
    );
    let report;
    try {
      report = await importDump(target, textDumpSource(dump), { mode: "replace" });
    } finally {
      await target.db.execute(sql`DROP TRIGGER no_heavy_sets ON session_sets`);
      await target.db.execute(sql`DROP FUNCTION no_heavy_sets()`);
    }
    expect(report.status).toBe("failed");
    expect(report.message).toMatch(/^Failed, nothing was written: session_sets, lines \d+-\d+: sets over 100 kg need a coach/);
    const remaining = await target.db.select().from(users);
    expect(remaining.map((u) => u.email)).toEqual(["already@here.com"]);
    expect(await totalRows(target)).toBe(1);
  });

  it("refuses a file that changed between the validation pass and the write pass", async () => {
    await emptyDatabase();
    let reads = 0;
    const changing: DumpSource = {
      name: "changing.ndjson",
      lines: () => textDumpSource(reads++ === 0 ? dump : dump.replace("Ada Admin", "Eve Intruder")).lines(),
    };
    const report = await importDump(target, changing);
    expect(report.status).toBe("failed");
    expect(report.message).toContain("changed while it was being imported");
    expect(await totalRows(target)).toBe(0);
  });

  it("loads a dump from an older schema: columns it lacks take their defaults", async () => {
    await emptyDatabase();
    const header = dump.split("\n")[0];
    const old = [
      header,
      '{"table":"users","row":{"id":4,"email":"old@example.com"}}',
      '{"end":"ironlog-dump","counts":{"users":1}}',
      "",
    ].join("\n");
    expect((await importDump(target, textDumpSource(old))).status).toBe("imported");
    const [user] = await target.db.select().from(users);
    expect(user).toMatchObject({ id: 4, role: "athlete", weightUnit: "kg" });
  });

  it("applies pending schema migrations before loading (a dry run only says it would)", async () => {
    const bare = await createBareDatabase();
    opened.push(bare);
    const dryRun = await importDump(bare, textDumpSource(dump), { dryRun: true });
    expect(dryRun).toMatchObject({ status: "validated", schemaMigrationsApplied: SHIPPED.length, targetWasEmpty: true });
    expect((await schemaMigrationStatus(bare.db)).applied).toBe(0);
    const report = await importDump(bare, textDumpSource(dump));
    expect(report).toMatchObject({ status: "imported", schemaMigrationsApplied: SHIPPED.length });
    expect(await rowCount(bare.db, "session_sets")).toBe(3);
  });

  it("carries set types, times, distances, measures and supersets (format 3)", async () => {
    await source.db.execute(
      sql`UPDATE session_sets SET set_type = 'warmup', duration_seconds = 45, distance_m = 12.5 WHERE id = (SELECT min(id) FROM session_sets)`,
    );
    await source.db.execute(sql`UPDATE exercises SET measure = 'distance' WHERE id = (SELECT min(id) FROM exercises)`);
    await source.db.execute(sql`UPDATE split_day_exercises SET superset_group = 2`);
    const fresh = await collect(exportAll(source.db));
    await emptyDatabase();
    expect((await importDump(target, textDumpSource(fresh))).status).toBe("imported");
    const [set] = await queryRows<{ set_type: string; duration_seconds: number; distance_m: string }>(
      target.db,
      sql`SELECT set_type, duration_seconds, distance_m FROM session_sets ORDER BY id LIMIT 1`,
    );
    expect({ ...set, distance_m: Number(set.distance_m) }).toEqual({
      set_type: "warmup",
      duration_seconds: 45,
      distance_m: 12.5,
    });
    const [exercise] = await queryRows<{ measure: string }>(target.db, sql`SELECT measure FROM exercises ORDER BY id LIMIT 1`);
    expect(exercise.measure).toBe("distance");
    const groups = await queryRows<{ superset_group: number }>(
      target.db,
      sql`SELECT DISTINCT superset_group FROM split_day_exercises`,
    );
    expect(groups).toEqual([{ superset_group: 2 }]);
  });

  it("loads a format-4 dump: a set's field times named weight and distance are read by their current names", async () => {
    const lines = dump
      .trim()
      .split("\n")
      .map((line) => {
        const value = JSON.parse(line);
        if (value.format)
          return JSON.stringify({ ...value, format_version: 4, schema_migration: "0014_import_created_exercises" });
        if (value.table === "session_sets") value.row.field_times = { weight: 11, reps: 12, distance: 13, position: 14 };
        return JSON.stringify(value);
      });
    await emptyDatabase();
    const report = await importDump(target, textDumpSource(lines.join("\n") + "\n", "v4.ndjson"));
    expect(report.rejections).toEqual([]);
    const times = await queryRows<{ field_times: unknown }>(target.db, sql`SELECT DISTINCT field_times FROM session_sets`);
    expect(times.map((t) => (typeof t.field_times === "string" ? JSON.parse(t.field_times) : t.field_times))).toEqual([
      { weightKg: 11, reps: 12, distanceM: 13, position: 14 },
    ]);
  });

  it("loads a format-5 dump (before sessions had a uid): each session takes its own", async () => {
    const lines = dump
      .trim()
      .split("\n")
      .map((line) => {
        const value = JSON.parse(line);
        if (value.format)
          return JSON.stringify({ ...value, format_version: 5, schema_migration: "0015_set_records_weight_alone" });
        if (value.table === "workout_sessions") delete value.row.uid;
        return JSON.stringify(value);
      });
    await emptyDatabase();
    const report = await importDump(target, textDumpSource(lines.join("\n") + "\n", "v5.ndjson"));
    expect(report.rejections).toEqual([]);
    const [counts] = await queryRows<{ sessions: number; uids: number }>(
      target.db,
      sql`SELECT count(*)::int AS sessions, count(DISTINCT uid)::int AS uids FROM workout_sessions`,
    );
    expect(counts.sessions).toBeGreaterThan(0);
    expect(counts.uids).toBe(counts.sessions);
  });

  it("loads a format-2 dump (before set types and measures): weight × reps, normal sets, no supersets", async () => {
    const FORMAT_3: Record<string, string[]> = {
      exercises: ["measure"],
      session_sets: ["set_type", "duration_seconds", "distance_m"],
      split_day_exercises: ["superset_group"],
      session_exercises: ["superset_group"],
    };
    const lines = dump
      .trim()
      .split("\n")
      .map((line) => {
        const value = JSON.parse(line);
        if (value.format) return JSON.stringify({ ...value, format_version: 2, schema_migration: "0008_run_trust" });
        for (const column of FORMAT_3[value.table] ?? []) delete value.row[column];
        return JSON.stringify(value);
      });
    expect(lines.join("\n")).not.toContain("set_type");
    await emptyDatabase();
    const report = await importDump(target, textDumpSource(lines.join("\n") + "\n", "v2.ndjson"));
    expect(report.rejections).toEqual([]);
    const sets = await queryRows<{ set_type: string; duration_seconds: number | null }>(
      target.db,
      sql`SELECT DISTINCT set_type, duration_seconds FROM session_sets`,
    );
    expect(sets).toEqual([{ set_type: "normal", duration_seconds: null }]);
    const measures = await queryRows<{ measure: string }>(target.db, sql`SELECT DISTINCT measure FROM exercises`);
    expect(measures).toEqual([{ measure: "reps_load" }]);
  });

  it("loads a format-1 dump (before set identities): sets get their slots, 0-rep sets are missed, one workout stays in progress", async () => {
    await emptyDatabase();
    const NEW_COLUMNS: Record<string, string[]> = {
      session_sets: ["uid", "exercise_slot_id", "missed", "revision", "field_times"],
      workout_sessions: ["uid", "revision", "field_times"],
    };
    const counts: Record<string, number> = {};
    const lines: string[] = [];
    let benchId: number | undefined;
    for (const line of dump.trim().split("\n")) {
      const value = JSON.parse(line);
      if (value.format)
        lines.push(JSON.stringify({ ...value, format_version: 1, schema_migration: "0004_exercise_names_per_owner" }));
      else if (value.end) {
        lines.push(JSON.stringify({ end: "ironlog-dump", counts }));
      } else if (value.table === "session_exercises" || value.table === "session_tombstones") continue;
      else {
        for (const column of NEW_COLUMNS[value.table] ?? []) delete value.row[column];
        if (value.table === "migration_runs" && !counts.migration_runs) {
          // A missed single of the second workout in progress (below), logged as 0 reps in format 1.
          lines.push(
            JSON.stringify({
              table: "session_sets",
              row: { id: 90, session_id: 90, exercise_id: benchId, position: 0, reps: 0, weight_kg: 120 },
            }),
          );
          counts.session_sets += 1;
        }
        if (value.table === "session_sets") benchId ??= value.row.exercise_id;
        counts[value.table] = (counts[value.table] ?? 0) + 1;
        lines.push(JSON.stringify(value));
        if (value.table === "workout_sessions" && value.row.finished_at === null) {
          // A second workout in progress of the same athlete, which format 1 allowed.
          lines.push(
            JSON.stringify({
              table: "workout_sessions",
              row: { ...value.row, id: 90, name: "Later", started_at: "2030-01-01T00:00:00+00:00" },
            }),
          );
          counts.workout_sessions += 1;
        }
      }
    }
    const report = await importDump(target, textDumpSource(lines.join("\n") + "\n", "v1.ndjson"));
    expect(report.rejections).toEqual([]);
    expect(report.message).toMatch(/^Imported/);
    const sets = await queryRows<{ id: number; slot: string; missed: boolean; reps: number }>(
      target.db,
      sql`SELECT s.id, s.exercise_slot_id AS slot, s.missed, s.reps FROM session_sets s ORDER BY s.id`,
    );
    expect(sets.every((s) => typeof s.slot === "string")).toBe(true);
    expect(sets.filter((s) => s.reps === 0).every((s) => s.missed)).toBe(true);
    // Bench's two sets share one slot; push-ups have their own; the plan's targets are on them.
    expect(new Set(sets.slice(0, 2).map((s) => s.slot)).size).toBe(1);
    const slots = await queryRows<{ position: number; target_sets: number | null }>(
      target.db,
      sql`SELECT position, target_sets FROM session_exercises ORDER BY session_id, position`,
    );
    expect(slots.slice(0, 2)).toEqual([
      { position: 0, target_sets: 4 },
      { position: 1, target_sets: 3 },
    ]);
    const inProgress = await queryRows<{ id: number }>(target.db, sql`SELECT id FROM workout_sessions WHERE finished_at IS NULL`);
    expect(inProgress.map((r) => r.id)).toEqual([90]);
  });
});
