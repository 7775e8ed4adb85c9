import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { emptyMigrationTables, insertLegacyAssessments } from "@/test/migrations";
import { runMigration } from "./engine";
import { undoMigrationRun } from "./undo";
import { changeNoticesFor, dismissChangeNotice } from "./change-notices";

const ID = "equipment-single-choice";
const admin = { userId: null, label: "admin@example.com" };

let database: TestDatabase;

async function userIdOf(email: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(database.db, sql`SELECT id FROM users WHERE email = ${email}`);
  return row.id;
}

async function noticeCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM migration_change_notices`);
  return row.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await emptyMigrationTables(database.db, { library: true });
  await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
});

describe("athletes told what a run changed", () => {
  it("a preview tells nobody", async () => {
    await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: admin });
    expect(await noticeCount()).toBe(0);
  });

  it("an applied run tells each athlete whose answer changed, in the declaration's words", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(run.status).toBe("completed");
    const counts = expectedCounts();
    expect(await noticeCount()).toBe(counts.migrated + counts.flagged);

    const notices = await changeNoticesFor(database.db, await userIdOf("list-gym@example.com"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      runId: run.id,
      href: "/reassess",
      message: expect.stringMatching(
        /^Your equipment answer was a list \(basic equipment at home, full gym\); it is now Full gym\./,
      ),
    });
    // Rows the run left alone say nothing.
    expect(await changeNoticesFor(database.db, await userIdOf("gym@example.com"))).toEqual([]);
  });

  it("shows a notice until its athlete dismisses it, and nobody else can", async () => {
    await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    const owner = await userIdOf("list-gym@example.com");
    const other = await userIdOf("gym@example.com");
    const [notice] = await changeNoticesFor(database.db, owner);
    expect(await dismissChangeNotice(database.db, other, notice.id)).toBe(false);
    expect(await changeNoticesFor(database.db, owner)).toHaveLength(1);
    expect(await dismissChangeNotice(database.db, owner, notice.id)).toBe(true);
    expect(await changeNoticesFor(database.db, owner)).toEqual([]);
  });

  it("an undone run withdraws its notices", async () => {
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: admin });
    expect(await noticeCount()).toBeGreaterThan(0);
    const undo = await undoMigrationRun(database, { runId: run.id, startedBy: admin });
    expect(undo.run.status).toBe("completed");
    expect(await noticeCount()).toBe(0);
  });
});
