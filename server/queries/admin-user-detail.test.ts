import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { assessments, users, workoutSessions } from "@/db/schema";
import { runMigration } from "@/server/migrations/engine";
import { getAdminUserDetail } from "./admin-user-detail";

let database: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db
    .insert(users)
    .values([
      { email: "legacy@example.com", passwordHash: "x" },
      { email: "basic@example.com" },
      { email: "new@example.com" },
      { email: "other@example.com" },
    ])
    .returning({ id: users.id, email: users.email });
  for (const r of rows) ids[r.email] = r.id;
  await database.db.insert(assessments).values([
    { userId: ids["legacy@example.com"], equipment: ["no_equipment", "full_gym"] },
    { userId: ids["basic@example.com"], equipment: "basic_equipment", equipmentItems: [] },
    { userId: ids["other@example.com"], equipment: ["basic_equipment"], equipmentItems: ["bench"] },
  ]);
  await database.db.insert(workoutSessions).values([
    {
      userId: ids["legacy@example.com"],
      name: "Push",
      startedAt: new Date("2026-11-01T10:00:00Z"),
      finishedAt: new Date("2026-11-01T11:00:00Z"),
    },
    { userId: ids["legacy@example.com"], name: "Pull", startedAt: new Date("2026-11-03T10:00:00Z") },
    { userId: ids["other@example.com"], name: "Legs" },
  ]);
});
afterAll(async () => {
  await database?.drop();
});

describe("the admin's page for one user", () => {
  it("lists the runs that touched the user, newest first, with the values before and after", async () => {
    const dry = await runMigration(database, {
      migrationId: "equipment-single-choice",
      mode: "dry_run",
      startedBy: { label: "test" },
    });
    const applied = await runMigration(database, {
      migrationId: "equipment-single-choice",
      mode: "apply",
      startedBy: { label: "test" },
    });
    const detail = await getAdminUserDetail(database.db, ids["legacy@example.com"]);
    expect(detail?.runs.map((r) => [r.run.id, r.run.mode, r.item.status])).toEqual([
      [applied.run.id, "apply", "migrated"],
      [dry.run.id, "dry_run", "migrated"],
    ]);
    expect(detail?.runs[0].item).toMatchObject({
      before: { equipment: ["no_equipment", "full_gym"] },
      after: { equipment: "full_gym", equipment_items: [] },
    });
    expect(detail?.assessmentStatus).toBe("current");
  });

  it("shows the flag a run set, and by which run", async () => {
    const detail = await getAdminUserDetail(database.db, ids["basic@example.com"]);
    expect(detail?.assessmentStatus).toBe("needs_reassessment");
    expect(detail?.assessment?.flaggedByRunId).toBe(detail?.runs[0].run.id);
    expect(detail?.runs[0].item.status).toBe("flagged");
  });

  it("counts only this user's training sessions, and says when the last one was", async () => {
    const detail = await getAdminUserDetail(database.db, ids["legacy@example.com"]);
    expect(detail?.training).toEqual({ sessions: 2, lastSessionAt: new Date("2026-11-03T10:00:00Z") });
    expect(detail?.user.hasPassword).toBe(true);
  });

  it("has nothing to list for a user no run touched and who never trained", async () => {
    const detail = await getAdminUserDetail(database.db, ids["new@example.com"]);
    expect(detail).toMatchObject({
      assessment: null,
      assessmentStatus: "none",
      runs: [],
      training: { sessions: 0, lastSessionAt: null },
    });
    expect(detail?.user.hasPassword).toBe(false);
  });

  it("is null for a user that does not exist", async () => {
    expect(await getAdminUserDetail(database.db, 999_999)).toBeNull();
  });
});
