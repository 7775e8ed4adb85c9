import "server-only";
import type { DbOrTx } from "@/db/client";
import type { MigrationRun } from "@/db/schema";
import type { AnyDataMigration, PendingOutcome } from "./types";

/**
 * What a run of a migration would still do: rows it would change and rows it would leave as errors
 * (classified, so the overview never counts errors as "to change"). It reads its whole source table
 * (no index can answer "not yet in the new format"), so the overview does not recount it on every render: a count is reused for a minute, and
 * recounted at once when the migration's latest run changes (a run just finished, or started).
 */
const TTL_MS = 60_000;

interface CachedCount {
  runKey: string;
  countedAt: number;
  pending: PendingOutcome;
}

const globalForCounts = globalThis as typeof globalThis & { __ironlogPendingCounts?: Map<string, CachedCount> };

export async function pendingCountOf(
  db: DbOrTx,
  migration: AnyDataMigration,
  latestRun: Pick<MigrationRun, "id" | "status"> | null,
  now = Date.now(),
): Promise<{ pending: PendingOutcome; countedAt: Date }> {
  globalForCounts.__ironlogPendingCounts ??= new Map();
  const cache = globalForCounts.__ironlogPendingCounts;
  const runKey = latestRun ? `${latestRun.id}:${latestRun.status}` : "none";
  const cached = cache.get(migration.id);
  if (cached && cached.runKey === runKey && now - cached.countedAt < TTL_MS) {
    return { pending: cached.pending, countedAt: new Date(cached.countedAt) };
  }
  const pending = await migration.pendingOutcome(db);
  cache.set(migration.id, { runKey, countedAt: now, pending });
  return { pending, countedAt: new Date(now) };
}
