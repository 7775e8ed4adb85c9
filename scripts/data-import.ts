/**
 * npm run data:import -- FILE [--dry-run] [--replace] [--staging-admin EMAIL]
 * Loads an Ironlog dump into the database, all or nothing. Thin wrapper over server/data-transfer.
 */
import { getDatabase } from "@/server/db";
import {
  DataTransferError,
  type ImportStatus,
  fileDumpSource,
  formatImportReport,
  formatStagingSignIn,
  importDump,
  prepareStagingSignIn,
  readDumpHeader,
} from "@/server/data-transfer";
import { env } from "@/server/env";
import { parseFileCommand, runCli } from "./cli";

const HELP = `Usage: npm run data:import -- FILE [--dry-run] [--replace] [--staging-admin EMAIL]

Loads a dump written by data:export (docs/data-dump-format.md) into the database, keeping ids.

  --dry-run   validate the whole dump and say what would happen; write nothing
  --replace   when the database already holds data, delete all of it first (in the same
              transaction as the load, so a failed load leaves it as it was)
  --staging-admin EMAIL
              with an anonymized copy (data:export --anonymize): the pseudonym
              (athlete-<id>@example.invalid) to sign in as; made an admin if it is not one.
              Default: the copy's first admin. A one-time reset link for it is printed
              (valid for an hour), so the operator signs in without any real password.

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
    {
      "dry-run": { type: "boolean", default: false },
      replace: { type: "boolean", default: false },
      "staging-admin": { type: "string" },
    },
    HELP,
  );
  if (typeof parsed === "number") return parsed;
  const { values, file } = parsed;
  const source = fileDumpSource(file);
  const stagingAdmin = values["staging-admin"];
  const anonymized = (await readDumpHeader(source))?.anonymized === true;
  if (stagingAdmin !== undefined && !anonymized) {
    console.error(`--staging-admin is for an anonymized copy (data:export --anonymize); ${file} is not one.`);
    return 2;
  }
  const database = await getDatabase();
  const report = await importDump(database, source, {
    dryRun: values["dry-run"],
    mode: values.replace ? "replace" : "refuse-non-empty",
  });
  const text = formatImportReport(report);
  if (EXIT_CODES[report.status] !== 0) {
    console.error(text);
    return EXIT_CODES[report.status];
  }
  console.log(text);
  if (anonymized && report.status === "imported") {
    try {
      const signIn = await prepareStagingSignIn(database.db, stagingAdmin);
      const { APP_URL, PORT } = env();
      console.log(formatStagingSignIn(signIn, APP_URL ?? `http://localhost:${PORT}`));
    } catch (error) {
      // The copy is loaded; only the sign-in is missing, and running again with the option names one.
      if (!(error instanceof DataTransferError)) throw error;
      console.error(`${error.message}\nThe copy is imported: run again with --replace and --staging-admin to name one.`);
      return 1;
    }
  }
  return 0;
});
