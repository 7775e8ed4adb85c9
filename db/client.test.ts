import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { queryRows, schemaMigrationStatus } from "./client";
import { assessments, exerciseMuscles, exercises, muscles, users } from "./schema";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("database schema", () => {
  it("reports every shipped schema migration as applied", async () => {
    const status = await schemaMigrationStatus(database.db);
    expect(status.applied).toBeGreaterThan(0);
    expect(status.pending).toBe(0);
  });

  it("accepts legacy rows inserted with plain SQL naming only the legacy columns", async () => {
    await database.db.execute(sql`INSERT INTO users (email) VALUES ('legacy@example.com')`);
    await database.db.execute(
      sql`INSERT INTO assessments (user_id, equipment, equipment_items)
          SELECT id, '["basic_equipment","full_gym"]'::jsonb, NULL FROM users WHERE email = 'legacy@example.com'`,
    );
    const [row] = await database.db
      .select()
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.userId))
      .where(eq(users.email, "legacy@example.com"));
    expect(row.assessments.equipment).toEqual(["basic_equipment", "full_gym"]);
    expect(row.assessments.needsReassessment).toBe(false);
    expect(row.users.role).toBe("athlete");
  });

  it("refuses an email that is not lower-case", async () => {
    await expect(database.db.insert(users).values({ email: "Mixed@Example.com" })).rejects.toThrow();
  });

  it("refuses an activation rating outside 0-100 and a difficulty outside 1-3", async () => {
    const [ex] = await database.db.insert(exercises).values({ name: "Test Press", type: "barbell", difficulty: 2 }).returning();
    const [m] = await database.db.insert(muscles).values({ name: "Test muscle", region: "chest" }).returning();
    await expect(
      database.db.insert(exerciseMuscles).values({ exerciseId: ex.id, muscleId: m.id, activationRating: 101 }),
    ).rejects.toThrow();
    await expect(database.db.insert(exercises).values({ name: "Too Hard", type: "barbell", difficulty: 4 })).rejects.toThrow();
    await expect(queryRows(database.db, sql`INSERT INTO exercises (name, type) VALUES ('Bad type', 'sled')`)).rejects.toThrow();
  });
});
