import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/server/db";
import { runningRunOf } from "@/server/queries/admin-runs";
import { requireAdmin } from "@/server/auth/session";
import { getRunProgress, settleDeadRuns } from "@/server/migrations/run-progress";
import { latestPreview, listRunItems, listRuns } from "@/server/migrations/queries";
import { findDataMigration } from "@/server/migrations/registry";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime, formatDuration } from "@/components/admin/date-time";
import { OffsetPager } from "@/components/admin/offset-pager";
import { RunHistory } from "@/app/admin/migrations/[id]/_components/run-history";
import { RunItemsTable } from "@/components/admin/run-items-table";
import { SummaryCards } from "@/components/admin/summary-cards";
import { DETAILS_PAGE_SIZE, RUN_ITEM_STATUSES, detailsFilter } from "@/lib/migrations/details-filter";
import { param, type SearchParams } from "@/lib/search-params";
import { progressView } from "@/server/migrations/progress-view";
import { MigrationControls } from "./migration-controls";
import { ApprovalPanel } from "./_components/approval-panel";
import { RunErrors } from "@/app/admin/_components/run-errors";
import { approvalState } from "@/server/migrations/approvals";
import { ReportLinks } from "@/components/admin/report-links";

export const metadata: Metadata = { title: "Data migration · Admin" };

const HISTORY_PAGE_SIZE = 10;

export default async function MigrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const viewer = await requireAdmin(`/admin/migrations/${encodeURIComponent(id)}`);
  const migration = findDataMigration(id);
  if (!migration) notFound();
  const query = await searchParams;
  const filter = detailsFilter(query, RUN_ITEM_STATUSES);
  const historyOffsetText = param(query, "runs");
  const historyOffset = historyOffsetText && /^\d{1,6}$/.test(historyOffsetText) ? Number(historyOffsetText) : 0;

  const database = await getDatabase();
  const db = database.db;
  await settleDeadRuns(database, migration.id);
  const [preview, recordedRunning, history] = await Promise.all([
    latestPreview(db, migration.id),
    runningRunOf(db, migration.id),
    listRuns(db, { migrationId: migration.id, limit: HISTORY_PAGE_SIZE, offset: historyOffset }),
  ]);
  const approvals = await approvalState(db, migration.id, preview?.id ?? null);
  const progress = recordedRunning ? await getRunProgress(database, recordedRunning.id) : null;
  const running = progress?.status === "running" ? progressView(progress) : null;
  const items = preview
    ? await listRunItems(db, {
        runId: preview.id,
        status: filter.status,
        email: filter.email,
        limit: DETAILS_PAGE_SIZE,
        offset: filter.offset,
      })
    : null;
  const changedSincePreview =
    preview &&
    history.rows.some((run) => run.mode !== "dry_run" && run.status === "completed" && run.startedAt > preview.startedAt);
  const basePath = `/admin/migrations/${encodeURIComponent(migration.id)}`;

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-2">
            Admin
          </Link>{" "}
          / Data migrations / <span className="font-mono">{migration.id}</span>
        </p>
        <PageHeader title={migration.title} description={migration.description} />
        <Card title="Rules">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {migration.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </Card>
      </div>

      <MigrationControls
        migrationId={migration.id}
        initialRunning={running}
        runBlockedBy={approvals.runBlockedBy}
        approvalId={approvals.usable?.id ?? null}
        embedded={database.driver === "pglite"}
      />

      <ApprovalPanel migrationId={migration.id} state={approvals} previewRunId={preview?.id ?? null} viewerId={viewer.id} />

      <section aria-labelledby="preview-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="preview-heading" className="text-xl font-bold">
              Latest preview
            </h2>
            {preview ? (
              <p className="text-sm text-slate-600">
                <Link href={`/admin/runs/${preview.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                  Preview #{preview.id}
                </Link>{" "}
                by {preview.startedBy}, <DateTime value={preview.startedAt} />, took {formatDuration(preview.durationMs)}. Nothing
                was changed.
              </p>
            ) : null}
          </div>
          {preview ? (
            <ReportLinks
              runId={preview.id}
              labels={{ json: "Download preview JSON", csv: "Download preview CSV" }}
              canIncludeSkipped
            />
          ) : null}
        </div>
        {!preview || !items ? (
          <EmptyState title="No preview yet">
            Preview migration goes through every row exactly as a run would, then rolls back: you see what it would change, and
            nothing changes.
          </EmptyState>
        ) : (
          <>
            {changedSincePreview ? (
              <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
                A run changed the data after this preview. Preview again to see what a run would change now.
              </p>
            ) : null}
            <SummaryCards
              label="Preview summary"
              cards={[
                { label: "Total", value: preview.processed },
                { label: "Migrated", value: preview.migrated, tone: "good" },
                { label: "Flagged", value: preview.flagged, tone: "warn" },
                { label: "Skipped", value: preview.skipped },
                { label: "Errors", value: preview.errors, tone: preview.errors ? "bad" : "neutral" },
              ]}
            />
            <RunErrors run={preview} migration={migration} />
            <RunItemsTable
              items={items.rows}
              total={items.total}
              offset={items.offset}
              limit={items.limit}
              statuses={RUN_ITEM_STATUSES}
              filter={filter}
              basePath={basePath}
              keep={{ runs: historyOffset ? String(historyOffset) : undefined }}
              caption="Preview details"
            />
          </>
        )}
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-bold">
          Run history
        </h2>
        {history.rows.length === 0 ? (
          <EmptyState title="No runs yet">Previews, runs and undos of this migration appear here.</EmptyState>
        ) : (
          <RunHistory runs={history.rows} caption={`Runs of ${migration.id}`} />
        )}
        <OffsetPager
          basePath={basePath}
          params={{ status: filter.status, email: filter.email, offset: filter.offset ? String(filter.offset) : undefined }}
          offset={historyOffset}
          limit={HISTORY_PAGE_SIZE}
          total={history.total}
          label="Run history pages"
          offsetParam="runs"
          hash="history-heading"
        />
      </section>
    </div>
  );
}
