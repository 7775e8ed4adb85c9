import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { assessments, users } from "@/db/schema";
import { isEquipmentChoice } from "@/lib/equipment";
import { containsPattern } from "@/server/migrations/queries";
import { ForbiddenError, NotFoundError, UserFacingError } from "@/lib/errors";

export type Role = "athlete" | "admin";

/** Where a user's onboarding assessment stands, as the admin users list shows it. */
export type AssessmentStatus = "none" | "current" | "needs_reassessment" | "legacy_format" | "invalid";

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  none: "Not taken",
  current: "Up to date",
  needs_reassessment: "Needs re-assessment",
  legacy_format: "Legacy format",
  invalid: "Invalid answer",
};

/** A flagged user must re-assess whatever the value; otherwise the equipment value's format decides. */
export function assessmentStatus(assessment: { equipment: unknown; needsReassessment: boolean } | null): AssessmentStatus {
  if (!assessment) return "none";
  if (assessment.needsReassessment) return "needs_reassessment";
  if (Array.isArray(assessment.equipment)) return "legacy_format";
  return isEquipmentChoice(assessment.equipment) ? "current" : "invalid";
}

export interface RoleChangeRefusal {
  code: "not_admin" | "last_admin";
  message: string;
}

/**
 * Why a role change must be refused, or null when it may go ahead. The one hard rule: Ironlog never
 * ends up without an admin, so the last admin cannot step down (make someone else admin first).
 * `adminIds` must be read under lock in the same transaction as the change, or two admins demoting
 * each other at once could both pass.
 */
export function roleChangeRefusal(change: {
  actorId: number;
  target: { id: number; role: Role };
  newRole: Role;
  adminIds: readonly number[];
}): RoleChangeRefusal | null {
  // The caller may have lost the role since the request was authorised.
  if (!change.adminIds.includes(change.actorId)) return { code: "not_admin", message: "Only admins can change roles." };
  const demotesAnAdmin = change.target.role === "admin" && change.newRole !== "admin";
  if (demotesAnAdmin && change.adminIds.length <= 1) {
    return {
      code: "last_admin",
      message:
        change.target.id === change.actorId
          ? "You are the last admin. Make another user admin before you give up the role."
          : "Ironlog needs at least one admin.",
    };
  }
  return null;
}

export interface AdminUserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  createdAt: Date;
  assessmentStatus: AssessmentStatus;
}

export interface UsersPage {
  users: AdminUserRow[];
  /** The id to continue after, or null on the last page. */
  next: number | null;
}

/**
 * A page of users in id order (keyset paging: every page costs the same as the first). The search
 * matches part of the email or the name. It is not index-assisted: with no match it reads the whole
 * table (a pg_trgm index would fix that; see the dashboard's report).
 */
export async function listUsers(
  db: DbOrTx,
  options: { search?: string; role?: Role; after?: number; limit?: number } = {},
): Promise<UsersPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const search = options.search?.trim().toLowerCase();
  const conditions = [
    options.after ? gt(users.id, options.after) : undefined,
    options.role ? eq(users.role, options.role) : undefined,
    search
      ? // ILIKE on the exact indexed expressions, so the trigram indexes (users_*_trgm_idx) answer it.
        or(sql`${users.email} ILIKE ${containsPattern(search)}`, sql`lower(coalesce(${users.name}, '')) ILIKE ${containsPattern(search)}`)
      : undefined,
  ];
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      equipment: assessments.equipment,
      needsReassessment: assessments.needsReassessment,
      assessmentId: assessments.id,
    })
    .from(users)
    .leftJoin(assessments, eq(assessments.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt,
    assessmentStatus: assessmentStatus(
      row.assessmentId === null ? null : { equipment: row.equipment, needsReassessment: row.needsReassessment ?? false },
    ),
  }));
  return { users: page, next: rows.length > limit ? page[page.length - 1].id : null };
}

/**
 * Give a user a role, as `actorId`. One transaction that first locks every admin row, so concurrent
 * changes queue up and each sees the admins the previous one left. Returns whether anything changed.
 */
export async function changeUserRole(
  db: Db,
  change: { actorId: number; userId: number; role: Role },
): Promise<{ email: string; role: Role; changed: boolean }> {
  return db.transaction(async (tx) => {
    const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).for("update");
    const [target] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, change.userId))
      .for("update");
    if (!target) throw new NotFoundError("That user");
    const refusal = roleChangeRefusal({
      actorId: change.actorId,
      target,
      newRole: change.role,
      adminIds: admins.map((a) => a.id),
    });
    if (refusal?.code === "not_admin") throw new ForbiddenError(refusal.message);
    if (refusal) throw new UserFacingError(refusal.message, { status: 409, code: refusal.code });
    if (target.role === change.role) return { email: target.email, role: target.role, changed: false };
    await tx.update(users).set({ role: change.role }).where(eq(users.id, target.id));
    return { email: target.email, role: change.role, changed: true };
  });
}
