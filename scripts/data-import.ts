/**
 * npm run data:import -- FILE [--dry-run] [--replace]
 * Loads an Ironlog dump into the database, all or nothing. Thin wrapper over server/data-transfer.
 */
import { getDatabase } from "@/server/db";
import { type ImportStatus, fileDumpSource, formatImportReport, importDump } from "@/server/data-transfer";
import { parseFileCommand, runCli } from "./cli";

const HELP = `Usage: npm run data:import -- FILE [--dry-run] [--replace]

Loads a dump written by data:export (docs/data-dump-format.md) into the database, keeping ids.

  --dry-run   validate the whole dump and say what would happen; write nothing
  --replace   when the database already holds data, delete all of it first (in the same
              transaction as the load, so a failed load leaves it as it was)

A database that already holds data is refused unless --replace is given: this import never merges.
(To bring the old system's data in next to existing data, use data:import-legacy, which merges by
user e-mail and exercise name.)

Before anything is written, every record is validated; any rejection is listed (file:line,
table.field, reason) and nothing is written. The dump must come from this schema migration or an
older one; pending schema migrations are applied first. The load is one transaction: all or nothing.

Database: DATABASE_URL, or the embedded one in IRONLOG_DATA_DIR (default .data).
Exit codes: 0 imported (with --dry-run: would import), 1 rejected, refused or failed,
2 wrong usage, 4 embedded database busy.`;

const EXIT_CODES: Record<ImportStatus, number> = { imported: 0, validated: 0, rejected: 1, refused: 1, failed: 1 };

await runCli(async () => {
  const parsed = parseFileCommand(
    { "dry-run": { type: "boolean", default: false }, replace: { type: "boolean", default: false } },
    HELP,
  );
  if (typeof parsed === "number") return parsed;
  const { values, file } = parsed;
  const database = await getDatabase();
  const report = await importDump(database, fileDumpSource(file), {
    dryRun: values["dry-run"],
    mode: values.replace ? "replace" : "refuse-non-empty",
  });
  const text = formatImportReport(report);
  if (EXIT_CODES[report.status] === 0) console.log(text);
  else console.error(text);
  return EXIT_CODES[report.status];
});
