import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { migrationSummaryOf } from "@/server/migrations/engine";
import { previewStatus } from "@/server/migrations/queries";
import { findDataMigration } from "@/server/migrations/registry";

export const dynamic = "force-dynamic";

/**
 * Whether the latest preview still describes the data, asked when the Run dialog opens (on demand,
 * not on every render of the migration page: the fingerprint reads the migration's source table).
 */
export const GET = defineRoute<{ id: string }>("admin", async (_request, { params }) => {
  const migration = findDataMigration(params.id);
  if (!migration) throw new NotFoundError("That data migration");
  const { preview, stale, changes } = await previewStatus(await getDb(), migration);
  return Response.json(
    {
      preview: preview && { runId: preview.id, startedAt: preview.startedAt.toISOString(), summary: migrationSummaryOf(preview) },
      stale,
      changes,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
