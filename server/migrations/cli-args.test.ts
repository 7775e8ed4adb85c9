import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UsageError, checkReportPath, parseMigrateArgs } from "./cli-args";
import { progressBar } from "./cli";

const IDS = ["equipment-single-choice", "exercise-backfill"];
const parse = (...argv: string[]) => parseMigrateArgs(argv, IDS);

describe("parseMigrateArgs", () => {
  it("applies by default and previews with --dry-run", () => {
    expect(parse("equipment-single-choice")).toEqual({
      kind: "run",
      migrationId: "equipment-single-choice",
      mode: "apply",
      report: null,
      approvalId: null,
    });
    expect(parse("exercise-backfill", "--dry-run")).toMatchObject({ mode: "dry_run" });
  });

  it("applies with an approval id, which a preview or an undo does not take", () => {
    expect(parse("exercise-backfill", "--approval-id", "12")).toMatchObject({ mode: "apply", approvalId: 12 });
    expect(() => parse("exercise-backfill", "--approval-id", "x")).toThrow("--approval-id needs an approval id");
    expect(() => parse("exercise-backfill", "--approval-id", "99999999999")).toThrow("--approval-id needs an approval id");
    expect(() => parse("exercise-backfill", "--dry-run", "--approval-id", "1")).toThrow("not with --dry-run or --undo");
    expect(() => parse("exercise-backfill", "--undo", "3", "--approval-id", "1")).toThrow("not with --dry-run or --undo");
  });

  it("saves a JSON report, or CSV by --format or by the file name", () => {
    expect(parse("exercise-backfill", "--save-report", "r.json")).toMatchObject({ report: { file: "r.json", format: "json" } });
    expect(parse("exercise-backfill", "--dry-run", "--save-report=r.txt", "--format", "csv")).toMatchObject({
      mode: "dry_run",
      report: { file: "r.txt", format: "csv" },
    });
    expect(parse("exercise-backfill", "--save-report", "out.CSV")).toMatchObject({ report: { format: "csv" } });
  });

  it("adds skipped rows to the saved report with --include-skipped, and only to a saved one", () => {
    expect(parse("exercise-backfill", "--save-report", "r.json", "--include-skipped")).toMatchObject({
      report: { includeSkipped: true },
    });
    expect(parse("exercise-backfill", "--save-report", "r.json")).toMatchObject({ report: { includeSkipped: false } });
    expect(() => parse("exercise-backfill", "--include-skipped")).toThrow("--include-skipped needs --save-report FILE");
    expect(() => parse("exercise-backfill", "--undo", "3", "--save-report", "r.json", "--include-skipped")).toThrow(
      "an undo skips nothing",
    );
  });

  it("undoes a run by id", () => {
    expect(parse("equipment-single-choice", "--undo", "12")).toEqual({
      kind: "undo",
      migrationId: "equipment-single-choice",
      runId: 12,
      report: null,
    });
  });

  it("lists runs of a migration, or the migrations themselves", () => {
    expect(parse("exercise-backfill", "--list")).toEqual({ kind: "list-runs", migrationId: "exercise-backfill" });
    expect(parse("--list")).toEqual({ kind: "list-migrations" });
    expect(parse("--help")).toEqual({ kind: "help" });
    expect(parse("-h")).toEqual({ kind: "help" });
  });

  it.each([
    [["equipment-single-choice", "--force"], /Unknown option '--force'/],
    [["equipment-single-choice", "-x"], /Unknown option '-x'/],
    [["nope"], /no data migration called "nope"/],
    [[], /name the migration/],
    [["equipment-single-choice", "exercise-backfill"], /expected one migration id/],
    [["equipment-single-choice", "--format", "xml", "--save-report", "r"], /--format must be json or csv/],
    [["equipment-single-choice", "--format", "csv"], /--format needs --save-report/],
    [["equipment-single-choice", "--save-report"], /argument missing/],
    [["equipment-single-choice", "--undo", "abc"], /--undo needs a run id/],
    [["equipment-single-choice", "--undo", "0"], /--undo needs a run id/],
    [["equipment-single-choice", "--undo", "3", "--dry-run"], /cannot be combined with --dry-run/],
    [["equipment-single-choice", "--list", "--dry-run"], /--list cannot be combined/],
  ])("refuses %j as a usage error", (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe("checkReportPath", () => {
  it("accepts a new file in an existing folder", () => {
    expect(() => checkReportPath(path.join(os.tmpdir(), "ironlog-report-check.json"))).not.toThrow();
  });

  it("refuses a missing folder and a folder as the file", () => {
    expect(() => checkReportPath("/nonexistent-ironlog/report.json")).toThrow(/does not exist/);
    expect(() => checkReportPath(os.tmpdir())).toThrow(/is a folder/);
    const file = path.join(os.tmpdir(), `ironlog-not-a-folder-${process.pid}`);
    fs.writeFileSync(file, "");
    try {
      expect(() => checkReportPath(path.join(file, "r.json"))).toThrow(/is not a folder/);
    } finally {
      fs.rmSync(file);
    }
  });
});

describe("progressBar", () => {
  it("shows rows processed of total, rows per second and the time left", () => {
    expect(progressBar({ processed: 450_000, total: 1_000_000, rowsPerSecond: 85_000, etaSeconds: 6.4 }, 20)).toBe(
      "[#########-----------]  45%  450,000/1,000,000 rows  85,000 rows/s  ETA 7s",
    );
    expect(progressBar({ processed: 0, total: 0, rowsPerSecond: 0, etaSeconds: null }, 4)).toBe(
      "[####] 100%  0/0 rows  0 rows/s  ETA --",
    );
  });
});
