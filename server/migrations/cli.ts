/**
 * `npm run migrate`: the operator's command line over the engine. The equipment migration's console
 * words are the old tool's, so existing runbooks still read right (docs/operator-guide.md,
 * "Equipment: one choice per assessment"). scripts/migrate.ts is a thin wrapper.
 */
import "server-only";
import fs from "node:fs";
import os from "node:os";
import { type Database } from "@/db/client";
import { getDatabase } from "@/server/db";
import type { MigrationRun } from "@/db/schema";
import { type MigrateCommand, type ReportTarget, USAGE, UsageError, checkReportPath, parseMigrateArgs } from "./cli-args";
import { migrationSummaryOf, startMigrationRun } from "./engine";
import { cancelMigrationRun } from "./cancel";
import type { LaunchedRun } from "./run-launcher";
import { RunInProgressError, UndoRefusedError } from "./errors";
import type { RunProgress } from "./live-runs";
import { getRun, listRuns } from "./queries";
import { settleDeadRuns } from "./run-progress";
import { dataMigrations, getDataMigration } from "./registry";
import { writeReport } from "./report";
import { ApprovalRefusedError, checkRunApproval } from "./approvals";
import { startUndoRun, undoRefusal, undoSummaryOf } from "./undo";
import type { VerificationCheck } from "./types";
import { checkSummary } from "./verification";

/** 130: cancelled with Ctrl-C, as shells report a command stopped by SIGINT. */
export const EXIT = { completed: 0, failed: 1, usage: 2, locked: 3, approval: 5, cancelled: 130 } as const;

export interface ConsoleIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Raw write for the progress bar (no newline). */
  write: (text: string) => void;
  isTTY: boolean;
  /** Call `handler` on the first Ctrl-C (a second one stops the process as usual); returns an unsubscribe. */
  onInterrupt(handler: () => void): () => void;
}

export const processConsole: ConsoleIO = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  write: (text) => process.stdout.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  onInterrupt(handler) {
    process.once("SIGINT", handler);
    return () => process.off("SIGINT", handler);
  },
};

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "--";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
}

/** `[#########-----------]  45%  450,000/1,000,000 rows  85,000 rows/s  ETA 6s` */
export function progressBar(p: Pick<RunProgress, "processed" | "total" | "rowsPerSecond" | "etaSeconds">, width = 30): string {
  const ratio = p.total > 0 ? Math.min(p.processed / p.total, 1) : 1;
  const filled = Math.round(ratio * width);
  return (
    `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ` +
    `${fmt(p.processed)}/${fmt(p.total)} rows  ${fmt(p.rowsPerSecond)} rows/s  ETA ${duration(p.etaSeconds)}`
  );
}

/** Progress on a terminal: one bar redrawn in place. Elsewhere (logs, CI): a plain line now and then. */
function progressPrinter(io: ConsoleIO, rowsNoun: string) {
  let announced = false;
  let lastDraw = 0;
  let lastLine = 0;
  let drawn = false;
  return {
    onProgress(p: RunProgress) {
      if (!announced) {
        io.out(`Found ${fmt(p.total)} ${rowsNoun} to process`);
        announced = true;
        return;
      }
      const now = Date.now();
      const finished = p.processed >= p.total;
      if (io.isTTY) {
        if (finished || now - lastDraw >= 100) {
          io.write(`\r${progressBar(p)}`);
          lastDraw = now;
          drawn = true;
        }
      } else if (finished || now - lastLine >= 2000) {
        const percent = p.total > 0 ? Math.floor((p.processed / p.total) * 100) : 100;
        io.out(
          `Progress: ${fmt(p.processed)}/${fmt(p.total)} ${rowsNoun} (${percent}%), ${fmt(p.rowsPerSecond)} rows/s, ETA ${duration(p.etaSeconds)}`,
        );
        lastLine = now;
      }
    },
    end() {
      if (drawn) io.write("\n");
    },
  };
}

function startedByOperator() {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { userId: null, label: `cli:${user}@${os.hostname()}` };
}

async function saveReport(database: Database, io: ConsoleIO, runId: number, target: ReportTarget) {
  await writeReport(database.db, runId, target.format, fs.createWriteStream(target.file), {
    includeSkipped: target.includeSkipped,
  });
  io.out(`Report saved to: ${target.file}`);
}

