import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessments, migrationRuns, users } from "@/db/schema";

/** A user whose assessment is flagged for re-assessment, as the flagged-users list shows them. */
export interface FlaggedUser {
  userId: number;
  email: string;
  name: string | null;
  reason: string | null;
  flaggedAt: Date | null;
  flaggedByRunId: number | null;
  /** The migration of the run that flagged them, when that run is still recorded. */
  flaggedByMigrationId: string | null;
}

export interface FlaggedUsersPage {
  users: FlaggedUser[];
  /** The user id to continue after, or null on the last page. */
  next: number | null;
}

// Every query here filters on `needs_reassessment`, so it reads the partial index on flagged rows
// (assessments_needs_reassessment_idx, ordered by user_id): cost follows the flagged users, not the table.

export async function countFlaggedUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(assessments).where(eq(assessments.needsReassessment, true));
  return Number(row?.n ?? 0);
}

export async function listFlaggedUsers(db: DbOrTx, options: { after?: number; limit?: number } = {}): Promise<FlaggedUsersPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 5000);
  const rows = await db
    .select({
      userId: assessments.userId,
      email: users.email,
      name: users.name,
      reason: assessments.reassessmentReason,
      flaggedAt: assessments.flaggedAt,
      flaggedByRunId: assessments.flaggedByRunId,
      flaggedByMigrationId: migrationRuns.migrationId,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.userId))
    .leftJoin(migrationRuns, eq(migrationRuns.id, assessments.flaggedByRunId))
    .where(and(eq(assessments.needsReassessment, true), options.after ? gt(assessments.userId, options.after) : undefined))
    .orderBy(asc(assessments.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { users: page, next: rows.length > limit ? page[page.length - 1].userId : null };
}

/** Every flagged user, fetched a batch at a time so an export never holds the whole list. */
export async function* allFlaggedUsers(db: DbOrTx, batchSize = 2000): AsyncGenerator<FlaggedUser> {
  let after: number | undefined;
  for (;;) {
    const page = await listFlaggedUsers(db, { after, limit: batchSize });
    yield* page.users;
    if (page.next === null) return;
    after = page.next;
  }
}
