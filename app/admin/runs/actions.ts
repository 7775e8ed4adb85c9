"use server";

import { z } from "@/lib/zod";
import { getDatabase } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { getRunProgress } from "@/server/migrations/run-progress";
import { startUndoRun } from "@/server/migrations/undo";
import { type ProgressView, progressView } from "@/server/migrations/progress-view";
import { idSchema } from "@/lib/ids";

const undoSchema = z.object({ runId: idSchema });

/** Undo an applied run: restores the rows it changed, reports the ones changed since as conflicts. */
export const undoRunAction = adminAction(undoSchema, async (input, admin): Promise<ActionState<ProgressView>> => {
  const database = await getDatabase();
  const undo = await startUndoRun(database, { runId: input.runId, startedBy: { userId: admin.id, label: admin.email } });
  const progress = await getRunProgress(database, undo.runId);
  if (!progress) throw new Error(`Undo run ${undo.runId} was started but cannot be read back`);
  return { status: "success", message: `Undo #${undo.runId} started.`, data: progressView(progress) };
});
