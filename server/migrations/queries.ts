/**
 * Read queries for the admin dashboard: runs, run items, flagged athletes. Paginated in SQL (limit
 * and offset over the indexes on migration_runs and migration_run_items), never whole tables.
 */
import "server-only";
import { type SQL, and, asc, count, desc, eq, ilike } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MigrationRun, type MigrationRunItem, migrationRunItems, migrationRuns } from "@/db/schema";
import type { AnyDataMigration, ItemStatus } from "./types";
import { type PreviewStaleness, previewStaleness } from "@/lib/migrations/preview-staleness";

export interface PageRequest {
  /** Rows per page (1-500, default 50). */
  limit?: number;
  /** Rows to skip (default 0). */
  offset?: number;
}

export interface Page<T> {
  rows: T[];
  /** Rows matching the filters, across all pages. */
  total: number;
  limit: number;
  offset: number;
}

function pageBounds(page: PageRequest): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  return { limit, offset };
}

/** `%text%` for ILIKE, with the user's own % and _ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Runs of one migration (or all), newest first. */
export async function listRuns(db: DbOrTx, filter: { migrationId?: string } & PageRequest = {}): Promise<Page<MigrationRun>> {
  const { limit, offset } = pageBounds(filter);
  const where = filter.migrationId ? eq(migrationRuns.migrationId, filter.migrationId) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(migrationRuns)
      .where(where)
      .orderBy(desc(migrationRuns.startedAt), desc(migrationRuns.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(migrationRuns).where(where),
  ]);
  return { rows, total, limit, offset };
}

/** One run's record, or null when there is no such run. */
export async function getRun(db: DbOrTx, runId: number): Promise<MigrationRun | null> {
  const [run] = await db.select().from(migrationRuns).where(eq(migrationRuns.id, runId));
  return run ?? null;
}

/** The latest completed dry run of a migration: the preview the dashboard shows before apply. */
export async function latestPreview(db: DbOrTx, migrationId: string): Promise<MigrationRun | null> {
  const [run] = await db
    .select()
    .from(migrationRuns)
    .where(
      and(eq(migrationRuns.migrationId, migrationId), eq(migrationRuns.mode, "dry_run"), eq(migrationRuns.status, "completed")),
    )
    .orderBy(desc(migrationRuns.startedAt), desc(migrationRuns.id))
    .limit(1);
  return run ?? null;
}

export interface PreviewStatus extends PreviewStaleness {
  /** The latest completed dry run, if any. */
  preview: MigrationRun | null;
}

/**
 * Whether the latest preview still describes the data, by comparing source fingerprints. The
 * fingerprint reads the migration's source table, so callers ask on demand (the Run dialog opening,
 * a run being confirmed), not on every render.
 */
export async function previewStatus(db: DbOrTx, migration: AnyDataMigration): Promise<PreviewStatus> {
  const preview = await latestPreview(db, migration.id);
  if (!preview) return { preview: null, stale: true, changes: ["There is no preview yet."] };
  return { preview, ...previewStaleness(preview.sourceFingerprint, await migration.fingerprint(db)) };
}

export interface RunItemFilter extends PageRequest {
  runId: number;
  status?: ItemStatus;
  /** Part of the user's email, case-insensitive. */
  email?: string;
}

/** Items of a run in row order, filtered by status and email. */
export async function listRunItems(db: DbOrTx, filter: RunItemFilter): Promise<Page<MigrationRunItem>> {
  const { limit, offset } = pageBounds(filter);
  const conditions: SQL[] = [eq(migrationRunItems.runId, filter.runId)];
  if (filter.status) conditions.push(eq(migrationRunItems.status, filter.status));
  const email = filter.email?.trim().toLowerCase();
  if (email) conditions.push(ilike(migrationRunItems.userEmail, containsPattern(email)));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(migrationRunItems)
      .where(where)
      .orderBy(asc(migrationRunItems.rowId), asc(migrationRunItems.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(migrationRunItems).where(where),
  ]);
  return { rows, total, limit, offset };
}
