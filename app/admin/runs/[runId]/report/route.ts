import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { getRun } from "@/server/migrations/queries";
import { REPORT_FORMATS, type ReportFormat, reportChunks, reportDownload } from "@/server/migrations/report";
import { downloadResponse } from "@/lib/http/download";
import { idOrNotFound } from "@/lib/ids";

export const dynamic = "force-dynamic";

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** A run's report (`?format=json` or `csv`, `&skipped=1` to list skipped rows too), streamed from its recorded items a batch at a time. */
export const GET = defineRoute<{ runId: string }>("admin", async (request, { params }) => {
  const runId = idOrNotFound(params.runId, "That migration run");
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isReportFormat(format)) {
    throw new UserFacingError(`Unknown report format "${format}": use json or csv.`, { status: 400, code: "bad_format" });
  }
  const db = await getDb();
  const run = await getRun(db, runId);
  if (!run) throw new NotFoundError("That migration run");
  if (run.status === "running") {
    throw new UserFacingError("The run is still in progress: its report is ready when it finishes.", {
      status: 409,
      code: "run_in_progress",
    });
  }
  const { contentType, fileName } = reportDownload(run, format);
  const includeSkipped = new URL(request.url).searchParams.get("skipped") === "1";
  return downloadResponse(reportChunks(db, runId, format, { includeSkipped }), { filename: fileName, contentType });
});
