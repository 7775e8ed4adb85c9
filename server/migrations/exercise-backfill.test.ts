import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "@/server/migrations/engine";
import { reportChunks } from "@/server/migrations/report";
import fc from "fast-check";
import { collect, emptyMigrationTables, filterAgreement, reportOutcome, tableSnapshot } from "@/test/migrations";
import { undoMigrationRun } from "@/server/migrations/undo";
import { type ExerciseRow, exerciseBackfill } from "./exercise-backfill";

const ID = "exercise-backfill";
const admin = { label: "test:admin" };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db, { exercises: true });
  await database.db.execute(sql`INSERT INTO users (email) VALUES ('coach@example.com')`);
  // Imported rows: only some have difficulty and equipment; one custom exercise belongs to a user.
  await database.db.execute(sql`
    INSERT INTO exercises (name, type, difficulty, equipment_required, created_by) VALUES
      ('Back Squat', 'barbell', NULL, '[]', NULL),
      ('Dumbbell Row', 'dumbbell', NULL, '["dumbbells","bench"]', NULL),
      ('Push-up', 'bodyweight', 1, '[]', NULL),
      ('Deadlift', 'barbell', 3, '["barbell"]', NULL),
      ('Coach Carry', 'dumbbell', NULL, '[]', 1),
      ('Broken Import', 'bodyweight', NULL, '"bodyweight"', NULL)`);
});

async function exercise(name: string) {
  const [row] = await queryRows<{ difficulty: number | null; equipment: string }>(
    database.db,
    sql`SELECT difficulty, equipment_required::text AS equipment FROM exercises WHERE name = ${name}`,
  );
  return row;
}

describe("exercise-backfill through the same engine", () => {
  it("previews without changing a byte, and applies with the same report", async () => {
    const before = await tableSnapshot(database.db, "exercises");
    const dry = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    expect(dry.summary).toEqual({ total_processed: 6, migrated: 4, flagged: 0, skipped: 1, errors: 1 });
    expect(await tableSnapshot(database.db, "exercises")).toEqual(before);
    expect(await exerciseBackfill.pendingCount(database.db)).toBe(5);

    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 2 });
    expect(applied.run.verification).toMatchObject({ ok: true });
    expect(await reportOutcome(reportChunks(database.db, applied.run.id, "json"))).toEqual(
      await reportOutcome(reportChunks(database.db, dry.run.id, "json")),
    );
    expect(await exerciseBackfill.pendingCount(database.db)).toBe(1);
  });

  it("fills difficulty from the type and an empty equipment list with [type]", async () => {
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(await exercise("Back Squat")).toEqual({ difficulty: 3, equipment: '["barbell"]' });
    expect(await exercise("Dumbbell Row")).toEqual({ difficulty: 2, equipment: '["dumbbells", "bench"]' });
    expect(await exercise("Push-up")).toEqual({ difficulty: 1, equipment: '["bodyweight"]' });
    expect(await exercise("Deadlift")).toEqual({ difficulty: 3, equipment: '["barbell"]' });
    expect(await exercise("Broken Import")).toEqual({ difficulty: null, equipment: '"bodyweight"' });
  });

  it("reports the exercise, its owner, and what changed", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const report = JSON.parse(await collect(reportChunks(database.db, run.id, "json")));
    expect(report.details.find((d: { exercise_name: string }) => d.exercise_name === "Coach Carry")).toEqual({
      user_id: 1,
      user_email: "coach@example.com",
      status: "migrated",
      exercise_id: 5,
      exercise_name: "Coach Carry",
      type: "dumbbell",
      original_difficulty: null,
      original_equipment_required: [],
      new_difficulty: 2,
      new_equipment_required: ["dumbbell"],
    });
    expect(report.details.find((d: { status: string }) => d.status === "error")).toMatchObject({
      exercise_name: "Broken Import",
      error: expect.stringContaining("equipment_required is the text"),
    });
  });

  it("undoes, leaving an exercise edited since as a conflict", async () => {
    const before = await tableSnapshot(database.db, "exercises");
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    await database.db.execute(sql`UPDATE exercises SET difficulty = 1 WHERE name = 'Back Squat'`);
    const undo = await undoMigrationRun(database, { runId: applied.run.id, startedBy: admin });
    expect(undo.summary).toEqual({ total_processed: 4, restored: 3, conflicts: 1 });
    expect(await exercise("Back Squat")).toEqual({ difficulty: 1, equipment: '["barbell"]' });
    expect(await exercise("Coach Carry")).toEqual({ difficulty: null, equipment: "[]" });
    // Every other exercise is back as it was (updated_at aside).
    const strip = (rows: string[]) =>
      rows.filter((r) => !r.includes("Back Squat")).map((r) => r.replace(/"\d{4}-\d\d-\d\d [^"]*"/g, "ts"));
    expect(strip(await tableSnapshot(database.db, "exercises"))).toEqual(strip(before));
  });
});

describe("the SQL around the rules agrees with the rules", () => {
  // jsonb cannot store the NUL character; everything else JSON can hold is fair game.
  const noNul = (value: unknown) => !JSON.stringify(value ?? null).includes("\\u0000");
  const equipment = fc.oneof(fc.constant([]), fc.array(fc.string(), { maxLength: 2 }), fc.jsonValue());

  it("never leaves out a row the classifier would change, on random values through the database", async () => {
    const samples = fc
      .sample(
        fc.record({
          type: fc.constantFrom("barbell", "dumbbell", "bodyweight"),
          difficulty: fc.constantFrom(null, 1, 2, 3),
          equipment,
        }),
        200,
      )
      .filter((s) => noNul(s.equipment));
    await emptyMigrationTables(database.db, { exercises: true });
    for (const [i, s] of samples.entries()) {
      await database.db.execute(sql`
        INSERT INTO exercises (name, type, difficulty, equipment_required)
        VALUES (${`Exercise ${i}`}, ${s.type}, ${s.difficulty}, ${JSON.stringify(s.equipment)}::text::jsonb)`);
    }
    expect(await filterAgreement(database.db, exerciseBackfill)).toEqual({ missed: [], extra: [] });
    const dry = await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin, batchSize: 32 });
    const applied = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin, batchSize: 50 });
    expect(applied.summary).toEqual(dry.summary);
    expect(applied.summary.migrated).toBeGreaterThan(0);
    expect(applied.run.verification).toMatchObject({ ok: true });
    expect(await exerciseBackfill.pendingCount(database.db)).toBe(applied.summary.errors);
  });
});

describe("what the run records", () => {
  const row: ExerciseRow = { id: 5, userId: null, name: "Back Squat", type: "barbell", difficulty: null, equipmentRequired: [] };

  it("records the changed columns, with the name and type for the report", () => {
    expect(exerciseBackfill.classify(row)).toEqual({
      status: "migrated",
      before: { name: "Back Squat", type: "barbell", difficulty: null, equipment_required: [] },
      after: { difficulty: 3, equipment_required: ["barbell"] },
    });
  });
});
