import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { exportAll } from "@/server/data-transfer/export";
import { downloadResponse } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/**
 * The full data export (an Ironlog dump, NDJSON), streamed from one consistent snapshot. Password
 * hashes only with `?secrets=1`: a dump is often handed around.
 */
export const GET = defineRoute("admin", async (request, { user }) => {
  const includeSecrets = new URL(request.url).searchParams.get("secrets") === "1";
  console.info(`Data export started by ${user.email}${includeSecrets ? ", with password hashes" : ""}`);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return downloadResponse(exportAll(await getDb(), { includeSecrets }), {
    filename: `ironlog-export-${stamp}${includeSecrets ? "-with-secrets" : ""}.ndjson`,
    contentType: "application/x-ndjson; charset=utf-8",
  });
});
