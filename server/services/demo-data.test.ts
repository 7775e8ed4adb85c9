import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { getGeneratedProgram } from "@/server/queries/splits";
import { nextWorkout } from "@/server/queries/sessions";
import { loadDemoData } from "./demo-data";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoData(database.db, { now: new Date("2026-11-20T12:00:00Z") });
});
afterAll(async () => {
  await database?.drop();
});

async function idOf(email: string): Promise<number> {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row.id;
}

describe("the demo data", () => {
  it("gives the demo athlete a generated program with days and exercises", async () => {
    const program = await getGeneratedProgram(database.db, await idOf(DEMO_ACCOUNTS.athlete));
    expect(program?.days.length).toBeGreaterThan(0);
    expect(program?.days.every((day) => day.exercises.length > 0)).toBe(true);
  });

  it("leaves the flagged and legacy demo accounts on the re-assessment path, without a program", async () => {
    for (const email of [DEMO_ACCOUNTS.flagged, DEMO_ACCOUNTS.leo, DEMO_ACCOUNTS.reassess, DEMO_ACCOUNTS.untold]) {
      expect(await getGeneratedProgram(database.db, await idOf(email)), email).toBeNull();
    }
  });

  it("keeps the demo athlete's next workout on the split they have been training from", async () => {
    const next = await nextWorkout(database.db, await idOf(DEMO_ACCOUNTS.athlete));
    expect(next?.split.source).toBe("custom");
  });
});
