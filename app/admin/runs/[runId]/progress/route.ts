import { getDatabase } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { getRunProgress } from "@/server/migrations/run-progress";
import { idOrNotFound } from "@/lib/ids";
import { progressView } from "@/server/migrations/progress-view";

export const dynamic = "force-dynamic";

/**
 * A run's live progress, polled by the progress bar. Read from the run's record (Postgres: written
 * outside the run's transaction, so any app instance answers) or from memory in the instance running it.
 */
export const GET = defineRoute<{ runId: string }>("admin", async (_request, { params }) => {
  const progress = await getRunProgress(await getDatabase(), idOrNotFound(params.runId, "That migration run"));
  if (!progress) throw new NotFoundError("That migration run");
  return Response.json(progressView(progress), { headers: { "cache-control": "no-store" } });
});
