import { describe, expect, it } from "vitest";
import { textDumpSource } from "./dump-source";
import { DUMP_FORMAT_VERSION, shippedSchemaMigrationTags } from "./dump-format";
import { type Rejection, validateDump } from "./validate-dump";

const header = {
  format: "ironlog-dump",
  format_version: 2,
  app_version: "0.1.0",
  schema_migration: shippedSchemaMigrationTags().at(-1)!,
  created_at: "2025-05-01T12:00:00.000Z",
  secrets: "omitted",
  tables: ["users"],
};
const ada = { id: 1, email: "ada@example.com" };
const bob = { id: 2, email: "bob@example.com" };

type Line = [string, Record<string, unknown>];

/** A dump with a trailer whose counts match the records, unless told otherwise. */
function dump(records: Line[], options: { header?: object; trailer?: object | null } = {}): string {
  const counts: Record<string, number> = {};
  for (const [table] of records) counts[table] = (counts[table] ?? 0) + 1;
  const lines = [JSON.stringify(options.header ?? header), ...records.map(([table, row]) => JSON.stringify({ table, row }))];
  if (options.trailer !== null) lines.push(JSON.stringify(options.trailer ?? { end: "ironlog-dump", counts }));
  return `${lines.join("\n")}\n`;
}

async function rejectionsOf(text: string): Promise<Rejection[]> {
  const result = await validateDump(textDumpSource(text, "dump.ndjson"), { knownSchemaMigrations: shippedSchemaMigrationTags() });
  expect(result.rejectedCount).toBe(result.rejections.length);
  return result.rejections;
}

describe("validating a dump", () => {
  it("accepts a well-formed dump and counts its records per table", async () => {
    const result = await validateDump(
      textDumpSource(
        dump([
          ["users", ada],
          ["users", bob],
          ["muscles", { id: 1, name: "Chest", region: "chest" }],
        ]),
      ),
      {
        knownSchemaMigrations: shippedSchemaMigrationTags(),
      },
    );
    expect(result.rejections).toEqual([]);
    expect(result.counts.users).toBe(2);
    expect(result.counts.muscles).toBe(1);
    expect(result.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the line, table, field and reason of each bad record, and goes on to find them all", async () => {
    const rejections = await rejectionsOf(
      dump([
        ["users", ada],
        ["users", { id: 2, email: "Bob@Example.com" }],
        ["users", { id: 3, email: "cy@example.com", role: "owner" }],
      ]),
    );
    expect(rejections).toEqual([
      { line: 3, table: "users", field: "email", message: "must be lower-case" },
      expect.objectContaining({ line: 4, table: "users", field: "role" }),
    ]);
  });

  it("refuses a dump cut short (no trailer)", async () => {
    const rejections = await rejectionsOf(dump([["users", ada]], { trailer: null }));
    expect(rejections).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining("cut short") })]);
  });

  it("refuses a trailer whose counts do not match", async () => {
    const rejections = await rejectionsOf(dump([["users", ada]], { trailer: { end: "ironlog-dump", counts: { users: 2 } } }));
    expect(rejections).toEqual([
      expect.objectContaining({ table: "users", message: "trailer says 2 record(s) but the dump holds 1" }),
    ]);
  });

  it("refuses a file that is not an Ironlog dump, without reading further", async () => {
    expect(await rejectionsOf('[{"model": "auth.user"}]\n')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining("not an Ironlog dump header") }),
    ]);
    expect(await rejectionsOf("")).toEqual([expect.objectContaining({ message: "the dump is empty" })]);
  });

  it("refuses a dump from a newer format or a schema this app does not ship", async () => {
    const newer = await rejectionsOf(dump([], { header: { ...header, format_version: DUMP_FORMAT_VERSION + 1 } }));
    expect(newer).toEqual([
      expect.objectContaining({ field: "format_version", message: expect.stringContaining("newer Ironlog") }),
    ]);
    const future = await rejectionsOf(dump([], { header: { ...header, schema_migration: "0042_future" } }));
    expect(future).toEqual([
      expect.objectContaining({ field: "schema_migration", message: expect.stringContaining("upgrade the app") }),
    ]);
  });

  it("refuses records out of table order, since they are loaded in file order", async () => {
    const rejections = await rejectionsOf(
      dump([
        ["muscles", { id: 1, name: "Chest", region: "chest" }],
        ["users", ada],
      ]),
    );
    expect(rejections).toEqual([
      expect.objectContaining({ line: 3, table: "users", message: expect.stringContaining("must come in the order") }),
    ]);
  });

  it("refuses duplicate keys and unique values", async () => {
    const rejections = await rejectionsOf(
      dump([
        ["users", ada],
        ["users", { id: 1, email: "other@example.com" }],
        ["users", { id: 5, email: "ada@example.com" }],
      ]),
    );
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [3, "id"],
      [4, "email"],
    ]);
  });

  it("refuses a maintenance window at the same time as another that has not ended either", async () => {
    const window = (id: number, startsAt: string, endsAt: string, ended = false) => ({
      id,
      message: "Upgrade",
      starts_at: startsAt,
      ends_at: endsAt,
      lead_minutes: 0,
      notify_from: startsAt,
      created_by: "ada@example.com",
      ...(ended ? { ended_at: startsAt, completion_message: "Called off." } : {}),
    });
    const rejections = await rejectionsOf(
      dump([
        ["maintenance_notices", window(1, "2026-12-01T10:00:00.000Z", "2026-12-01T11:00:00.000Z")],
        // Back to back, and one that ended: neither is in the way.
        ["maintenance_notices", window(2, "2026-12-01T11:00:00.000Z", "2026-12-01T12:00:00.000Z")],
        ["maintenance_notices", window(3, "2026-12-01T10:30:00.000Z", "2026-12-01T11:30:00.000Z", true)],
        ["maintenance_notices", window(4, "2026-12-01T10:59:00.000Z", "2026-12-01T11:01:00.000Z")],
      ]),
    );
    expect(rejections).toEqual([
      {
        line: 5,
        table: "maintenance_notices",
        field: "starts_at",
        message: "overlaps maintenance_notices id 1 (line 2), and neither has ended: the database refuses two windows at once",
      },
    ]);
  });

  it("refuses a reference to a row the dump does not hold", async () => {
    const rejections = await rejectionsOf(
      dump([
        ["users", ada],
        ["splits", { id: 1, user_id: 9, name: "PPL" }],
      ]),
    );
    expect(rejections).toEqual([
      { line: 3, table: "splits", field: "user_id", message: "refers to users id 9, which the dump does not hold" },
    ]);
  });

  it("refuses unknown tables, lines that are not JSON, and anything after the trailer", async () => {
    const text = `${dump([["users", ada]]).replace('{"end"', '{"table":"secrets","row":{}}\n{ not json\n{"end"')}extra\n`;
    const rejections = await rejectionsOf(text);
    expect(rejections.map((r) => r.message)).toEqual([
      'unknown table "secrets"',
      expect.stringContaining("not valid JSON"),
      expect.stringContaining("content after the trailer"),
    ]);
  });

  it("lists only the first rejections but counts them all", async () => {
    const bad = Array.from({ length: 30 }, (_, i): Line => ["users", { id: i + 1, email: `User${i}@example.com` }]);
    const result = await validateDump(textDumpSource(dump(bad)), {
      knownSchemaMigrations: shippedSchemaMigrationTags(),
      maxListed: 5,
    });
    expect(result.rejections).toHaveLength(5);
    expect(result.rejectedCount).toBe(30);
  });
});
