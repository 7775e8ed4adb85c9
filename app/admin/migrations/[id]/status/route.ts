import { getDatabase } from "@/db/client";
import { runningRunOf } from "@/db/queries/admin-runs";
import { defineRoute } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { getRunProgress } from "@/lib/migrations/progress";
import { findDataMigration } from "@/lib/migrations/registry";
import { progressView } from "../../../_lib/progress-view";

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
