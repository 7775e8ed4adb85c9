/**
 * The real command line, spawned as operators run it: on PGlite (a temporary IRONLOG_DATA_DIR) or,
 * with DATABASE_URL set, on a fresh Postgres database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows, runSchemaMigrations } from "@/db/client";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { insertLegacyAssessments, startHeldRun, tableSnapshot } from "@/test/migrations";
import { nodeScriptArgs } from "@/test/scripts";
import { decideApproval, requestApproval, setApprovalRequirement } from "./approvals";

const ROOT = path.resolve(__dirname, "../..");

let folder: string;
let pg: TestDatabase | undefined;

/** The database the CLI will use. On PGlite it must be closed before the CLI opens the folder. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  if (pg) return fn(pg);
  const database = await openDatabase({ dataDir: path.join(folder, "pglite") });
  try {
    await runSchemaMigrations(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function migrate(
  args: string[],
  env: Record<string, string | undefined> = {},
  onStdout?: (stdout: string, child: ReturnType<typeof spawn>) => void,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeScriptArgs("migrate", args), {
      cwd: ROOT,
      env: {
        ...process.env,
        IRONLOG_DATA_DIR: folder,
        DATABASE_URL: pg?.url ?? "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const equipment = (...args: string[]) => migrate(["equipment-single-choice", ...args]);

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-cli-"));
  if (usingPostgres) pg = await createTestDatabase();
  await withDatabase((database) => insertLegacyAssessments(database.db, EQUIPMENT_CASES));
});
afterAll(async () => {
  await pg?.drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

// Each case spawns the real script (a few seconds each on a busy machine).
describe("npm run migrate", { timeout: 240_000 }, () => {
  it("previews with --dry-run --save-report, in the operator guide's words, changing nothing", async () => {
    const before = await withDatabase((database) => tableSnapshot(database.db, "assessments"));
    const file = path.join(folder, "preview.json");
    const result = await equipment("--dry-run", "--save-report", file);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const counts = expectedCounts();
    const lines = [
      "Starting equipment data migration...",
      "DRY RUN MODE - No changes will be saved",
      `Found ${EQUIPMENT_CASES.length} assessments to process`,
      "--- Migration Report ---",
      `Total Processed: ${counts.total_processed}`,
      `Migrated: ${counts.migrated}`,
      `Flagged for Re-assessment: ${counts.flagged}`,
      `Skipped (Already Valid): ${counts.skipped}`,
      `Errors: ${counts.errors}`,
      `Report saved to: ${file}`,
      "Migration completed successfully!",
    ];
    let from = 0;
    for (const line of lines) {
      const at = result.stdout.indexOf(line, from);
      expect(at, `"${line}" in order in:\n${result.stdout}`).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    // Not a terminal: plain progress lines, no carriage-return bar.
    expect(result.stdout).toMatch(/Progress: 20\/20 assessments \(100%\)/);
    expect(result.stdout).not.toContain("\r");

    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(report.summary).toEqual(counts);
    expect(report.details).toHaveLength(counts.migrated + counts.flagged + counts.errors);
    expect(await withDatabase((database) => tableSnapshot(database.db, "assessments"))).toEqual(before);
  });

  it("words the summary as each migration's declaration does: no re-assessment line for one that never flags", async () => {
    const result = await migrate(["exercise-backfill", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Starting exercise backfill data migration...");
    expect(result.stdout).toMatch(/^Skipped \(already filled\): \d+$/m);
    expect(result.stdout).not.toContain("Flagged");
    expect(result.stdout).not.toContain("Already Valid");
  });

  it("applies with --save-report --format csv, and the run can be undone by id", async () => {
    const file = path.join(folder, "applied.csv");
    const applied = await equipment("--save-report", file, "--format", "csv");
    expect(applied.code).toBe(0);
    expect(applied.stdout).not.toContain("DRY RUN");
    // The header row first, so a spreadsheet opens the file as a table.
    const csv = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
    expect(csv[0]).toMatch(/^user_id,user_email,status,/);
    expect(csv).toHaveLength(1 + EQUIPMENT_CASES.filter((c) => c.expected !== "skipped").length);
    const runId = Number(/Run (\d+) applied/.exec(applied.stdout)?.[1]);
    // Left as lists: the three error rows ([], ["full_gym","gym"], and ["full_gym"] with bad items).
    expect(await withDatabase((database) => legacyLists(database))).toBe(3);

    const undone = await equipment("--undo", String(runId));
    expect(undone.code).toBe(0);
    expect(undone.stdout).toContain(`Restored: ${expectedCounts().migrated + expectedCounts().flagged}`);
    expect(undone.stdout).toContain("Undo completed successfully!");
    expect(await withDatabase((database) => legacyLists(database))).toBe(3 + 4);

    const again = await equipment("--undo", String(runId));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`was already undone`);

    const list = await equipment("--list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`#${runId}\\s+apply\\s+completed.*undone by run`));
  });

  it("exits 1 when the run fails, saying it was rolled back, and changes nothing", async () => {
    await withDatabase(async (database) => {
      await database.db.execute(sql`
        CREATE FUNCTION cli_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'storage is read-only'; END $$`);
      await database.db.execute(
        sql`CREATE TRIGGER cli_refuse BEFORE UPDATE ON assessments FOR EACH ROW EXECUTE FUNCTION cli_refuse()`,
      );
    });
    try {
      const before = await withDatabase((database) => tableSnapshot(database.db, "assessments"));
      const file = path.join(folder, "never.json");
      const result = await equipment("--save-report", file);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Migration failed: storage is read-only");
      expect(result.stderr).toContain("All changes were rolled back");
      expect(result.stdout).not.toContain("Migration completed successfully!");
      expect(fs.existsSync(file)).toBe(false);
      expect(await withDatabase((database) => tableSnapshot(database.db, "assessments"))).toEqual(before);
    } finally {
      await withDatabase(async (database) => {
        await database.db.execute(sql`DROP TRIGGER cli_refuse ON assessments`);
        await database.db.execute(sql`DROP FUNCTION cli_refuse()`);
      });
    }
  });

  it.each([
    [["--force"], /Unknown option '--force'/],
    [["--save-report", "/nonexistent-ironlog-dir/report.json"], /folder \/nonexistent-ironlog-dir does not exist/],
    [["--format", "xml", "--save-report", "r.xml"], /--format must be json or csv/],
  ])("exits 2 for the usage error %j before reading any data", async (args, message) => {
    // An unreachable database proves nothing was opened: usage is checked first.
    const result = await migrate(["equipment-single-choice", ...args], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: npm run migrate");
  });

  it("exits 2 for an unknown migration id, and prints help with --help", async () => {
    const unknown = await migrate(["no-such-migration"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no data migration called "no-such-migration"');
    const help = await migrate(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--undo RUN_ID");
    expect(help.stdout).toContain("exercise-backfill");
  });

  it("takes over from a run left 'running' by a killed process", async () => {
    await withDatabase((database) =>
      database.db.execute(
        sql`INSERT INTO migration_runs (migration_id, mode, started_by) VALUES ('equipment-single-choice', 'apply', 'killed')`,
      ),
    );
    const result = await equipment("--dry-run");
    expect(result.code).toBe(0);
    const [stale] = await withDatabase((database) =>
      queryRows<{ status: string; error: string }>(
        database.db,
        sql`SELECT status, error FROM migration_runs WHERE started_by = 'killed'`,
      ),
    );
    expect(stale).toMatchObject({ status: "failed", error: expect.stringContaining("ended before the run finished") });
  });

  // Postgres only: the CLI runs in another process, and a PGlite folder cannot be opened by two
  // processes at once (the CLI exits 4 instead), so only a server has a run lock to contend for.
  it.runIf(usingPostgres)("exits 3 while another instance's run holds the lock", async () => {
    const database = pg!;
    const running = await startHeldRun(database, {
      migrationId: "equipment-single-choice",
      mode: "dry_run",
      startedBy: { label: "admin@ironlog.dev" },
      batchSize: 5,
    });
    try {
      const result = await equipment("--dry-run");
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/already in progress, started by admin@ironlog\.dev at \d{4}-\d\d-\d\dT/);
    } finally {
      running.release();
    }
    expect((await running.done).status).toBe("completed");
  });
});

// A table big enough that the run is still going when Ctrl-C arrives, in a database of its own.
describe("Ctrl-C", { timeout: 240_000 }, () => {
  it("cancels the run: it rolls back, is recorded cancelled by the operator, and the command exits 130", async () => {
    const bigFolder = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-cli-big-"));
    const big = usingPostgres ? await createTestDatabase() : await openDatabase({ dataDir: path.join(bigFolder, "pglite") });
    try {
      if (!usingPostgres) await runSchemaMigrations(big);
      await big.db.execute(sql`INSERT INTO users (email) SELECT 'bulk' || g || '@example.com' FROM generate_series(1, 40000) g`);
      await big.db.execute(
        sql`INSERT INTO assessments (user_id, equipment) SELECT id, '["full_gym", "no_equipment"]'::jsonb FROM users`,
      );
      const before = await tableSnapshot(big.db, "assessments");
      if (!usingPostgres) await big.close();

      let interrupted = false;
      const result = await migrate(
        ["equipment-single-choice"],
        { IRONLOG_DATA_DIR: bigFolder, DATABASE_URL: (big as TestDatabase).url ?? "" },
        (stdout, child) => {
          if (!interrupted && stdout.includes("assessments to process")) {
            interrupted = true;
            child.kill("SIGINT");
          }
        },
      );
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(130);
      expect(result.stderr, result.stdout).not.toBe("");
      expect(result.stderr).toContain("Cancelling run 1 (Ctrl-C): rolling back...");
      expect(result.stderr).toMatch(/Migration cancelled by cli:/);
      expect(result.stderr).toContain("All changes were rolled back; nothing was saved. Run 1 is recorded as cancelled.");

      const check = usingPostgres ? big : await openDatabase({ dataDir: path.join(bigFolder, "pglite") });
      try {
        const [run] = await queryRows<{ status: string; cancelled_by: string; migrated: number }>(
          check.db,
          sql`SELECT status, cancelled_by, migrated FROM migration_runs WHERE id = 1`,
        );
        expect(run).toMatchObject({ status: "cancelled", cancelled_by: expect.stringMatching(/^cli:/), migrated: 0 });
        expect(await tableSnapshot(check.db, "assessments")).toEqual(before);
      } finally {
        if (!usingPostgres) await check.close();
      }
    } finally {
      if (usingPostgres) await (big as TestDatabase).drop();
      fs.rmSync(bigFolder, { recursive: true, force: true });
    }
  });
});

async function legacyLists(database: Database): Promise<number> {
  const [row] = await queryRows<{ lists: number }>(
    database.db,
    sql`SELECT count(*)::int AS lists FROM assessments WHERE jsonb_typeof(equipment) = 'array'`,
  );
  return row.lists;
}

describe("--approval-id", { timeout: 240_000 }, () => {
  it("exits 5 without a usable approval when the migration needs one, and applies with one", async () => {
    const id = "exercise-backfill";
    const asked = await withDatabase(async (database) => {
      const [asker, checker] = await queryRows<{ id: number; email: string }>(
        database.db,
        sql`INSERT INTO users (email, role) VALUES ('asker@cli.test', 'admin'), ('checker@cli.test', 'admin') RETURNING id, email`,
      );
      await setApprovalRequirement(database.db, { migrationId: id, requiresApproval: true, by: { label: asker.email } });
      return { asker: { userId: asker.id, label: asker.email }, checker: { userId: checker.id, label: checker.email } };
    });
    const refused = await migrate([id]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain("needs another admin's approval");

    expect((await migrate([id, "--dry-run"])).code).toBe(0);
    const approvalId = await withDatabase(async (database) => {
      const [preview] = await queryRows<{ id: number }>(
        database.db,
        sql`SELECT id FROM migration_runs WHERE migration_id = ${id} AND mode = 'dry_run' ORDER BY id DESC LIMIT 1`,
      );
      const request = await requestApproval(database, {
        migrationId: id,
        previewRunId: preview.id,
        note: "backfill",
        requestedBy: asked.asker,
      });
      await decideApproval(database, { approvalId: request.id, approve: true, note: "ok", decidedBy: asked.checker });
      return request.id;
    });
    expect((await migrate([id, "--approval-id", String(approvalId + 1)])).code).toBe(5);
    const applied = await migrate([id, "--approval-id", String(approvalId)]);
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`Approval #${approvalId} checked`);
    const used = await migrate([id, "--approval-id", String(approvalId)]);
    expect(used.code).toBe(5);
    expect(used.stderr).toContain("already used");
  });
});
