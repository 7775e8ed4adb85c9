"use server";

import { z } from "@/lib/zod";
import { getDatabase } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { UserFacingError } from "@/lib/errors";
import { formId } from "@/lib/ids";
import { startMigrationRun } from "@/server/migrations/engine";
import { getRunProgress } from "@/server/migrations/run-progress";
import { previewStatus } from "@/server/migrations/queries";
import { getDataMigration } from "@/server/migrations/registry";
import type { User } from "@/db/schema";
import { type ProgressView, progressView } from "@/server/migrations/progress-view";

async function started(runId: number, message: string): Promise<ActionState<ProgressView>> {
  const progress = await getRunProgress(await getDatabase(), runId);
  if (!progress) throw new Error(`Run ${runId} was started but cannot be read back`);
  return { status: "success", message, data: progressView(progress) };
}

const startedBy = (admin: User) => ({ userId: admin.id, label: admin.email });

const previewSchema = z.object({ migrationId: z.string().trim().min(1) });

/** Preview: a dry run through the same code path as apply, rolled back, with its report recorded. */
export const previewMigrationAction = adminAction(previewSchema, async (input, admin): Promise<ActionState<ProgressView>> => {
  const migration = getDataMigration(input.migrationId);
  const run = await startMigrationRun(await getDatabase(), {
    migrationId: migration.id,
    mode: "dry_run",
    startedBy: startedBy(admin),
  });
  return started(run.runId, `Preview #${run.runId} started.`);
});

const runSchema = z.object({
  migrationId: z.string().trim().min(1),
  // The preview whose counts the dialog showed: a newer one means the admin has not seen it.
  previewRunId: formId("Preview the migration before you run it."),
  confirmation: z.string().trim(),
});

/**
 * Apply, after a preview and a typed confirmation. Refused when the preview the admin confirmed is not
 * the latest, or when the rows changed since it (stale): the admin previews again and reviews.
 */
export const runMigrationAction = adminAction(runSchema, async (input, admin): Promise<ActionState<ProgressView>> => {
  const migration = getDataMigration(input.migrationId);
  if (input.confirmation !== migration.id) {
    throw new UserFacingError(`Type ${migration.id} exactly to confirm.`, { field: "confirmation" });
  }
  const database = await getDatabase();
  const { preview, stale, changes } = await previewStatus(database.db, migration);
  if (!preview) throw new UserFacingError("Preview the migration before you run it.", { code: "no_preview" });
  if (preview.id !== input.previewRunId) {
    throw new UserFacingError(`A newer preview (#${preview.id}) exists. Review it, then run again.`, { code: "newer_preview" });
  }
  if (stale) {
    throw new UserFacingError(`The preview is stale: ${changes.join(" ")} Preview again before you run.`, {
      code: "stale_preview",
    });
  }
  const run = await startMigrationRun(database, { migrationId: migration.id, mode: "apply", startedBy: startedBy(admin) });
  return started(run.runId, `Run #${run.runId} started.`);
});
