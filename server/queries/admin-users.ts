import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessments, users } from "@/db/schema";
import { containsPattern } from "@/server/migrations/queries";
import { type AssessmentStatus, assessmentStatus } from "@/lib/athlete/assessment-status";
import type { Role } from "@/lib/auth/roles";

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
        or(
          sql`${users.email} ILIKE ${containsPattern(search)}`,
          sql`lower(coalesce(${users.name}, '')) ILIKE ${containsPattern(search)}`,
        )
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
