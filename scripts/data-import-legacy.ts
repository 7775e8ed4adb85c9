/**
 * npm run data:import-legacy -- FILE [--dry-run] [--strict]
 * Imports the old Django system's `manage.py dumpdata` JSON. Thin wrapper over server/data-transfer.
 */
import { getDatabase } from "@/server/db";
import { formatLegacyImportReport, importLegacyDump, readLegacyDump } from "@/server/data-transfer";
import { parseFileCommand, runCli } from "./cli";

const HELP = `Usage: npm run data:import-legacy -- FILE [--dry-run] [--strict]

Imports a \`manage.py dumpdata\` JSON from the old system: auth.user, workouts.workout,
workouts.workoutmuscle, workouts.split, workouts.splitday and assessments.assessment (other models
are skipped). Reports, per model, what was mapped, skipped and rejected, with the reason for each.

  --dry-run   plan and report; write nothing
  --strict    refuse the whole import if any record is rejected (default: leave rejected records,
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
Exit codes: 0 imported (with --dry-run: would import), 1 refused, failed or unreadable file,
2 wrong usage, 4 embedded database busy.`;

await runCli(async () => {
  const parsed = parseFileCommand(
    { "dry-run": { type: "boolean", default: false }, strict: { type: "boolean", default: false } },
    HELP,
  );
  if (typeof parsed === "number") return parsed;
  const { values, file } = parsed;
  let dump: unknown;
  try {
    dump = readLegacyDump(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const database = await getDatabase();
  const report = await importLegacyDump(database, dump, {
    dryRun: values["dry-run"],
    strict: values.strict,
    source: file,
  });
  const ok = report.status === "imported" || report.status === "validated";
  (ok ? console.log : console.error)(formatLegacyImportReport(report));
  return ok ? 0 : 1;
});
