import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { assessments, migrationRuns, users } from "@/db/schema";
import { allFlaggedUsers, countFlaggedUsers, listFlaggedUsers } from "./admin-flagged";

let database: TestDatabase;
let runId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const people = await database.db
    .insert(users)
    .values(Array.from({ length: 30 }, (_, i) => ({ email: `user${String(i).padStart(2, "0")}@example.com` })))
    .returning({ id: users.id });
  const [run] = await database.db
    .insert(migrationRuns)
    .values({ migrationId: "equipment-single-choice", mode: "apply", status: "completed", startedBy: "admin@ironlog.dev" })
    .returning({ id: migrationRuns.id });
  runId = run.id;
  // Every third user is flagged: by the run, except user00, flagged before runs were recorded.
  await database.db.insert(assessments).values(
    people.map((p, i) => ({
      userId: p.id,
      equipment: "basic_equipment",
      equipmentItems: [],
      needsReassessment: i % 3 === 0,
      reassessmentReason: i % 3 === 0 ? "Basic equipment without specific items - user needs to re-assess" : null,
      flaggedAt: i % 3 === 0 ? new Date("2026-01-02T03:04:05Z") : null,
      flaggedByRunId: i % 3 === 0 && i > 0 ? runId : null,
    })),
  );
});
afterAll(async () => {
  await database?.drop();
});

describe("flagged users", () => {
  it("counts only users flagged for re-assessment", async () => {
    expect(await countFlaggedUsers(database.db)).toBe(10);
  });

  it("lists email, reason, since when and the run that flagged them", async () => {
    const page = await listFlaggedUsers(database.db, { limit: 2 });
    expect(page.users).toEqual([
      {
        userId: expect.any(Number),
        email: "user00@example.com",
        name: null,
        reason: "Basic equipment without specific items - user needs to re-assess",
        flaggedAt: new Date("2026-01-02T03:04:05Z"),
        flaggedByRunId: null,
        flaggedByMigrationId: null,
      },
      expect.objectContaining({
        email: "user03@example.com",
        flaggedByRunId: runId,
        flaggedByMigrationId: "equipment-single-choice",
      }),
    ]);
    expect(page.next).toBe(page.users[1].userId);
  });

  it("continues after a cursor", async () => {
    const first = await listFlaggedUsers(database.db, { limit: 2 });
    const second = await listFlaggedUsers(database.db, { after: first.next!, limit: 2 });
    expect(second.users.map((u) => u.email)).toEqual(["user06@example.com", "user09@example.com"]);
  });

  it("walks the whole list in batches", async () => {
    const emails: string[] = [];
    for await (const user of allFlaggedUsers(database.db, 3)) emails.push(user.email);
    expect(emails).toHaveLength(10);
    expect(emails.at(-1)).toBe("user27@example.com");
  });
});
