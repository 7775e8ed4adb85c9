import "server-only";
import { count, desc, eq, max, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type Assessment,
  type MigrationRun,
  type MigrationRunItem,
  assessments,
  migrationRunItems,
  migrationRuns,
  users,
  workoutSessions,
} from "@/db/schema";
import { type AssessmentStatus, assessmentStatus } from "@/lib/athlete/assessment-status";
import type { Role } from "@/lib/auth/roles";

export interface RunTouchingUser {
  run: Pick<MigrationRun, "id" | "migrationId" | "mode" | "status" | "startedAt" | "startedBy" | "undoneByRunId">;
  item: Pick<MigrationRunItem, "id" | "status" | "before" | "after" | "reason">;
}

export interface AdminUserDetail {
  user: { id: number; email: string; name: string | null; role: Role; createdAt: Date; weightUnit: string; hasPassword: boolean };
  assessment: Assessment | null;
  assessmentStatus: AssessmentStatus;
  training: { sessions: number; lastSessionAt: Date | null };
  runs: RunTouchingUser[];
}

/** How many runs the user page lists: a user is touched once per run at most, and runs are few. */
export const USER_RUNS_LIMIT = 50;

/**
 * Everything the admin's page for one user shows, or null when there is no such user.
 *
 * The runs that touched the user are found by the items' user_id, which has no index on purpose:
 * every index on migration_run_items is paid for on each item of a million-row run (see the schema),
 * and this page is opened by hand, one user at a time. It reads the items table once.
 */
export async function getAdminUserDetail(db: DbOrTx, userId: number): Promise<AdminUserDetail | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      weightUnit: users.weightUnit,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [[assessment], [training], runs] = await Promise.all([
    db.select().from(assessments).where(eq(assessments.userId, userId)),
    db
      .select({ sessions: count(), lastSessionAt: max(workoutSessions.startedAt) })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, userId)),
    db
      .select({
        run: {
          id: migrationRuns.id,
          migrationId: migrationRuns.migrationId,
          mode: migrationRuns.mode,
          status: migrationRuns.status,
          startedAt: migrationRuns.startedAt,
          startedBy: migrationRuns.startedBy,
          undoneByRunId: migrationRuns.undoneByRunId,
        },
        item: {
          id: migrationRunItems.id,
          status: migrationRunItems.status,
          before: migrationRunItems.before,
          after: migrationRunItems.after,
          reason: migrationRunItems.reason,
        },
      })
      .from(migrationRunItems)
      .innerJoin(migrationRuns, eq(migrationRuns.id, migrationRunItems.runId))
      .where(eq(migrationRunItems.userId, userId))
      .orderBy(desc(migrationRuns.id), desc(migrationRunItems.id))
      .limit(USER_RUNS_LIMIT),
  ]);
  return {
    user: { ...user, hasPassword: Boolean(user.hasPassword) },
    assessment: assessment ?? null,
    assessmentStatus: assessmentStatus(assessment ?? null),
    training: {
      sessions: Number(training?.sessions ?? 0),
      lastSessionAt: training?.lastSessionAt ? new Date(training.lastSessionAt) : null,
    },
    runs,
  };
}