function printFailure(io: ConsoleIO, run: MigrationRun, what: string) {
  if (run.status === "cancelled") {
    io.err(`${what} cancelled by ${run.cancelledBy ?? "unknown"}.`);
    io.err(`All changes were rolled back; nothing was saved. Run ${run.id} is recorded as cancelled.`);
    return;
  }
  io.err(`${what} failed: ${run.error ?? "unknown error"}`);
  io.err(`All changes were rolled back; nothing was saved. Run ${run.id} is recorded as failed.`);
}

/**
 * Wait for a launched run, cancelling it on the first Ctrl-C: it rolls back and is recorded as
 * cancelled by the operator, and the lock is released before the process exits.
 */
async function awaitRun(database: Database, io: ConsoleIO, launched: LaunchedRun): Promise<MigrationRun> {
  const stop = io.onInterrupt(() => {
    io.err("");
    io.err(`Cancelling run ${launched.runId} (Ctrl-C): rolling back...`);
    cancelMigrationRun(database, { runId: launched.runId, cancelledBy: startedByOperator() }).catch((error: unknown) =>
      io.err(`Could not cancel run ${launched.runId}: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  try {
    return await launched.done;
  } finally {
    stop();
  }
}

const exitCodeOf = (run: MigrationRun) => (run.status === "cancelled" ? EXIT.cancelled : EXIT.failed);

async function runCommand(database: Database, io: ConsoleIO, command: Extract<MigrateCommand, { kind: "run" }>): Promise<number> {
  const migration = getDataMigration(command.migrationId);
  io.out(`Starting ${migration.wording.name} data migration...`);
  if (command.mode === "dry_run") io.out("DRY RUN MODE - No changes will be saved");
  io.out(`Database: ${database.driver} (${database.location})`);
  if (command.mode === "apply") {
    await checkRunApproval(database.db, migration, command.approvalId);
    if (command.approvalId) io.out(`Approval #${command.approvalId} checked: it covers the latest preview, which is current.`);
  }
  const printer = progressPrinter(io, migration.wording.rowsNoun);
  const run = await startMigrationRun(database, {
    migrationId: migration.id,
    mode: command.mode,
    startedBy: startedByOperator(),
    onProgress: printer.onProgress,
    approvalId: command.approvalId,
  })
    .then((launched) => awaitRun(database, io, launched))
    .finally(() => printer.end());
  const summary = migrationSummaryOf(run);
  if (run.status !== "completed") {
    printFailure(io, run, "Migration");
    return exitCodeOf(run);
  }
  io.out("");
  io.out("--- Migration Report ---");
  io.out(`Total Processed: ${fmt(summary.total_processed)}`);
  io.out(`Migrated: ${fmt(summary.migrated)}`);
  const { flagged, skipped = "Skipped" } = migration.wording;
  if (flagged || summary.flagged > 0) io.out(`${flagged ?? "Flagged"}: ${fmt(summary.flagged)}`);
  io.out(`${skipped}: ${fmt(summary.skipped)}`);
  io.out(`Errors: ${fmt(summary.errors)}`);
  io.out("");
  const checks = (run.verification?.checks as VerificationCheck[] | undefined) ?? [];
  if (checks.length > 0) io.out("--- Checks ---");
  for (const check of checks) {
    if (check.ok) io.out(`OK: ${checkSummary(check)}`);
    else io.err(`Warning: verification failed: ${checkSummary(check)}`);
  }
  if (checks.length > 0) io.out("");
  if (command.report) await saveReport(database, io, run.id, command.report);
  io.out(
    command.mode === "dry_run"
      ? `Preview ${run.id}: a dry run, nothing was changed.`
      : `Run ${run.id} applied. To undo it: npm run migrate -- ${migration.id} --undo ${run.id}`,
  );
  io.out("Migration completed successfully!");
  return EXIT.completed;
}

async function undoCommand(
  database: Database,
  io: ConsoleIO,
  command: Extract<MigrateCommand, { kind: "undo" }>,
): Promise<number> {
  const migration = getDataMigration(command.migrationId);
  io.out(`Starting undo of ${migration.wording.name} data migration run ${command.runId}...`);
  io.out(`Database: ${database.driver} (${database.location})`);
  const printer = progressPrinter(io, "changed rows");
  const run = await startUndoRun(database, {
    runId: command.runId,
    startedBy: startedByOperator(),
    onProgress: printer.onProgress,
  })
    .then((launched) => awaitRun(database, io, launched))
    .finally(() => printer.end());
  const summary = undoSummaryOf(run);
  if (run.status !== "completed") {
    printFailure(io, run, "Undo");
    return exitCodeOf(run);
  }
  io.out("");
  io.out("--- Undo Report ---");
  io.out(`Total Processed: ${fmt(summary.total_processed)}`);
  io.out(`Restored: ${fmt(summary.restored)}`);
  io.out(`Conflicts (changed since the run, left as they are): ${fmt(summary.conflicts)}`);
  io.out("");
  if (command.report) await saveReport(database, io, run.id, command.report);
  io.out(`Undo run ${run.id} completed; run ${command.runId} is marked as undone.`);
  io.out("Undo completed successfully!");
  return EXIT.completed;
}

async function listRunsCommand(database: Database, io: ConsoleIO, migrationId: string): Promise<number> {
  await settleDeadRuns(database, migrationId);
  const page = await listRuns(database.db, { migrationId, limit: 50 });
  if (page.total === 0) {
    io.out(`No runs of ${migrationId} yet.`);
    return EXIT.completed;
  }
  io.out(`Runs of ${migrationId} (newest first, ${Math.min(page.total, page.limit)} of ${page.total}):`);
  for (const run of page.rows) {
    const counts =
      run.mode === "undo"
        ? `restored ${fmt(run.restored)}, conflicts ${fmt(run.conflicts)}, undoing run ${run.undoOfRunId}`
        : `processed ${fmt(run.processed)}: migrated ${fmt(run.migrated)}, flagged ${fmt(run.flagged)}, skipped ${fmt(run.skipped)}, errors ${fmt(run.errors)}`;
    const notes = [
      run.durationMs !== null ? `${(run.durationMs / 1000).toFixed(1)}s` : null,
      run.undoneByRunId ? `undone by run ${run.undoneByRunId}` : null,
      run.error ? `error: ${run.error}` : null,
    ].filter(Boolean);
    io.out(
      `  #${run.id}  ${run.mode.padEnd(7)}  ${run.status.padEnd(9)}  ${run.startedAt.toISOString()}  by ${run.startedBy}  ${counts}` +
        (notes.length ? `  (${notes.join("; ")})` : ""),
    );
  }
  return EXIT.completed;
}

function listMigrations(io: ConsoleIO): number {
  io.out("Data migrations:");
  for (const m of dataMigrations) {
    io.out(`  ${m.id}  ${m.title}`);
    io.out(`      ${m.description}`);
  }
  return EXIT.completed;
}

/**
 * Run the command; returns the exit code. Usage errors (flags, migration id, report path) are
 * found before the database is opened, so nothing is read when the command line is wrong.
 */
export async function runMigrateCommand(argv: string[], io: ConsoleIO = processConsole): Promise<number> {
  let command: MigrateCommand;
  try {
    command = parseMigrateArgs(
      argv,
      dataMigrations.map((m) => m.id),
    );
    if ((command.kind === "run" || command.kind === "undo") && command.report) checkReportPath(command.report.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`Error: ${error.message}`);
    io.err("");
    io.err(USAGE);
    return EXIT.usage;
  }
  if (command.kind === "help") {
    io.out(USAGE);
    io.out("");
    return listMigrations(io);
  }
  if (command.kind === "list-migrations") return listMigrations(io);

  const database = await getDatabase();
  try {
    if (command.kind === "list-runs") return await listRunsCommand(database, io, command.migrationId);
    if (command.kind === "undo") {
      const target = await getRun(database.db, command.runId);
      const refusal =
        target && target.migrationId !== command.migrationId
          ? `Run ${command.runId} is a run of ${target.migrationId}, not ${command.migrationId}.`
          : undoRefusal(target, command.runId);
      if (refusal) {
        io.err(`Error: ${refusal}`);
        return EXIT.usage;
      }
      return await undoCommand(database, io, command);
    }
    return await runCommand(database, io, command);
  } catch (error) {
    if (error instanceof RunInProgressError) {
      io.err(`Error: ${error.message}`);
      return EXIT.locked;
    }
    if (error instanceof ApprovalRefusedError) {
      io.err(`Error: ${error.message}`);
      io.err("Ask for approval on the migration's page in the admin dashboard, then pass --approval-id ID.");
      return EXIT.approval;
    }
    if (error instanceof UndoRefusedError) {
      io.err(`Error: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
