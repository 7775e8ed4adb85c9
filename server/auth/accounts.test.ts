import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { users } from "@/db/schema";
import { createAccount, roleOfEmail } from "./accounts";
import { checkPassword } from "./passwords";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("accounts", () => {
  it("creates an athlete whose password checks, and refuses a second account for the same email, changing nothing", async () => {
    const account = { email: "new@example.com", name: "New Athlete", password: "squat-bench-deadlift" };
    expect(await createAccount(database.db, account)).toBe(true);
    expect(await createAccount(database.db, { ...account, name: "Someone Else", password: "another-password-1" })).toBe(false);

    const rows = await database.db.select().from(users).where(eq(users.email, account.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "New Athlete", role: "athlete" });
    expect((await checkPassword(account.password, rows[0].passwordHash)).valid).toBe(true);
  });

  it("finds the role of an email, and nothing for an unknown one", async () => {
    await database.db.insert(users).values({ email: "coach@example.com", role: "admin" });
    expect(await roleOfEmail(database.db, "coach@example.com")).toBe("admin");
    expect(await roleOfEmail(database.db, "nobody@example.com")).toBeNull();
  });
});
