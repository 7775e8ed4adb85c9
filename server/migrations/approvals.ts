/**
 * The two-person rule for data migrations: a migration (or, by default, every migration) may need a
 * second admin's approval before it is applied. An admin asks with a note, bound to the latest
 * preview and the fingerprint of the data it read; another admin approves or declines with a note.
 * An approval is good for one run, while its preview is the latest and still current, and for
 * APPROVAL_LIFETIME_MS after it was given. Nobody decides their own request. The dashboard and the
 * command line (`--approval-id`) go through `checkRunApproval`; the engine claims the approval when it
 * records the run (`claimApproval`), so two runs cannot share one.
 */
import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { type MigrationApproval, type MigrationRun, migrationApprovals, migrationSettings } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { previewStaleness } from "@/lib/migrations/preview-staleness";
import { latestPreview } from "./queries";
import { getDataMigration } from "./registry";
import type { AnyDataMigration, StartedBy } from "./types";

/** How long an approval stays good after it is given (and a request waits for a decision). */
export const APPROVAL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The settings row that holds the default for migrations without their own. */
export const DEFAULT_SETTING = "*";

/** A run was refused for want of a usable approval (the command line exits with its own code). */
export class ApprovalRefusedError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 409, code: "approval_refused" });
    this.name = "ApprovalRefusedError";
  }
}

export interface ApprovalRequirement {
  /** Whether an apply of this migration needs an approval now. */
  required: boolean;
  /** This migration's own setting; null when it follows the default. */
  own: boolean | null;
  /** The default for migrations without their own setting. */
  byDefault: boolean;
}

export async function approvalRequirement(db: DbOrTx, migrationId: string): Promise<ApprovalRequirement> {
  const rows = await db
    .select({ migrationId: migrationSettings.migrationId, requiresApproval: migrationSettings.requiresApproval })
    .from(migrationSettings)
    .where(sql`${migrationSettings.migrationId} IN (${migrationId}, ${DEFAULT_SETTING})`);
  const own = rows.find((row) => row.migrationId === migrationId)?.requiresApproval ?? null;
  const byDefault = rows.find((row) => row.migrationId === DEFAULT_SETTING)?.requiresApproval ?? false;
  return { required: own ?? byDefault, own, byDefault };
}

/**
 * Set whether a migration's runs need approval (`null`: follow the default), or the default itself
 * (`migrationId` = DEFAULT_SETTING, where null means "no approval needed").
 */
export async function setApprovalRequirement(
  db: DbOrTx,
  input: { migrationId: string; requiresApproval: boolean | null; by: StartedBy },
): Promise<void> {
  if (input.migrationId !== DEFAULT_SETTING) getDataMigration(input.migrationId);
  if (input.requiresApproval === null) {
    await db.delete(migrationSettings).where(eq(migrationSettings.migrationId, input.migrationId));
    return;
  }
  const values = {
    requiresApproval: input.requiresApproval,
    updatedBy: input.by.label,
    updatedByUserId: input.by.userId ?? null,
    updatedAt: new Date(),
  };
  await db
    .insert(migrationSettings)
    .values({ migrationId: input.migrationId, ...values })
    .onConflictDoUpdate({ target: migrationSettings.migrationId, set: values });
}

/** The latest preview when it is `previewRunId` and still current; otherwise throws why not. */
async function currentPreview(db: DbOrTx, migration: AnyDataMigration, previewRunId: number): Promise<MigrationRun> {
  const preview = await latestPreview(db, migration.id);
  if (!preview) throw new ApprovalRefusedError("There is no preview yet. Preview the migration first.");
  if (preview.id !== previewRunId) {
    throw new ApprovalRefusedError(`A newer preview (#${preview.id}) exists: approvals are for the latest one.`);
  }
  const { stale, changes } = previewStaleness(preview.sourceFingerprint, await migration.fingerprint(db));
  if (stale) throw new ApprovalRefusedError(`Preview #${preview.id} is stale: ${changes.join(" ")} Preview again.`);
  return preview;
}

