import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { migrationSummaryOf } from "@/server/migrations/engine";
import { latestPreview } from "@/server/migrations/queries";
import { findDataMigration } from "@/server/migrations/registry";
import { previewStaleness } from "@/lib/migrations/preview-staleness";

export const dynamic = "force-dynamic";

/**
 * Whether the latest preview still describes the data, asked when the Run dialog opens. The
 * fingerprint reads the migration's source table, so it is computed here, on demand, and not on
 * every render of the migration page.
 */
export const GET = defineRoute<{ id: string }>("admin", async (_request, { params }) => {
  const migration = findDataMigration(params.id);
  if (!migration) throw new NotFoundError("That data migration");
  const db = await getDb();
  const preview = await latestPreview(db, migration.id);
  if (!preview) return Response.json({ preview: null, stale: true, changes: ["There is no preview yet."] }, { headers: { "cache-control": "no-store" } });
  const staleness = previewStaleness(preview.sourceFingerprint, await migration.fingerprint(db));
  return Response.json(
    { preview: { runId: preview.id, startedAt: preview.startedAt.toISOString(), summary: migrationSummaryOf(preview) }, ...staleness },
    { headers: { "cache-control": "no-store" } },
  );
});
