/**
 * Command-line arguments of `npm run migrate` (and its alias `npm run migrate:equipment`), parsed
 * and checked without touching the database, so every usage error is reported before any data is read.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPORT_FORMATS, type ReportFormat } from "./report";
import type { RunMode } from "@/lib/migrations/run-values";
import { MAX_ID } from "@/lib/ids";

export type MigrateCommand =
  | { kind: "help" }
  | { kind: "list-migrations" }
  | { kind: "list-runs"; migrationId: string }
  | { kind: "run"; migrationId: string; mode: RunMode; report: ReportTarget | null; approvalId: number | null }
  | { kind: "undo"; migrationId: string; runId: number; report: ReportTarget | null };

export interface ReportTarget {
  file: string;
  format: ReportFormat;
  /** Also list the rows the run left as they were (`--include-skipped`). */
  includeSkipped: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Usage: npm run migrate -- <migration-id> [options]
       npm run migrate:equipment -- [options]      (the equipment-single-choice migration)

Runs a data migration on the configured database (PGlite in .data/ when DATABASE_URL is unset).

Options:
  --dry-run              Preview: run everything in a transaction that is rolled back; nothing is saved.
  --save-report FILE     Write the report to FILE (JSON, or CSV with --format csv or a .csv name).
  --format json|csv      Report format (default: json, or csv when FILE ends in .csv).
  --include-skipped      List in the report the rows the run left as they were, too.
  --approval-id ID       Apply with approval ID, which another admin gave on the dashboard for the
                         latest preview (needed when the migration requires approval).
  --undo RUN_ID          Undo an applied run: restore the rows it changed (rows changed since are
                         left alone and reported as conflicts).
  --list                 List past runs of the migration (or, without an id, the migrations).
  --help                 Show this help.

Exit codes: 0 completed (rows with bad data are reported, not failures), 1 failed and rolled back,
2 usage error, 3 another run of the migration is in progress, 4 the embedded database (PGlite) is
open in another process, such as the running app, 5 the run needs an approval and --approval-id names
none that is usable (missing, not approved, expired, used, or its preview is stale or not the latest).`;

function positiveInteger(value: string, flag: string, what = "a run id"): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ID)
    throw new UsageError(`${flag} needs ${what} (a positive whole number), got "${value}"`);
  return Number(value);
}

/**
 * Whether a report can be written to `file`, checked before any data is read: its folder must
 * exist and be writable, and the path must not be a folder.
 */
export function checkReportPath(file: string): void {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new UsageError(`cannot write the report to ${file}: the folder ${folder} does not exist`);
  }
  if (!folderStat.isDirectory()) throw new UsageError(`cannot write the report to ${file}: ${folder} is not a folder`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new UsageError(`cannot write the report to ${file}: it is a folder`);
  }
  try {
    fs.accessSync(fs.existsSync(target) ? target : folder, fs.constants.W_OK);
  } catch {
    throw new UsageError(`cannot write the report to ${file}: permission denied`);
  }
}

/** Parse argv (without node and the script). Throws UsageError; checks no file and no database. */
export function parseMigrateArgs(argv: string[], knownMigrationIds: readonly string[]): MigrateCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "dry-run": { type: "boolean" },
        "save-report": { type: "string" },
        format: { type: "string" },
        "include-skipped": { type: "boolean" },
        undo: { type: "string" },
        "approval-id": { type: "string" },
        list: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length > 1)
    throw new UsageError(`expected one migration id, got ${positionals.length}: ${positionals.join(" ")}`);
  const migrationId = positionals[0];
  if (migrationId !== undefined && !knownMigrationIds.includes(migrationId)) {
    throw new UsageError(`there is no data migration called "${migrationId}". Known migrations: ${knownMigrationIds.join(", ")}`);
  }

  if (values.list) {
    const extra = (["dry-run", "save-report", "format", "include-skipped", "undo", "approval-id"] as const).filter(
      (flag) => values[flag] !== undefined,
    );
    if (extra.length > 0) throw new UsageError(`--list cannot be combined with ${extra.map((f) => `--${f}`).join(", ")}`);
    return migrationId ? { kind: "list-runs", migrationId } : { kind: "list-migrations" };
  }
  if (!migrationId) throw new UsageError(`name the migration to run. Known migrations: ${knownMigrationIds.join(", ")}`);

  const file = values["save-report"];
  if (file === "") throw new UsageError("--save-report needs a file name");
  if (values.format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be json or csv, got "${values.format}"`);
  }
  if (values.format !== undefined && file === undefined) throw new UsageError("--format needs --save-report FILE");
  if (values["include-skipped"] && file === undefined) throw new UsageError("--include-skipped needs --save-report FILE");
  const includeSkipped = Boolean(values["include-skipped"]);
  const report: ReportTarget | null = file
    ? {
        file,
        format: (values.format as ReportFormat | undefined) ?? (file.toLowerCase().endsWith(".csv") ? "csv" : "json"),
        includeSkipped,
      }
    : null;

  const approvalText = values["approval-id"];
  if (approvalText !== undefined && (values["dry-run"] || values.undo !== undefined)) {
    throw new UsageError("--approval-id is for applying a migration, not with --dry-run or --undo");
  }
  if (values.undo !== undefined) {
    if (values["dry-run"]) throw new UsageError("--undo cannot be combined with --dry-run");
    if (includeSkipped) throw new UsageError("--include-skipped is for migration runs: an undo skips nothing");
    return { kind: "undo", migrationId, runId: positiveInteger(values.undo, "--undo"), report };
  }
  return {
    kind: "run",
    migrationId,
    mode: values["dry-run"] ? "dry_run" : "apply",
    report,
    approvalId: approvalText === undefined ? null : positiveInteger(approvalText, "--approval-id", "an approval id"),
  };
}