/** Ask for another admin's approval to apply the migration as preview `previewRunId` showed it. */
export async function requestApproval(
  database: Database,
  input: { migrationId: string; previewRunId: number; note: string; requestedBy: StartedBy; now?: Date },
): Promise<MigrationApproval> {
  const db = database.db;
  const migration = getDataMigration(input.migrationId);
  const preview = await currentPreview(db, migration, input.previewRunId);
  const [open] = await db
    .select({ id: migrationApprovals.id })
    .from(migrationApprovals)
    .where(
      and(
        eq(migrationApprovals.previewRunId, input.previewRunId),
        sql`${migrationApprovals.status} IN ('pending', 'approved')`,
        isNull(migrationApprovals.usedAt),
      ),
    );
  if (open) throw new ApprovalRefusedError(`Approval #${open.id} already covers preview #${input.previewRunId}.`);
  const now = input.now ?? new Date();
  const [approval] = await db
    .insert(migrationApprovals)
    .values({
      migrationId: migration.id,
      previewRunId: input.previewRunId,
      fingerprint: preview.sourceFingerprint ?? {},
      requestedBy: input.requestedBy.label,
      requestedByUserId: input.requestedBy.userId ?? null,
      requestNote: input.note,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + APPROVAL_LIFETIME_MS),
    })
    .returning();
  return approval;
}

/**
 * Approve or decline a pending request. Refused for the admin who asked, for a request already
 * decided or expired, and (approving) when its preview is no longer the latest or is stale.
 */
export async function decideApproval(
  database: Database,
  input: { approvalId: number; approve: boolean; note: string; decidedBy: StartedBy; now?: Date },
): Promise<MigrationApproval> {
  const db = database.db;
  const now = input.now ?? new Date();
  const [request] = await db.select().from(migrationApprovals).where(eq(migrationApprovals.id, input.approvalId));
  if (!request) throw new ApprovalRefusedError(`There is no approval request #${input.approvalId}.`);
  if (request.requestedByUserId === null || request.requestedByUserId === input.decidedBy.userId) {
    throw new ApprovalRefusedError("You asked for this approval: another admin must decide it.");
  }
  if (request.status !== "pending") throw new ApprovalRefusedError(`Request #${request.id} was already ${request.status}.`);
  if (request.expiresAt <= now) throw new ApprovalRefusedError(`Request #${request.id} expired: ask again.`);
  if (input.approve) {
    await currentPreview(db, getDataMigration(request.migrationId), request.previewRunId);
  }
  const [decided] = await db
    .update(migrationApprovals)
    .set({
      status: input.approve ? "approved" : "declined",
      decidedBy: input.decidedBy.label,
      decidedByUserId: input.decidedBy.userId ?? null,
      decisionNote: input.note,
      decidedAt: now,
      // Good for a set time from the decision, not from the request.
      ...(input.approve ? { expiresAt: new Date(now.getTime() + APPROVAL_LIFETIME_MS) } : {}),
    })
    .where(and(eq(migrationApprovals.id, request.id), eq(migrationApprovals.status, "pending")))
    .returning();
  if (!decided) throw new ApprovalRefusedError(`Request #${request.id} was decided by someone else meanwhile.`);
  return decided;
}

/** Why approval `approvalId` cannot start an apply of `migration` now, or null when it can. */
export async function approvalProblem(
  db: DbOrTx,
  migration: AnyDataMigration,
  approvalId: number,
  now: Date = new Date(),
): Promise<string | null> {
  const [approval] = await db.select().from(migrationApprovals).where(eq(migrationApprovals.id, approvalId));
  if (!approval || approval.migrationId !== migration.id) return `There is no approval #${approvalId} for ${migration.id}.`;
  if (approval.status !== "approved") return `Approval #${approval.id} is ${approval.status}, not approved.`;
  if (approval.usedAt) return `Approval #${approval.id} was already used${approval.runId ? ` by run #${approval.runId}` : ""}.`;
  if (approval.expiresAt <= now) return `Approval #${approval.id} expired at ${approval.expiresAt.toISOString()}. Ask again.`;
  const preview = await latestPreview(db, migration.id);
  if (!preview || preview.id !== approval.previewRunId) {
    return `Approval #${approval.id} is for preview #${approval.previewRunId}, and a newer preview exists. Ask again.`;
  }
  const { stale, changes } = previewStaleness(approval.fingerprint, await migration.fingerprint(db));
  if (stale) return `The data changed since approval #${approval.id}'s preview: ${changes.join(" ")} Preview and ask again.`;
  return null;
}

/**
 * The gate before an apply: when the migration needs approval, `approvalId` must name a usable one;
 * an approval given when none is needed must still be usable. Throws ApprovalRefusedError.
 */
export async function checkRunApproval(
  db: DbOrTx,
  migration: AnyDataMigration,
  approvalId: number | null,
  now: Date = new Date(),
): Promise<void> {
  if (approvalId === null) {
    if ((await approvalRequirement(db, migration.id)).required) {
      throw new ApprovalRefusedError(`A run of ${migration.id} needs another admin's approval of its latest preview.`);
    }
    return;
  }
  const problem = await approvalProblem(db, migration, approvalId, now);
  if (problem) throw new ApprovalRefusedError(problem);
}

