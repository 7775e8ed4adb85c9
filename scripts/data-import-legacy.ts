/**
 * npm run data:import-legacy -- FILE [--dry-run] [--strict]
 * npm run data:import-legacy -- --from-mysql [--dry-run] [--strict]   (LEGACY_DATABASE_URL)
 * Imports the old Django system from its `manage.py dumpdata` JSON or straight from its MySQL/MariaDB
 * database. Thin wrapper over server/data-transfer.
 */
import { getDatabase } from "@/server/db";
import { ConfigurationError, env } from "@/server/env";
import {
  describeLegacyDatabase,
  formatLegacyImportReport,
  importLegacyDump,
  readLegacyDatabase,
  readLegacyDump,
} from "@/server/data-transfer";
import { parseCommand, runCli } from "./cli";

const HELP = `Usage: npm run data:import-legacy -- FILE [--dry-run] [--strict]
       LEGACY_DATABASE_URL=mysql://user:pass@host:3306/legacy npm run data:import-legacy -- --from-mysql [--dry-run] [--strict]

Imports the old system: from a \`manage.py dumpdata\` JSON FILE, or, with --from-mysql, straight from
its MySQL or MariaDB database (for when the Django app is gone and only the database is left).
It reads auth.user, workouts.workout, workouts.workoutmuscle, workouts.split, workouts.splitday and
assessments.assessment (from a database: auth_user, workouts_workout, workouts_workoutmuscle,
workouts_split, workouts_splitday with workouts_splitday_workouts, and assessments_assessment; other
models and tables are skipped). Reports, per model, what was mapped, skipped and rejected, with the
reason for each. Both sources give the same result for the same data.

  --from-mysql  read the database named by LEGACY_DATABASE_URL (from the environment, so its password
                is not in the process list; an account that can SELECT is enough)
  --dry-run     plan and report; write nothing
  --strict      refuse the whole import if any record is rejected (default: leave rejected records,
                and what depends on them, out and import the rest)

It merges into the existing data by natural key: a user whose e-mail is already in Ironlog is left
as it is, with their splits and assessment; a workout whose exercise name exists is linked to that
exercise. Running it twice changes nothing the second time. Legacy ids are not kept. Users keep
their Django password hash (pbkdf2_sha256/sha1, argon2, bcrypt_sha256), replaced by argon2id at their first
sign-in; unusable or unverifiable ones import as no password (a reset is needed): the report counts
both, and never prints a hash. Assessments keep their legacy equipment answer (lists
stay lists) for the equipment migration; missing exercise difficulty stays empty for the exercise
backfill migration. One transaction: all or nothing.

Database: DATABASE_URL, or the embedded one in IRONLOG_DATA_DIR (default .data).
Exit codes: 0 imported (with --dry-run: would import), 1 refused, failed, or an unreadable file or
legacy database, 2 wrong usage (LEGACY_DATABASE_URL unset or malformed), 4 embedded database busy.`;

await runCli(async () => {
  const parsed = parseCommand(
    {
      "from-mysql": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
    },
    HELP,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const fromMysql = values["from-mysql"];
  if (positionals.length !== (fromMysql ? 0 : 1)) {
    console.error(fromMysql ? `--from-mysql reads LEGACY_DATABASE_URL, not a file.\n\n${HELP}` : HELP);
    return 2;
  }

  let dump: unknown;
  let source: string;
  if (fromMysql) {
    let url: string | undefined;
    try {
      url = env().LEGACY_DATABASE_URL;
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      console.error(error.message);
      return 2;
    }
    if (!url) {
      console.error("LEGACY_DATABASE_URL is not set: export it as mysql://user:pass@host:3306/legacy, then run again.");
      return 2;
    }
    source = describeLegacyDatabase(url);
    try {
      dump = await readLegacyDatabase(url);
    } catch (error) {
      console.error(`Cannot read ${source}: ${(error as Error).message}`);
      return 1;
    }
  } else {
    source = positionals[0];
    try {
      dump = readLegacyDump(source);
    } catch (error) {
      console.error(`Cannot read ${source}: ${(error as Error).message}`);
      return 1;
    }
  }
  const database = await getDatabase();
  const report = await importLegacyDump(database, dump, {
    dryRun: values["dry-run"],
    strict: values.strict,
    source,
  });
  const ok = report.status === "imported" || report.status === "validated";
  (ok ? console.log : console.error)(formatLegacyImportReport(report));
  return ok ? 0 : 1;
});
