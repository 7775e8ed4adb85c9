"use server";

import { z } from "@/lib/zod";
import { getDatabase } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { getRunProgress } from "@/server/migrations/run-progress";
import { startUndoRun } from "@/server/migrations/undo";
import { cancelMigrationRun } from "@/server/migrations/cancel";
import { type ProgressView, progressView } from "@/server/migrations/progress-view";
import { idSchema } from "@/lib/ids";

const undoSchema = z.object({ runId: idSchema });
const cancelSchema = z.object({ runId: idSchema });

/**
 * Cancel a running run (preview, run or undo), whichever instance runs it: it rolls back and is
 * recorded as cancelled by this admin. The progress bar then shows it cancelled.
 */
export const cancelRunAction = adminAction(cancelSchema, async (input, admin): Promise<ActionState> => {
  await cancelMigrationRun(await getDatabase(), { runId: input.runId, cancelledBy: { userId: admin.id, label: admin.email } });
  return { status: "success", message: `Cancelling run #${input.runId}: it stops and rolls back within a batch.` };
});

/** Undo an applied run: restores the rows it changed, reports the ones changed since as conflicts. */
export const undoRunAction = adminAction(undoSchema, async (input, admin): Promise<ActionState<ProgressView>> => {
  const database = await getDatabase();
  const undo = await startUndoRun(database, { runId: input.runId, startedBy: { userId: admin.id, label: admin.email } });
  const progress = await getRunProgress(database, undo.runId);
  if (!progress) throw new Error(`Undo run ${undo.runId} was started but cannot be read back`);
  return { status: "success", message: `Undo #${undo.runId} started.`, data: progressView(progress) };
});
