/**
 * Test-only helpers for the migration tests: legacy rows inserted with plain SQL (as other systems
 * do), so any JSON, SQL NULL included, can be stored; and byte-level snapshots of the tables.
 */
import { sql } from "drizzle-orm";
import { type Database, type DbOrTx, queryRows } from "@/db/client";
import { seedExerciseLibrary } from "@/db/seed";
import { deferred } from "@/lib/deferred";
import { type RunMigrationOptions, startMigrationRun } from "@/server/migrations/engine";
import type { LaunchedRun } from "@/server/migrations/run-launcher";
import { readSourceRows } from "@/server/migrations/define-migration";
import type { DataMigration, SourceRow } from "@/server/migrations/types";

/** A value for a jsonb column: `undefined` stores SQL NULL, anything else is stored as that JSON. */
export interface LegacyAssessment {
  email: string;
  equipment: unknown;
  items?: unknown;
  needsReassessment?: boolean;
  sport?: string | null;
  age?: number | null;
}

function jsonb(value: unknown) {
  return value === undefined ? sql`NULL` : sql`${JSON.stringify(value)}::text::jsonb`;
}

/** Insert users and their assessments; returns the assessment ids in input order. */
export async function insertLegacyAssessments(db: DbOrTx, rows: LegacyAssessment[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const [user] = await queryRows<{ id: number }>(db, sql`INSERT INTO users (email) VALUES (${row.email}) RETURNING id`);
    const [assessment] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO assessments (user_id, equipment, equipment_items, needs_reassessment, sport, age)
          VALUES (${user.id}, ${jsonb(row.equipment)}, ${jsonb(row.items)}, ${row.needsReassessment ?? false},
                  ${row.sport ?? "running"}, ${row.age ?? 30})
          RETURNING id`,
    );
    ids.push(assessment.id);
  }
  return ids;
}

/** Every row of a table as Postgres renders it, in key order: equal snapshots mean byte-identical rows. */
export async function tableSnapshot(db: DbOrTx, table: "assessments" | "exercises"): Promise<string[]> {
  const rows = await queryRows<{ row: string }>(db, sql`SELECT t::text AS row FROM ${sql.identifier(table)} t ORDER BY t.id`);
  return rows.map((r) => r.row);
}

export interface AssessmentState extends Record<string, unknown> {
  id: number;
  equipment: string | null;
  items: string | null;
  needsReassessment: boolean;
  reason: string | null;
  flaggedByRunId: number | null;
  sport: string | null;
  age: number | null;
}

/** One assessment's migrated columns, jsonb as text so SQL NULL (null) and JSON null ("null") differ. */
export async function assessmentState(db: DbOrTx, id: number): Promise<AssessmentState> {
  const [row] = await queryRows<AssessmentState>(
    db,
    sql`SELECT id, equipment::text AS equipment, equipment_items::text AS items, needs_reassessment AS "needsReassessment",
               reassessment_reason AS reason, flagged_by_run_id AS "flaggedByRunId", sport, age
        FROM assessments WHERE id = ${id}`,
  );
  return row;
}

/**
 * Empty the tables migration tests write, ids restarting at 1. `migration_run_items` is named
 * because it has no foreign key to runs for TRUNCATE ... CASCADE to follow.
 */
export async function emptyMigrationTables(db: DbOrTx, options: { exercises?: boolean; library?: boolean } = {}): Promise<void> {
  await db.execute(
    options.exercises
      ? sql`TRUNCATE users, exercises, migration_runs, migration_run_items RESTART IDENTITY CASCADE`
      : sql`TRUNCATE users, migration_runs, migration_run_items RESTART IDENTITY CASCADE`,
  );
  // The built-in exercise library, which program generation (the equipment migration's checks) reads.
  if (options.library) await seedExerciseLibrary(db);
}

/** Resolves when `release` is called: lets a test hold a run between two batches. */
export function gate(): { wait: Promise<void>; release(): void } {
  const opened = deferred<void>();
  return { wait: opened.promise, release: () => opened.resolve() };
}

/**
 * Start a run and hold it after its first batch, its transaction still open (rows read, progress
 * reported), until `release()` lets it go on to the end.
 */
export async function startHeldRun(
  database: Database,
  options: Omit<RunMigrationOptions, "onProgress">,
): Promise<LaunchedRun & { release(): void }> {
  const hold = gate();
  const reached = gate();
  const run = await startMigrationRun(database, {
    ...options,
    onProgress: async (p) => {
      if (p.processed > 0) {
        reached.release();
        await hold.wait;
      }
    },
  });
  await reached.wait;
  return { ...run, release: hold.release };
}

/** Collect an async iterable of string chunks into one string. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A JSON report's outcome (`summary` and `details`), without the header that names the run itself. */
export async function reportOutcome(chunks: AsyncIterable<string>): Promise<unknown> {
  const { summary, details } = JSON.parse(await collect(chunks)) as { summary: unknown; details: unknown };
  return { summary, details };
}

/**
 * Hold a migration's SQL pre-filter to its classifier, on every row of its table as the real read
 * returns it: `missed` are rows the filter leaves out although the classifier would change them (a
 * run would silently skip them: must be none), `extra` rows it lets through that the classifier skips
 * (harmless, only read and counted; none where the filter is exact).
 */
export async function filterAgreement<Row extends SourceRow>(db: DbOrTx, migration: DataMigration<Row>) {
  const { declaration } = migration;
  const read = (where: ReturnType<typeof sql>) => readSourceRows(db, declaration, { where, limit: 1_000_000 });
  const changes = (row: Row) => declaration.classify(row).status !== "skipped";
  const missed = (await read(sql`NOT COALESCE((${declaration.mayNeedChange}), false)`)).filter(changes);
  const extra = (await read(declaration.mayNeedChange)).filter((row) => !changes(row));
  return { missed, extra };
}

/**
 * Run `work` while Postgres refuses every UPDATE of `table` whose old row matches `when` (SQL over
 * OLD), raising `message`: a real fault from inside the database, injected from the test side, in
 * the middle of a run when `when` picks rows of a later batch. The trigger is dropped afterwards.
 */
export async function withRefusedUpdates<T>(
  db: DbOrTx,
  fault: { table: "assessments" | "exercises" | "splits"; when: string; message: string },
  work: () => Promise<T>,
): Promise<T> {
  const table = sql.identifier(fault.table);
  await db.execute(
    sql.raw(`CREATE FUNCTION test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '${fault.message.replaceAll("'", "''")}'; END $$`),
  );
  await db.execute(sql`CREATE TRIGGER test_refuse_update BEFORE UPDATE ON ${table} FOR EACH ROW
    WHEN (${sql.raw(fault.when)}) EXECUTE FUNCTION test_refuse_update()`);
  try {
    return await work();
  } finally {
    await db.execute(sql`DROP TRIGGER test_refuse_update ON ${table}`);
    await db.execute(sql`DROP FUNCTION test_refuse_update()`);
  }
}
