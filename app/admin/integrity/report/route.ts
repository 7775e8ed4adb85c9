import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { runIntegrityCheck } from "@/server/integrity/run";

export const dynamic = "force-dynamic";

/** The data-integrity check, run now, as a JSON download (one entry per table; small, so not streamed). */
export const GET = defineRoute("admin", async () => {
  const report = await runIntegrityCheck(await getDb());
  return new Response(`${JSON.stringify(report, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="integrity-${report.checkedAt.slice(0, 19).replaceAll(":", "-")}.json"`,
      "cache-control": "no-store",
    },
  });
});
