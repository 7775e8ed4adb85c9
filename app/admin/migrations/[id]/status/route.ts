import { getDatabase } from "@/server/db";
import { runningRunOf } from "@/server/queries/admin-runs";
import { defineRoute } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { getRunProgress } from "@/server/migrations/run-progress";
import { findDataMigration } from "@/server/migrations/registry";
import { progressView } from "@/server/migrations/progress-view";

export const dynamic = "force-dynamic";

/**
 * The run of this migration in progress, if any: polled by every open migration page, so a run that
 * another admin (or another app instance) starts shows up and disables the Run button.
 */
export const GET = defineRoute<{ id: string }>("admin", async (_request, { params }) => {
  const migration = findDataMigration(params.id);
  if (!migration) throw new NotFoundError("That data migration");
  const database = await getDatabase();
  const recorded = await runningRunOf(database.db, migration.id);
  // getRunProgress marks a run whose process died as failed, so a stale record does not block runs.
  const progress = recorded ? await getRunProgress(database, recorded.id) : null;
  const running = progress?.status === "running" ? progressView(progress) : null;
  return Response.json({ running }, { headers: { "cache-control": "no-store" } });
});
