import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { exportAll } from "@/server/data-transfer/export";
import { downloadResponse } from "@/lib/http/download";
import { UserFacingError } from "@/lib/errors";
import { z } from "@/lib/zod";

export const dynamic = "force-dynamic";

const exportQuery = z
  .object({ secrets: z.literal("1").optional(), anonymize: z.literal("1").optional() })
  .refine((query) => !(query.secrets && query.anonymize), {
    message: "An anonymized copy never holds password hashes: ask for one or the other.",
    path: ["anonymize"],
  });

/**
 * The full data export (an Ironlog dump, NDJSON), streamed from one consistent snapshot. Password
 * hashes only with `?secrets=1`: a dump is often handed around. `?anonymize=1`: the anonymized copy
 * for staging (docs/operator-guide.md, "A copy for staging").
 */
export const GET = defineRoute("admin", async (request, { user }) => {
  const parsed = exportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new UserFacingError(parsed.error.issues[0]?.message ?? "Unknown export options.", {
      status: 400,
      code: "bad_export_options",
    });
  }
  const includeSecrets = parsed.data.secrets === "1";
  const anonymize = parsed.data.anonymize === "1";
  console.info(
    `Data export started by ${user.email}${includeSecrets ? ", with password hashes" : ""}${anonymize ? ", anonymized" : ""}`,
  );
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  const kind = includeSecrets ? "-with-secrets" : anonymize ? "-anonymized" : "";
  return downloadResponse(exportAll(await getDb(), { includeSecrets, anonymize }), {
    filename: `ironlog-export-${stamp}${kind}.ndjson`,
    contentType: "application/x-ndjson; charset=utf-8",
  });
});
