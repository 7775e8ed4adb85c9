import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { requestTimeZone } from "@/server/athlete-page";
import { historyCsv, historyJson } from "@/server/history-export/export";
import { downloadResponse } from "@/lib/http/download";

/** GET /api/history/export?format=csv|json: the athlete's whole history, streamed as it is read. */
export const GET = defineRoute("athlete", async (request, { user }) => {
  const format = new URL(request.url).searchParams.get("format") === "json" ? "json" : "csv";
  const [db, timeZone] = await Promise.all([getDb(), requestTimeZone()]);
  const day = new Date().toISOString().slice(0, 10);
  return format === "json"
    ? downloadResponse(historyJson(db, user.id, user.weightUnit, timeZone), {
        filename: `ironlog-history-${day}.json`,
        contentType: "application/json; charset=utf-8",
      })
    : downloadResponse(historyCsv(db, user.id, user.weightUnit, timeZone), {
        filename: `ironlog-history-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
      });
});
