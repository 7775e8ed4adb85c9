import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MigrationRun, migrationRuns } from "@/db/schema";

// Both read the (migration_id, started_at) index or the partial unique index on running runs:
// one or two index probes, whatever the size of the tables the migrations read.

/** The run of this migration in progress, as recorded (it may be stale: check its progress). */
export async function runningRunOf(db: DbOrTx, migrationId: string): Promise<MigrationRun | null> {
  const [run] = await db
    .select()
    .from(migrationRuns)
    .where(and(eq(migrationRuns.migrationId, migrationId), eq(migrationRuns.status, "running")))
    .limit(1);
  return run ?? null;
}

/** The preview an applied run followed: the latest completed dry run of its migration started before it. */
export async function previewBefore(
  db: DbOrTx,
  run: Pick<MigrationRun, "migrationId" | "startedAt">,
): Promise<MigrationRun | null> {
  const [preview] = await db
    .select()
    .from(migrationRuns)
    .where(
      and(
        eq(migrationRuns.migrationId, run.migrationId),
        eq(migrationRuns.mode, "dry_run"),
        eq(migrationRuns.status, "completed"),
        lt(migrationRuns.startedAt, run.startedAt),
      ),
    )
    .orderBy(desc(migrationRuns.startedAt), desc(migrationRuns.id))
    .limit(1);
  return preview ?? null;
}

/** The latest run of a migration, whatever its mode and status (the overview's "last run"). */
export async function latestRunOf(db: DbOrTx, migrationId: string): Promise<MigrationRun | null> {
  const [run] = await db
    .select()
    .from(migrationRuns)
    .where(eq(migrationRuns.migrationId, migrationId))
    .orderBy(desc(migrationRuns.startedAt), desc(migrationRuns.id))
    .limit(1);
  return run ?? null;
}
