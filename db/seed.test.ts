import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { queryRows } from "./client";
import { assessments, exercises, sessionSets, users, workoutSessions } from "./schema";
import { EXERCISE_TYPES } from "@/lib/training/types";
import { DEMO_ACCOUNTS, seedDemoData } from "./seed";
import { hashPassword, verifyPassword } from "@/server/auth/passwords";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, { hashPassword, now: new Date("2026-11-20T12:00:00Z") });
});
afterAll(async () => {
  await database?.drop();
});

describe("demo data", () => {
  it("has a library of at least 40 exercises of every type", async () => {
    const rows = await database.db.select({ type: exercises.type, n: count() }).from(exercises).groupBy(exercises.type);
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(rows.map((r) => r.type).sort()).toEqual([...EXERCISE_TYPES].sort());
  });

  it("creates the demo accounts with the demo password and the right roles", async () => {
    const [admin] = await database.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin));
    const [athlete] = await database.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.athlete));
    expect(admin.role).toBe("admin");
    expect(athlete.role).toBe("athlete");
    expect(await verifyPassword("ironlog-demo", athlete.passwordHash)).toBe(true);
  });

  it("holds assessments in legacy-table proportions: 115 valid, 25 arrays, 10 basic without items, 5 invalid", async () => {
    const [row] = await queryRows<{ valid: number; arrays: number; basic_no_items: number; total: number }>(
      database.db,
      sql`SELECT
        count(*) FILTER (WHERE jsonb_typeof(equipment) = 'string'
          AND equipment #>> '{}' IN ('no_equipment', 'full_gym')
          AND jsonb_typeof(equipment_items) = 'array')::int
        + count(*) FILTER (WHERE equipment = '"basic_equipment"'::jsonb
          AND jsonb_typeof(equipment_items) = 'array' AND jsonb_array_length(equipment_items) > 0)::int AS valid,
        count(*) FILTER (WHERE jsonb_typeof(equipment) = 'array')::int AS arrays,
        count(*) FILTER (WHERE equipment = '"basic_equipment"'::jsonb
          AND (equipment_items IS NULL OR equipment_items = '[]'::jsonb))::int AS basic_no_items,
        count(*)::int AS total
      FROM assessments`,
    );
    // Arrays include the invalid ones ([] and an unknown name); so do the string rows.
    expect(row.valid).toBe(115);
    expect(row.arrays).toBe(25 + 2);
    expect(row.basic_no_items).toBe(10);
    expect(row.total).toBe(155);
  });

  it("gives the demo athlete a few weeks of sessions with sets", async () => {
    const [athlete] = await database.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.athlete));
    const [{ n: sessions }] = await database.db
      .select({ n: count() })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, athlete.id));
    const [{ n: sets }] = await database.db
      .select({ n: count() })
      .from(sessionSets)
      .innerJoin(workoutSessions, eq(workoutSessions.id, sessionSets.sessionId))
      .where(eq(workoutSessions.userId, athlete.id));
    expect(sessions).toBeGreaterThanOrEqual(9);
    expect(sets).toBeGreaterThan(sessions * 6);
  });

  it("flags the re-assessment demo account and nobody else before any migration", async () => {
    const flagged = await database.db
      .select({ email: users.email })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.userId))
      .where(eq(assessments.needsReassessment, true));
    expect(flagged.map((f) => f.email).sort()).toEqual([DEMO_ACCOUNTS.reassess, DEMO_ACCOUNTS.untold].sort());
  });
});
