/**
 * Import an old-system dumpdata file: read what Ironlog already holds, plan every record
 * (plan-legacy-import.ts), then insert the planned rows in one transaction. Rejected records are
 * reported and left out; with `strict`, any rejection refuses the whole import instead.
 * Users keep their Django password hash (verified at sign-in, then replaced by argon2id); those without a
 * usable one set a password through password reset.
 * Pending schema migrations are applied first (except on a dry run).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type Database, type DbOrTx, queryRows, runSchemaMigrations, schemaMigrationStatus } from "@/db/client";
import { assessments, exerciseMuscles, exercises, muscles, splitDayExercises, splitDays, splits, users } from "@/db/schema";
import { databaseErrorMessage } from "@/lib/errors";
import type { ExistingData, LegacyModelCounts, LegacyOutcome, LegacyPlan, RowRef } from "@/lib/legacy-import/legacy-plan";
import { planLegacyImport } from "@/lib/legacy-import/plan-legacy-import";
import { passwordFormatOf } from "@/server/auth/passwords";
import { exerciseNameKey, mapLegacyEmail, muscleNameKey } from "@/lib/legacy-import/legacy-values";

/** A stored hash the sign-in can verify is kept; any other means a password reset. */
const verifiable = (hash: string) => passwordFormatOf(hash) !== undefined;

export interface LegacyImportOptions {
  /** Plan and report, write nothing. */
  dryRun?: boolean;
  /** Refuse the whole import if any record is rejected. */
  strict?: boolean;
  /** Shown in the report. */
  source?: string;
}

/**
 * - imported: the mapped records are in the database (rejections, if any, are listed).
 * - validated: dry run; a real run would import the mapped records.
 * - refused: `strict` and some records were rejected; nothing was written.
 * - failed: the database refused a write; the transaction was rolled back.
 */
export type LegacyImportStatus = "imported" | "validated" | "refused" | "failed";

export interface LegacyImportReport {
  status: LegacyImportStatus;
  source: string;
  dryRun: boolean;
  /** Mapped / skipped / rejected per legacy model. */
  models: Record<string, LegacyModelCounts>;
  /** Reasons for every skipped and rejected record (and notes on mapped ones). */
  outcomes: LegacyOutcome[];
  rejectedCount: number;
  /** Rows per Ironlog table (dry run: that would be written). */
  rows: Record<string, number>;
  /** New users who can sign in with their old password / who need a password reset (counts only). */
  passwords: { usable: number; needReset: number };
  message: string;
}

const INSERT_CHUNK = 500;

class StrictRefusal extends Error {}

export async function importLegacyDump(
  database: Database,
  dump: unknown,
  options: LegacyImportOptions = {},
): Promise<LegacyImportReport> {
  const dryRun = options.dryRun ?? false;
  const schema = await schemaMigrationStatus(database.db);
  if (!dryRun && schema.pending > 0) await runSchemaMigrations(database);

  let plan: LegacyPlan | undefined;
  try {
    if (dryRun && schema.applied === 0) {
      // A database no schema migration has run on has no tables, so nothing to merge with.
      plan = planLegacyImport(
        dump,
        { userIdsByEmail: new Map(), exerciseIdsByName: new Map(), muscleIdsByName: new Map() },
        verifiable,
      );
      if (options.strict && rejectedCount(plan) > 0) throw new StrictRefusal();
    } else {
      // One transaction also for the reads, so the plan matches what it is written against.
      await database.db.transaction(async (tx) => {
        plan = planLegacyImport(dump, await readExistingData(tx, dump), verifiable);
        if (options.strict && rejectedCount(plan) > 0) throw new StrictRefusal();
        if (!dryRun) await writePlan(tx, plan);
      });
    }
  } catch (error) {
    if (!plan) throw error;
    if (error instanceof StrictRefusal) {
      return legacyReport(
        plan,
        options,
        "refused",
        `Refused (strict): ${rejectedCount(plan)} record(s) rejected; nothing was written.`,
      );
    }
    return legacyReport(plan, options, "failed", `Failed, nothing was written: ${databaseErrorMessage(error)}`);
  }
  const rows = Object.values(plannedRows(plan!)).reduce((sum, n) => sum + n, 0);
  const rejected = rejectedCount(plan!);
  const leftOut = rejected > 0 ? `; ${rejected} record(s) rejected and left out` : "";
  return dryRun
    ? legacyReport(plan!, options, "validated", `Dry run: would write ${rows} row(s)${leftOut}; nothing was written.`)
    : legacyReport(plan!, options, "imported", `Imported ${rows} row(s)${leftOut}.`);
}

function legacyReport(
  plan: LegacyPlan,
  options: LegacyImportOptions,
  status: LegacyImportStatus,
  message: string,
): LegacyImportReport {
  return {
    status,
    source: options.source ?? "(dump)",
    dryRun: options.dryRun ?? false,
    models: plan.models,
    outcomes: plan.outcomes,
    rejectedCount: rejectedCount(plan),
    rows: plannedRows(plan),
    passwords: plan.passwords,
    message,
  };
}

function rejectedCount(plan: LegacyPlan): number {
  return Object.values(plan.models).reduce((sum, counts) => sum + counts.rejected, 0);
}

