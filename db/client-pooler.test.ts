import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "./client";

// Through a real PgBouncer in transaction mode (TEST_PGBOUNCER_URL, which CI starts in front of its
// PostgreSQL): what the driver must not rely on there. Skipped where none is given, except in CI.
const poolerUrl = process.env.TEST_PGBOUNCER_URL;

describe("through a transaction-mode pooler", () => {
  let database: Database;

  beforeEach((context) => {
    if (!poolerUrl && process.env.CI !== "true") context.skip("TEST_PGBOUNCER_URL is not set: no pooler to go through");
  });
  beforeAll(async () => {
    if (!poolerUrl) return;
    database = await openDatabase({ url: poolerUrl, pooler: "transaction", maxConnections: 4 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is given a pooler to test against in CI", () => {
    expect(poolerUrl, "CI starts PgBouncer and sets TEST_PGBOUNCER_URL (.ci/run)").toBeTruthy();
  });

  it("answers many statements of different shapes at once, each on whichever server connection is free", async () => {
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        i % 2 === 0
          ? queryRows<{ n: number }>(database.db, sql`SELECT ${i}::int + 1 AS n`).then(([row]) => row.n)
          : queryRows<{ n: number }>(database.db, sql`SELECT length(${"x".repeat(i)}::text) AS n`).then(([row]) => row.n),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? i + 1 : i)));
  });

  it("runs a statement prepared by name over and over, from every connection", async () => {
    // Drizzle's `.prepare(name)` asks the driver for a server-side statement: through a transaction-mode
    // pooler the server connection that prepared it is not the one the next execution lands on.
    const byLength = database.db
      .select({ n: sql<number>`length(${sql.placeholder("text")}::text)`.mapWith(Number) })
      .from(sql`(SELECT 1) AS one`)
      .prepare("pooler_probe_length");
    const lengths = await Promise.all(
      Array.from({ length: 60 }, (_, i) => byLength.execute({ text: "x".repeat(i) }).then(([row]) => row.n)),
    );
    expect(lengths).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // Prepared on the server, PgBouncer 1.18 loses the replies and this never ends: fail in good time.
  }, 15_000);

  it("keeps a transaction on one server connection, and its local settings inside it", async () => {
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('ironlog.probe', 'on', true)`);
      const rows = [];
      for (let i = 0; i < 5; i++)
        rows.push(
          (
            await queryRows<{ pid: number; probe: string }>(
              tx,
              sql`SELECT pg_backend_pid() AS pid, current_setting('ironlog.probe', true) AS probe`,
            )
          )[0],
        );
      return rows;
    });
    expect(new Set(seen.map((r) => r.pid)).size).toBe(1);
    expect(seen.every((r) => r.probe === "on")).toBe(true);
    // Ended with the transaction: the next one, on whatever connection, does not see it.
    const [after] = await queryRows<{ probe: string | null }>(
      database.db,
      sql`SELECT nullif(current_setting('ironlog.probe', true), '') AS probe`,
    );
    expect(after.probe).toBeNull();
  });
});
