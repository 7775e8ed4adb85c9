/**
 * Test-only: a small database holding a row in every dump table, with the values a dump must carry
 * exactly (microsecond timestamps, numerics, jsonb of every shape, quotes and newlines, NULLs,
 * a password hash, a bigint id, gaps in ids).
 */
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import {
  assessments,
  exerciseMuscles,
  exercises,
  maintenanceNotices,
  migrationRowFixes,
  migrationSettings,
  migrationApprovals,
  migrationRunItems,
  migrationRuns,
  muscles,
  sessionExercises,
  sessionSets,
  sessionTombstones,
  splitDayExercises,
  splitDays,
  splits,
  users,
  workoutSessions,
} from "@/db/schema";

export async function insertSampleData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      { id: 1, email: "admin@ironlog.dev", name: "Ada Admin", role: "admin", passwordHash: "$2b$10$abcdefghijklmnopqrstuv" },
      { id: 2, email: "zoë@example.com", name: 'Zoë "Quotes" O\'Neil', weightUnit: "lb" },
      // A gap in ids: the import must keep them, and the next sign-up must not collide.
      { id: 7, email: "legacy@example.com", name: null },
    ]);
    await tx.execute(sql`UPDATE users SET created_at = '2024-02-29T23:59:59.123456+00' WHERE id = 2`);
    await tx.insert(assessments).values([
      {
        userId: 2,
        sport: "rugby",
        age: 27,
        experienceLevel: "intermediate",
        goal: "strength",
        daysPerWeek: 4,
        equipment: "basic_equipment",
        equipmentItems: ["dumbbells", "bench"],
      },
      {
        userId: 7,
        equipment: ["basic_equipment", "full_gym"],
        equipmentItems: null,
        needsReassessment: true,
        reassessmentReason: "multi-select\nanswer",
        flaggedAt: new Date("2025-01-01T00:00:00Z"),
        flaggedByRunId: 1,
      },
    ]);
    const [chest, triceps] = await tx
      .insert(muscles)
      .values([
        { name: "Chest", region: "chest" },
        { name: "Triceps", region: "arms" },
      ])
      .returning();
    const [bench, pushUp] = await tx
      .insert(exercises)
      .values([
        {
          name: "Bench Press",
          type: "barbell",
          difficulty: 2,
          equipmentRequired: ["barbell", "bench"],
          notes: "Keep shoulder blades\tpinned",
        },
        { name: "Push-up", type: "bodyweight", difficulty: null, equipmentRequired: { legacy: "none" }, createdBy: 2 },
      ])
      .returning();
    await tx.insert(exerciseMuscles).values([
      { exerciseId: bench.id, muscleId: chest.id, activationRating: 90 },
      { exerciseId: bench.id, muscleId: triceps.id, activationRating: 45 },
      { exerciseId: pushUp.id, muscleId: chest.id, activationRating: 70 },
    ]);
    const [split] = await tx.insert(splits).values({ userId: 2, name: "Upper / Lower", source: "generated" }).returning();
    const [day] = await tx.insert(splitDays).values({ splitId: split.id, name: "Upper", position: 0 }).returning();
    await tx.insert(splitDayExercises).values([
      {
        splitDayId: day.id,
        exerciseId: bench.id,
        position: 0,
        targetSets: 4,
        targetRepsMin: 5,
        targetRepsMax: 8,
        note: "Heavy day",
      },
      { splitDayId: day.id, exerciseId: pushUp.id, position: 1 },
    ]);
    const [session] = await tx
      .insert(workoutSessions)
      .values({
        userId: 2,
        splitDayId: day.id,
        name: "Upper",
        startedAt: new Date("2025-03-01T10:00:00Z"),
        finishedAt: new Date("2025-03-01T11:02:03Z"),
        durationSeconds: 3723,
        // Another device's workout for the same day, merged into this one (arrays survive the round trip).
        mergedUids: ["3b1d2c4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"],
      })
      .returning();
    await tx.insert(workoutSessions).values({ userId: 7, name: "In progress", notes: "ünïcödé ✓ 💪" });
    const benchSlot = "6f1c2a4e-0b8d-4c3e-9a51-2d7e8f901234";
    const pushUpSlot = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    await tx.insert(sessionExercises).values([
      {
        id: benchSlot,
        sessionId: session.id,
        exerciseId: bench.id,
        position: 0,
        targetSets: 4,
        targetRepsMin: 5,
        targetRepsMax: 8,
        note: "Heavy day",
        fieldTimes: { position: 1740823200000 },
        mergedIds: ["7c6b5a49-3827-4615-9f4e-3d2c1b0a9f8e"],
      },
      { id: pushUpSlot, sessionId: session.id, exerciseId: pushUp.id, position: 1 },
    ]);
    await tx.insert(sessionSets).values([
      {
        sessionId: session.id,
        exerciseId: bench.id,
        exerciseSlotId: benchSlot,
        position: 0,
        reps: 5,
        weightKg: 102.5,
        rpe: 8.5,
        revision: 1,
        fieldTimes: { weight: 1740823200000, reps: 1740823200000 },
      },
      {
        sessionId: session.id,
        exerciseId: bench.id,
        exerciseSlotId: benchSlot,
        position: 1,
        reps: 0,
        missed: true,
        weightKg: 110,
        rpe: null,
      },
      {
        sessionId: session.id,
        exerciseId: pushUp.id,
        exerciseSlotId: pushUpSlot,
        position: 0,
        reps: 20,
        weightKg: 0,
        notes: "to failure",
      },
    ]);
    await tx
      .insert(sessionTombstones)
      .values({ sessionId: session.id, itemId: "11111111-2222-4333-8444-555555555555", kind: "set", revision: 1 });
    const [run] = await tx
      .insert(migrationRuns)
      .values({
        migrationId: "equipment-v2",
        mode: "apply",
        status: "completed",
        startedByUserId: 1,
        startedBy: "admin@ironlog.dev",
        total: 2,
        processed: 2,
        migrated: 1,
        flagged: 1,
        durationMs: 12,
        finishedAt: new Date("2025-01-01T00:00:01Z"),
        sourceFingerprint: { count: 2, latest: "2024-12-31T00:00:00Z" },
        verification: { ok: true, checks: [{ name: "no arrays left", passed: true }] },
      })
      .returning();
    await tx.insert(migrationRunItems).values([
      {
        id: 9_007_199_254_740_000,
        runId: run.id,
        rowId: 1,
        userId: 2,
        userEmail: "zoë@example.com",
        status: "migrated",
        before: { equipment: ["basic_equipment"] },
        after: { equipment: "basic_equipment" },
      },
      {
        runId: run.id,
        rowId: 2,
        userId: 7,
        userEmail: "legacy@example.com",
        status: "flagged",
        before: { equipment: ["basic_equipment", "full_gym"] },
        after: null,
        reason: "two choices ticked",
      },
    ]);
    await tx.insert(migrationRowFixes).values({
      migrationId: "equipment-v2",
      runId: run.id,
      rowId: 2,
      before: { equipment: "Full_Gym" },
      after: { equipment: "full_gym" },
      fixedBy: "admin@ironlog.dev",
      fixedByUserId: 1,
      fixedAt: new Date("2025-01-01T00:05:00Z"),
    });
    await tx.insert(migrationSettings).values({
      migrationId: "equipment-v2",
      requiresApproval: true,
      updatedBy: "admin@ironlog.dev",
      updatedByUserId: 1,
      updatedAt: new Date("2025-01-01T00:00:00Z"),
    });
    await tx.insert(migrationApprovals).values({
      migrationId: "equipment-v2",
      previewRunId: run.id,
      fingerprint: { rows: 2, maxId: 2, maxUpdatedAt: null, writes: 3 },
      requestedBy: "admin@ironlog.dev",
      requestedByUserId: 1,
      requestNote: "Two legacy rows",
      requestedAt: new Date("2025-01-01T00:06:00Z"),
      expiresAt: new Date("2025-01-02T00:06:00Z"),
    });
    await tx.insert(maintenanceNotices).values({
      message: "Database upgrade: logging is paused.",
      startsAt: new Date("2025-01-02T01:00:00Z"),
      endsAt: new Date("2025-01-02T03:00:00Z"),
      leadMinutes: 1440,
      notifyFrom: new Date("2025-01-01T01:00:00Z"),
      endedAt: new Date("2025-01-02T02:00:00Z"),
      completionMessage: "Done early.",
      endedBy: "admin@ironlog.dev",
      createdByUserId: 1,
      createdBy: "admin@ironlog.dev",
    });
  });
}

/** Collect an export into one string. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A dump without its header line, whose created_at differs from one export to the next. */
export function withoutHeader(dump: string): string {
  return dump.slice(dump.indexOf("\n") + 1);
}

export async function rowCount(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return Number(row.n);
}
