import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { type Database, queryRows } from "@/db/client";
import { assessments, users } from "@/db/schema";
import { listUsers } from "./admin-users";
import { changeUserRole } from "@/server/services/user-roles";

let database: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db
    .insert(users)
    .values([
      { email: "boss@example.com", name: "Boss", role: "admin" },
      { email: "ann@example.com", name: "Ann Lifter" },
      { email: "bob@example.com", name: "Bob" },
      { email: "cat@example.com", name: "Cat" },
      ...Array.from({ length: 25 }, (_, i) => ({ email: `member${i}@example.com` })),
    ])
    .returning({ id: users.id, email: users.email });
  for (const r of rows) ids[r.email] = r.id;
  await database.db.insert(assessments).values([
    { userId: ids["ann@example.com"], equipment: ["basic_equipment", "full_gym"] },
    { userId: ids["bob@example.com"], equipment: "basic_equipment", equipmentItems: [], needsReassessment: true },
    { userId: ids["boss@example.com"], equipment: "full_gym", equipmentItems: [] },
  ]);
});
afterAll(async () => {
  await database?.drop();
});

describe("listUsers", () => {
  it("shows each user's role and assessment status", async () => {
    const page = await listUsers(database.db, { limit: 4 });
    expect(page.users.map((u) => [u.email, u.role, u.assessmentStatus])).toEqual([
      ["boss@example.com", "admin", "current"],
      ["ann@example.com", "athlete", "legacy_format"],
      ["bob@example.com", "athlete", "needs_reassessment"],
      ["cat@example.com", "athlete", "none"],
    ]);
  });

  it("pages by id without repeating or skipping a user", async () => {
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await listUsers(database.db, { after, limit: 10 });
      seen.push(...page.users.map((u) => u.id));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toHaveLength(29);
    expect(new Set(seen).size).toBe(29);
  });

  it("searches part of the email or the name, ignoring case", async () => {
    expect((await listUsers(database.db, { search: "LIFTER" })).users.map((u) => u.email)).toEqual(["ann@example.com"]);
    expect((await listUsers(database.db, { search: " bob@ " })).users.map((u) => u.email)).toEqual(["bob@example.com"]);
    expect((await listUsers(database.db, { search: "member1" })).users).toHaveLength(11);
    expect((await listUsers(database.db, { search: "%" })).users).toHaveLength(0);
  });

  it("filters by role", async () => {
    expect((await listUsers(database.db, { role: "admin" })).users.map((u) => u.email)).toEqual(["boss@example.com"]);
  });
});

async function roleOf(email: string): Promise<string> {
  const [row] = await database.db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return row.role;
}

describe("changeUserRole", () => {
  it("makes another user admin, and back", async () => {
    const boss = ids["boss@example.com"];
    expect(await changeUserRole(database.db, { actorId: boss, userId: ids["cat@example.com"], role: "admin" })).toEqual({
      email: "cat@example.com",
      role: "admin",
      changed: true,
    });
    expect(await roleOf("cat@example.com")).toBe("admin");
    await changeUserRole(database.db, { actorId: boss, userId: ids["cat@example.com"], role: "athlete" });
    expect(await roleOf("cat@example.com")).toBe("athlete");
  });

  it("refuses the last admin stepping down, and changes nothing", async () => {
    await expect(
      changeUserRole(database.db, { actorId: ids["boss@example.com"], userId: ids["boss@example.com"], role: "athlete" }),
    ).rejects.toThrow("You are the last admin");
    expect(await roleOf("boss@example.com")).toBe("admin");
  });

  it("lets an admin step down while another admin remains", async () => {
    await changeUserRole(database.db, { actorId: ids["boss@example.com"], userId: ids["cat@example.com"], role: "admin" });
    await changeUserRole(database.db, { actorId: ids["cat@example.com"], userId: ids["cat@example.com"], role: "athlete" });
    expect(await roleOf("cat@example.com")).toBe("athlete");
  });

  it("refuses a caller who is no longer an admin", async () => {
    await expect(
      changeUserRole(database.db, { actorId: ids["cat@example.com"], userId: ids["ann@example.com"], role: "admin" }),
    ).rejects.toThrow("Only admins can change roles.");
    expect(await roleOf("ann@example.com")).toBe("athlete");
  });

  it("reports an unknown user", async () => {
    await expect(
      changeUserRole(database.db, { actorId: ids["boss@example.com"], userId: 999_999, role: "admin" }),
    ).rejects.toThrow("That user was not found.");
  });

  // Postgres only: two demotions truly at once need two connections; PGlite is one session that
  // runs transactions one after another, where the sequential case above already covers it.
  it.runIf(usingPostgres)("never leaves Ironlog without an admin when two admins demote each other at once", async () => {
    const boss = ids["boss@example.com"];
    const cat = ids["cat@example.com"];
    await changeUserRole(database.db, { actorId: boss, userId: cat, role: "admin" });
    const second: Database = await database.openAnother();
    try {
      const results = await Promise.allSettled([
        changeUserRole(database.db, { actorId: boss, userId: cat, role: "athlete" }),
        changeUserRole(second.db, { actorId: cat, userId: boss, role: "athlete" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
      expect(n).toBe(1);
    } finally {
      await second.close();
    }
  });
});