/**
 * Mark the approval used, as the engine records the run (holding the migration's lock): refused
 * when another run took it, it expired, or its preview is no longer the latest.
 */
export async function claimApproval(db: DbOrTx, approvalId: number, migrationId: string): Promise<void> {
  const claimed = await db
    .update(migrationApprovals)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(migrationApprovals.id, approvalId),
        eq(migrationApprovals.migrationId, migrationId),
        eq(migrationApprovals.status, "approved"),
        isNull(migrationApprovals.usedAt),
        gt(migrationApprovals.expiresAt, sql`now()`),
        sql`${migrationApprovals.previewRunId} = (
          SELECT id FROM migration_runs
          WHERE migration_id = ${migrationId} AND mode = 'dry_run' AND status = 'completed'
          ORDER BY started_at DESC, id DESC LIMIT 1)`,
      ),
    )
    .returning({ id: migrationApprovals.id });
  if (claimed.length === 0) throw new ApprovalRefusedError(`Approval #${approvalId} can no longer be used. Ask again.`);
}

export async function recordApprovedRun(db: DbOrTx, approvalId: number, runId: number): Promise<void> {
  await db.update(migrationApprovals).set({ runId }).where(eq(migrationApprovals.id, approvalId));
}

/** The approval a run was started with, if any. */
export async function approvalOfRun(db: DbOrTx, runId: number): Promise<MigrationApproval | null> {
  const [approval] = await db.select().from(migrationApprovals).where(eq(migrationApprovals.runId, runId));
  return approval ?? null;
}

/** The newest requests of a migration, for its page. */
export async function recentApprovals(db: DbOrTx, migrationId: string, limit = 5): Promise<MigrationApproval[]> {
  return db
    .select()
    .from(migrationApprovals)
    .where(eq(migrationApprovals.migrationId, migrationId))
    .orderBy(desc(migrationApprovals.requestedAt), desc(migrationApprovals.id))
    .limit(limit);
}

/**
 * Requests still waiting for a decision, oldest first, for the admin overview: not expired, and for
 * their migration's latest preview (a request for an older one can no longer be approved).
 */
export async function pendingApprovalRequests(db: DbOrTx, now: Date = new Date(), limit = 10): Promise<MigrationApproval[]> {
  return db
    .select()
    .from(migrationApprovals)
    .where(
      and(
        eq(migrationApprovals.status, "pending"),
        gt(migrationApprovals.expiresAt, now),
        sql`${migrationApprovals.previewRunId} = (
          SELECT id FROM migration_runs
          WHERE migration_id = ${migrationApprovals.migrationId} AND mode = 'dry_run' AND status = 'completed'
          ORDER BY started_at DESC, id DESC LIMIT 1)`,
      ),
    )
    .orderBy(migrationApprovals.requestedAt, migrationApprovals.id)
    .limit(limit);
}

export interface ApprovalState {
  requirement: ApprovalRequirement;
  /** An approval of the latest preview that a run may use now (its data is checked again at the run). */
  usable: MigrationApproval | null;
  /** A request for the latest preview waiting for a decision. */
  pending: MigrationApproval | null;
  /** Why "Run migration" is disabled for want of an approval, or null. */
  runBlockedBy: string | null;
  recent: MigrationApproval[];
}

/** What the migration's page shows about approvals, for its latest preview. */
export async function approvalState(
  db: DbOrTx,
  migrationId: string,
  previewRunId: number | null,
  now: Date = new Date(),
): Promise<ApprovalState> {
  const [requirement, recent] = await Promise.all([approvalRequirement(db, migrationId), recentApprovals(db, migrationId)]);
  const forPreview = recent.filter((a) => a.previewRunId === previewRunId && a.expiresAt > now && !a.usedAt);
  const usable = forPreview.find((a) => a.status === "approved") ?? null;
  const pending = forPreview.find((a) => a.status === "pending") ?? null;
  let runBlockedBy: string | null = null;
  if (requirement.required && !usable) {
    runBlockedBy =
      previewRunId === null
        ? "Runs of this migration need another admin's approval: preview it, then ask for approval."
        : pending
          ? `Waiting for another admin to approve preview #${previewRunId} (request #${pending.id}).`
          : `Runs of this migration need another admin's approval of preview #${previewRunId}: ask for it below.`;
  }
  return { requirement, usable, pending, runBlockedBy, recent };
}
