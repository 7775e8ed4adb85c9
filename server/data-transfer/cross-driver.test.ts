/**
 * Moving between the embedded database and a real Postgres server, both ways: how a user leaves
 * the demo for production, and how a production dump is inspected locally.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, runSchemaMigrations } from "@/db/client";
import { type TestDatabase, createTestDatabase, usingPostgres } from "@/test/database";
import { textDumpSource } from "./dump-source";
import { exportAll } from "./export";
import { importDump } from "./import";
import { collect, insertSampleData, withoutHeader } from "@/test/data-transfer-fixtures";

async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ dataDir: "memory" });
  await runSchemaMigrations(database);
  return database;
}

// Needs both databases; without DATABASE_URL there is no Postgres to move to, so the suite is
// skipped (the same-driver round trip in transfer.test.ts still runs on PGlite).
describe.skipIf(!usingPostgres)("moving data between PGlite and Postgres (needs DATABASE_URL)", () => {
  const opened: { close?(): Promise<void>; drop?(): Promise<void> }[] = [];
  let pgliteSource: Database;
  let postgresSource: TestDatabase;

  beforeAll(async () => {
    pgliteSource = await freshPglite();
    postgresSource = await createTestDatabase();
    opened.push(pgliteSource, postgresSource);
    await insertSampleData(pgliteSource.db);
    await insertSampleData(postgresSource.db);
  });

  afterAll(async () => {
    for (const database of opened) await (database.drop ?? database.close)?.call(database);
  });

  it("PGlite → Postgres: the dump taken from Postgres after the import is the same", async () => {
    const target = await createTestDatabase();
    opened.push(target);
    const dump = await collect(exportAll(pgliteSource.db));
    expect((await importDump(target, textDumpSource(dump))).status).toBe("imported");
    expect(withoutHeader(await collect(exportAll(target.db)))).toBe(withoutHeader(dump));
  });

  it("Postgres → PGlite: the dump taken from PGlite after the import is the same", async () => {
    const target = await freshPglite();
    opened.push(target);
    const dump = await collect(exportAll(postgresSource.db));
    // Postgres' clock has microseconds (PGlite's only milliseconds): they must survive the move.
    expect(dump).toMatch(/"created_at":"[^"]+\.\d{6}\+00:00"/);
    expect((await importDump(target, textDumpSource(dump))).status).toBe("imported");
    expect(withoutHeader(await collect(exportAll(target.db)))).toBe(withoutHeader(dump));
  });
});
