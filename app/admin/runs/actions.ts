"use server";

import { z } from "@/lib/zod";
import { getDatabase } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { getRunProgress } from "@/server/migrations/run-progress";
import { startUndoRun } from "@/server/migrations/undo";
import { cancelMigrationRun } from "@/server/migrations/cancel";
import { fixErrorRow } from "@/server/migrations/row-fix";
import { rowFixSchema } from "@/lib/migrations/row-fix";
import { revalidatePath } from "next/cache";
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

const AFTER_FIX: Record<"migrated" | "flagged" | "skipped", string> = {
  migrated: "a run would now migrate it",
  flagged: "a run would now flag it for re-assessment",
  skipped: "it is already in the new format, so a run leaves it as it is",
};

/**
 * Fix in place: correct one error row of a run (only the migration's own columns, validated against
 * its rules; recorded with who and when). The preview is then stale: the admin previews again.
 */
export const fixRowAction = adminAction(rowFixSchema, async (input, admin): Promise<ActionState> => {
  const { runId, rowId, ...values } = input;
  const { fix, outcome } = await fixErrorRow(await getDatabase(), {
    runId,
    rowId,
    values: values as Record<string, string>,
    fixedBy: { userId: admin.id, label: admin.email },
  });
  revalidatePath(`/admin/runs/${runId}`);
  // The form is also on the migration's page, under its latest preview.
  revalidatePath(`/admin/migrations/${encodeURIComponent(fix.migrationId)}`);
  return { status: "success", message: `Row ${rowId} fixed: ${AFTER_FIX[outcome]}. Preview again before you run.` };
});
