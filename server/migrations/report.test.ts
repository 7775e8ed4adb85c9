import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { NotFoundError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runMigration } from "./engine";
import { EQUIPMENT_CASES, expectedCounts } from "@/test/equipment-cases";
import { BASIC_WITHOUT_ITEMS_REASON } from "@/lib/migrations/equipment-single-choice/rules";
import { reportChunks, reportDownload, writeReport } from "./report";
import { collect, emptyMigrationTables, insertLegacyAssessments } from "@/test/migrations";

let database: TestDatabase;
let runId: number;
type Detail = Record<string, unknown>;
let details: Detail[];
let summary: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
  const { run } = await runMigration(database, {
    migrationId: "equipment-single-choice",
    mode: "dry_run",
    startedBy: { label: "t" },
  });
  runId = run.id;
  const report = JSON.parse(await collect(reportChunks(database.db, runId, "json"))) as {
    summary: typeof summary;
    details: Detail[];
  };
  ({ summary, details } = report);
});
afterAll(async () => {
  await database?.drop();
});

const detailOf = (email: string) => details.find((d) => d.user_email === email);

describe("JSON report", () => {
  it("has a header saying which run it is, then the summary and details under their own names", async () => {
    const report = JSON.parse(await collect(reportChunks(database.db, runId, "json")));
    expect(Object.keys(report)).toEqual(["report", "summary", "details"]);
    expect(report.report).toEqual({
      run_id: runId,
      migration_id: "equipment-single-choice",
      mode: "dry_run",
      status: "completed",
      started_by: "t",
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      finished_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      undo_of_run_id: null,
      app_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      schema_migration: expect.stringMatching(/^\d{4}_/),
      includes_skipped: false,
      approval: null,
    });
  });

  it("lists the skipped rows too when asked, after the recorded ones", async () => {
    const report = JSON.parse(await collect(reportChunks(database.db, runId, "json", { includeSkipped: true, batchSize: 2 })));
    expect(report.report.includes_skipped).toBe(true);
    const skipped = (report.details as Detail[]).filter((d) => d.status === "skipped");
    const expected = EQUIPMENT_CASES.filter((c) => c.expected === "skipped").map((c) => c.email);
    expect(skipped.map((d) => d.user_email).sort()).toEqual([...expected].sort());
    expect(report.details.slice(0, details.length)).toEqual(details);
    expect(skipped).toHaveLength(summary.skipped);
  });

  it("summarises with the operator guide's field names, adding up to the total", () => {
    expect(summary).toEqual(expectedCounts());
    expect(summary.migrated + summary.flagged + summary.skipped + summary.errors).toBe(summary.total_processed);
  });

  it("lists one detail per non-skipped row, in row order", () => {
    const expected = EQUIPMENT_CASES.filter((c) => c.expected !== "skipped");
    expect(details.map((d) => [d.user_email, d.status])).toEqual(expected.map((c) => [c.email, c.expected]));
  });

  it("describes a migrated row", () => {
    expect(detailOf("list-gym@example.com")).toEqual({
      user_id: expect.any(Number),
      user_email: "list-gym@example.com",
      status: "migrated",
      original_equipment: ["basic_equipment", "full_gym"],
      new_equipment: "full_gym",
      items_cleared: true,
    });
    expect(detailOf("list-basic@example.com")).toMatchObject({ new_equipment: "basic_equipment", items_cleared: false });
  });

  it("describes a flagged row, with new_equipment only where the value was converted", () => {
    expect(detailOf("basic-empty@example.com")).toEqual({
      user_id: expect.any(Number),
      user_email: "basic-empty@example.com",
      status: "flagged",
      reason: BASIC_WITHOUT_ITEMS_REASON,
      original_equipment: "basic_equipment",
      original_items: [],
    });
    expect(detailOf("list-basic-noitems@example.com")).toEqual({
      user_id: expect.any(Number),
      user_email: "list-basic-noitems@example.com",
      status: "flagged",
      reason: BASIC_WITHOUT_ITEMS_REASON,
      original_equipment: ["basic_equipment", "basic_equipment"],
      original_items: null,
      new_equipment: "basic_equipment",
    });
  });

  it("describes an error with what was wrong", () => {
    expect(detailOf("eq-number@example.com")).toEqual({
      user_id: expect.any(Number),
      user_email: "eq-number@example.com",
      status: "error",
      original_equipment: 42,
      original_items: null,
      error: expect.stringContaining("equipment is the number 42"),
    });
    expect(detailOf("eq-sqlnull@example.com")).toMatchObject({
      original_equipment: null,
      error: "equipment is null, expected one of no_equipment, basic_equipment, full_gym (or a list of them)",
    });
  });

  it("is streamed in chunks, one per batch of items", async () => {
    const chunks: string[] = [];
    for await (const chunk of reportChunks(database.db, runId, "json", { batchSize: 3 })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(details.length / 3);
    expect(JSON.parse(chunks.join(""))).toMatchObject({ summary, details });
  });
});

describe("CSV report", () => {
  it("starts with its header row, so a spreadsheet opens it as a table, and has one line per detail", async () => {
    const csv = await collect(reportChunks(database.db, runId, "csv", { batchSize: 4 }));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("user_id,user_email,status,original_equipment,new_equipment,items_cleared,original_items,reason,error");
    expect(lines).toHaveLength(details.length + 1);
    const gym = lines.find((l) => l.includes("list-gym@example.com"));
    expect(gym).toMatch(/^\d+,list-gym@example\.com,migrated,"\[""basic_equipment"",""full_gym""\]",full_gym,true,,,$/);
  });
});

describe("reportDownload", () => {
  it("names the file after the migration and the run, calling a dry run a preview", () => {
    const id = "equipment-single-choice";
    expect(reportDownload({ id: 7, migrationId: id, mode: "dry_run" }, "csv").fileName).toBe(`${id}-preview-7.csv`);
    expect(reportDownload({ id: 8, migrationId: id, mode: "apply" }, "json").fileName).toBe(`${id}-run-8.json`);
    expect(reportDownload({ id: 9, migrationId: id, mode: "undo" }, "csv").fileName).toBe(`${id}-undo-9.csv`);
  });
});

describe("writeReport", () => {
  it("streams into a Writable", async () => {
    let written = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    await writeReport(database.db, runId, "json", sink);
    expect(JSON.parse(written).details).toHaveLength(details.length);
  });

  it("refuses an unknown run", async () => {
    await expect(collect(reportChunks(database.db, 987654, "json"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Last: it empties the tables the other tests read.
describe("a run with nothing to report", () => {
  it("is valid JSON with an empty details list", async () => {
    await emptyMigrationTables(database.db);
    const { run } = await runMigration(database, {
      migrationId: "equipment-single-choice",
      mode: "dry_run",
      startedBy: { label: "t" },
    });
    expect(JSON.parse(await collect(reportChunks(database.db, run.id, "json")))).toMatchObject({
      summary: { total_processed: 0, migrated: 0, flagged: 0, skipped: 0, errors: 0 },
      details: [],
    });
  });
});
