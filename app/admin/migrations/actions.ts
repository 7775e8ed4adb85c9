"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDatabase } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { UserFacingError } from "@/lib/errors";
import { formId } from "@/lib/ids";
import { startMigrationRun } from "@/server/migrations/engine";
import { getRunProgress } from "@/server/migrations/run-progress";
import { previewStatus } from "@/server/migrations/queries";
import { getDataMigration } from "@/server/migrations/registry";
import {
  DEFAULT_SETTING,
  checkRunApproval,
  decideApproval,
  requestApproval,
  setApprovalRequirement,
} from "@/server/migrations/approvals";
import type { User } from "@/db/schema";
import { type ProgressView, progressView } from "@/server/migrations/progress-view";

async function started(runId: number, message: string): Promise<ActionState<ProgressView>> {
  const progress = await getRunProgress(await getDatabase(), runId);
  if (!progress) throw new Error(`Run ${runId} was started but cannot be read back`);
  return { status: "success", message, data: progressView(progress) };
}

const migrationPath = (id: string) => `/admin/migrations/${encodeURIComponent(id)}`;

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
  // Empty when the migration needs no approval; the server decides whether it does.
  approvalId: z.union([z.literal(""), formId("Choose an approval from the list.")]).optional(),
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
  const approvalId = input.approvalId ? input.approvalId : null;
  await checkRunApproval(database.db, migration, approvalId);
  const run = await startMigrationRun(database, {
    migrationId: migration.id,
    mode: "apply",
    startedBy: startedBy(admin),
    approvalId,
  });
  return started(run.runId, `Run #${run.runId} started.`);
});

const noteSchema = (message: string) => z.string().trim().min(1, message).max(2000, "Keep the note under 2,000 characters.");

const requestSchema = z.object({
  migrationId: z.string().trim().min(1),
  previewRunId: formId("Preview the migration before you ask for approval."),
  note: noteSchema("Say what the run is for, so the approving admin knows what they approve."),
});

/** Ask another admin to approve applying the migration as its latest preview showed it. */
export const requestApprovalAction = adminAction(requestSchema, async (input, admin): Promise<ActionState> => {
  const approval = await requestApproval(await getDatabase(), {
    migrationId: getDataMigration(input.migrationId).id,
    previewRunId: input.previewRunId,
    note: input.note,
    requestedBy: startedBy(admin),
  });
  revalidatePath(migrationPath(approval.migrationId));
  return { status: "success", message: `Approval #${approval.id} asked for. Another admin decides it.` };
});

const decisionSchema = z.object({
  approvalId: formId("Choose a request from the list."),
  decision: z.enum(["approve", "decline"], "Approve or decline."),
  note: noteSchema("Add a note: what you checked, or why you decline."),
});

/** Approve or decline another admin's request; the server refuses the admin who asked. */
export const decideApprovalAction = adminAction(decisionSchema, async (input, admin): Promise<ActionState> => {
  const approval = await decideApproval(await getDatabase(), {
    approvalId: input.approvalId,
    approve: input.decision === "approve",
    note: input.note,
    decidedBy: startedBy(admin),
  });
  revalidatePath(migrationPath(approval.migrationId));
  return { status: "success", message: `Approval #${approval.id} ${approval.status}.` };
});

const requirementSchema = z.object({
  migrationId: z.string().trim().min(1),
  requirement: z.enum(["default", "required", "not_required"], "Choose a setting."),
});

/** Whether runs of one migration (or, with migrationId "*", of every migration by default) need approval. */
export const setApprovalRequirementAction = adminAction(requirementSchema, async (input, admin): Promise<ActionState> => {
  const isDefault = input.migrationId === DEFAULT_SETTING;
  if (isDefault && input.requirement === "default") {
    throw new UserFacingError("Choose whether runs need approval by default.", { field: "requirement" });
  }
  await setApprovalRequirement((await getDatabase()).db, {
    migrationId: isDefault ? DEFAULT_SETTING : getDataMigration(input.migrationId).id,
    requiresApproval: input.requirement === "default" ? null : input.requirement === "required",
    by: startedBy(admin),
  });
  revalidatePath("/admin/migrations", "layout");
  return { status: "success", message: "Approval setting saved." };
});
