/**
 * npm run data:export -- FILE [--include-secrets | --anonymize]
 * Writes every table as one Ironlog dump (NDJSON; docs/data-dump-format.md). Thin wrapper over
 * server/data-transfer.
 */
import fs from "node:fs";
import { getDatabase } from "@/server/db";
import { formatExportSummary, writeDump } from "@/server/data-transfer";
import { parseFileCommand, runCli } from "./cli";

const HELP = `Usage: npm run data:export -- FILE [--include-secrets | --anonymize] [--batch-size N]

Writes every table of the app (users, assessments, muscles, exercises, splits, sessions and sets,
migration runs and their items) as one versioned dump, with the schema migration it was taken at.
Format: docs/data-dump-format.md. The dump is one consistent snapshot, read and written in batches.

  FILE               where to write it ("-" for standard output); written to FILE.partial first,
                     renamed when complete
  --include-secrets  also write users' password hashes (left out by default)
  --anonymize        an anonymized copy for staging: people become pseudonyms
                     (athlete-<id>@example.invalid), typed text is replaced, secrets,
                     sessions, tokens and mail are left out; training data, assessments
                     and migration history are kept (docs/operator-guide.md, "A copy for staging")
  --batch-size N     rows read per query (default 1000)

Database: DATABASE_URL, or the embedded one in IRONLOG_DATA_DIR (default .data).
Exit codes: 0 written, 1 failed, 2 wrong usage, 4 embedded database busy.`;

await runCli(async () => {
  const parsed = parseFileCommand(
    {
      "include-secrets": { type: "boolean", default: false },
      anonymize: { type: "boolean", default: false },
      "batch-size": { type: "string" },
    },
    HELP,
  );
  if (typeof parsed === "number") return parsed;
  const { values, file } = parsed;
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    console.error(HELP);
    return 2;
  }
  if (values.anonymize && values["include-secrets"]) {
    console.error(`--anonymize and --include-secrets exclude each other: an anonymized copy holds no secrets.\n\n${HELP}`);
    return 2;
  }
  const options = { includeSecrets: values["include-secrets"], anonymize: values.anonymize, batchSize };
  const database = await getDatabase();

  if (file === "-") {
    try {
      const summary = await writeDump(database.db, process.stdout, { ...options, endDestination: false });
      console.error(formatExportSummary(summary, "standard output"));
      return 0;
    } catch (error) {
      // The reader went away (`| head`): not worth a stack trace.
      if ((error as NodeJS.ErrnoException).code === "EPIPE") return 1;
      throw error;
    }
  }

  const partial = `${file}.partial`;
  try {
    const summary = await writeDump(database.db, fs.createWriteStream(partial), options);
    fs.renameSync(partial, file);
    console.log(formatExportSummary(summary, file));
    return 0;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    console.error(`Export failed, nothing written to ${file}: ${(error as Error).message}`);
    return 1;
  }
});