function plannedRows(plan: LegacyPlan): Record<string, number> {
  return {
    users: plan.users.length,
    muscles: plan.muscles.length,
    exercises: plan.exercises.length,
    exercise_muscles: plan.exerciseMuscles.length,
    splits: plan.splits.length,
    split_days: plan.splitDays.length,
    split_day_exercises: plan.splitDayExercises.length,
    assessments: plan.assessments.length,
  };
}

/** Users the dump names (by e-mail), and every exercise and muscle, keyed as the planner compares them. */
async function readExistingData(tx: DbOrTx, dump: unknown): Promise<ExistingData> {
  const emails = Array.isArray(dump)
    ? dump.flatMap((item) => {
        const fields =
          (item as { model?: unknown; fields?: { email?: unknown } } | null)?.model === "auth.user"
            ? (item as { fields?: { email?: unknown } }).fields
            : undefined;
        const email = fields ? mapLegacyEmail(fields.email) : undefined;
        return email?.ok ? [email.value] : [];
      })
    : [];
  const userRows = emails.length
    ? await queryRows<{ id: number; email: string }>(
        tx,
        sql`SELECT id, email FROM users WHERE email IN (SELECT json_array_elements_text(${JSON.stringify(emails)}::text::json))`,
      )
    : [];
  // The old system's names were unique across all exercises. Here two athletes' private exercises
  // may share a name; where one also names a library exercise, the library's (read last) wins.
  const exerciseRows = await tx
    .select({ id: exercises.id, name: exercises.name })
    .from(exercises)
    .orderBy(sql`${exercises.createdBy} IS NULL`, exercises.id);
  const muscleRows = await tx.select({ id: muscles.id, name: muscles.name }).from(muscles);
  return {
    userIdsByEmail: new Map(userRows.map((r) => [r.email, Number(r.id)])),
    exerciseIdsByName: new Map(exerciseRows.map((r) => [exerciseNameKey(r.name), r.id])),
    muscleIdsByName: new Map(muscleRows.map((r) => [muscleNameKey(r.name), r.id])),
  };
}

/** Take `count` ids from a table's identity sequence, so rows can refer to each other before insert. */
async function allocateIds(tx: DbOrTx, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${count})`,
  );
  return rows.map((r) => Number(r.id));
}

async function insertChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

async function writePlan(tx: DbOrTx, plan: LegacyPlan): Promise<void> {
  const ids = async (table: string, keys: string[]) => {
    const allocated = await allocateIds(tx, table, keys.length);
    return new Map(keys.map((key, i) => [key, allocated[i]]));
  };
  const userIds = await ids(
    "users",
    plan.users.map((u) => u.key),
  );
  const muscleIds = await ids(
    "muscles",
    plan.muscles.map((m) => m.key),
  );
  const exerciseIds = await ids(
    "exercises",
    plan.exercises.map((e) => e.key),
  );
  const splitIds = await ids(
    "splits",
    plan.splits.map((s) => s.key),
  );
  const dayIds = await ids(
    "split_days",
    plan.splitDays.map((d) => d.key),
  );
  const resolve = (ref: RowRef, planned: Map<string, number>) =>
    "existingId" in ref ? ref.existingId : planned.get(ref.planned)!;

  await insertChunks(
    tx,
    users,
    plan.users.map((u) => ({
      id: userIds.get(u.key)!,
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash: u.passwordHash,
      createdAt: u.createdAt,
    })),
  );
  await insertChunks(
    tx,
    muscles,
    plan.muscles.map((m) => ({ id: muscleIds.get(m.key)!, name: m.name, region: m.region })),
  );
  await insertChunks(
    tx,
    exercises,
    plan.exercises.map((e) => ({
      id: exerciseIds.get(e.key)!,
      name: e.name,
      type: e.type,
      difficulty: e.difficulty,
      equipmentRequired: e.equipmentRequired,
      notes: e.notes,
      createdBy: e.createdBy ? resolve(e.createdBy, userIds) : null,
      createdAt: e.createdAt,
    })),
  );
  await insertChunks(
    tx,
    exerciseMuscles,
    plan.exerciseMuscles.map((em) => ({
      exerciseId: exerciseIds.get(em.exercise)!,
      muscleId: resolve(em.muscle, muscleIds),
      activationRating: em.activationRating,
    })),
  );
  await insertChunks(
    tx,
    splits,
    plan.splits.map((s) => ({
      id: splitIds.get(s.key)!,
      userId: userIds.get(s.user)!,
      name: s.name,
      position: s.position,
      createdAt: s.createdAt,
    })),
  );
  await insertChunks(
    tx,
    splitDays,
    plan.splitDays.map((d) => ({ id: dayIds.get(d.key)!, splitId: splitIds.get(d.split)!, name: d.name, position: d.position })),
  );
  await insertChunks(
    tx,
    splitDayExercises,
    plan.splitDayExercises.map((sde) => ({
      splitDayId: dayIds.get(sde.splitDay)!,
      exerciseId: resolve(sde.exercise, exerciseIds),
      position: sde.position,
    })),
  );
  await insertChunks(
    tx,
    assessments,
    plan.assessments.map((a) => ({
      userId: userIds.get(a.user)!,
      sport: a.sport,
      age: a.age,
      experienceLevel: a.experienceLevel,
      equipment: a.equipment,
      equipmentItems: a.equipmentItems,
      createdAt: a.createdAt,
    })),
  );
}
