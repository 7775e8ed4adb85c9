import { getDb } from "@/server/db";
import { allFlaggedUsers } from "@/server/queries/admin-flagged";
import { defineRoute } from "@/server/auth/guards";
import { spreadsheetCsvLine } from "@/lib/spreadsheet-csv";
import { downloadResponse } from "@/lib/http/download";

export const dynamic = "force-dynamic";

async function* flaggedUsersCsv(): AsyncGenerator<string> {
  yield spreadsheetCsvLine(["email", "name", "reason", "flagged_at", "flagged_by_run_id", "migration_id"]);
  for await (const user of allFlaggedUsers(await getDb())) {
    yield spreadsheetCsvLine([
      user.email,
      user.name,
      user.reason,
      user.flaggedAt?.toISOString(),
      user.flaggedByRunId,
      user.flaggedByMigrationId,
    ]);
  }
}

/** Every flagged user as CSV, for the "please re-complete your equipment details" mailing. */
export const GET = defineRoute("admin", async () =>
  downloadResponse(flaggedUsersCsv(), {
    filename: `flagged-users-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
  }),
);
