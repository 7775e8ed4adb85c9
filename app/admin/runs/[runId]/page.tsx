import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/server/db";
import { previewBefore } from "@/server/queries/admin-runs";
import { requireAdmin } from "@/server/auth/session";
import { migrationSummaryOf } from "@/server/migrations/engine";
import { getRunProgress } from "@/server/migrations/run-progress";
import { getRun, listRunItems } from "@/server/migrations/queries";
import { findDataMigration } from "@/server/migrations/registry";
import { approvalOfRun } from "@/server/migrations/approvals";
import type { Verification } from "@/server/migrations/types";
import { checkSummary } from "@/server/migrations/verification";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge, StatusBadge, statusLabel } from "@/components/admin/badges";
import { DateTime, formatDuration } from "@/components/admin/date-time";
import { RunItemsTable } from "@/components/admin/run-items-table";
import { CancellableRunProgress } from "@/app/admin/runs/cancel-run-button";
import { type SummaryCard, SummaryCards } from "@/components/admin/summary-cards";
import { DETAILS_PAGE_SIZE, RUN_ITEM_STATUSES, UNDO_ITEM_STATUSES, detailsFilter } from "@/lib/migrations/details-filter";
import { parseId } from "@/lib/ids";
import type { SearchParams } from "@/lib/search-params";
import { progressView } from "@/server/migrations/progress-view";
import { UndoRunButton } from "./undo-button";
import { ReportLinks } from "@/components/admin/report-links";
import { RunErrors } from "@/app/admin/_components/run-errors";

export const metadata: Metadata = { title: "Migration run · Admin" };

function isVerification(value: unknown): value is Verification {
  return typeof value === "object" && value !== null && Array.isArray((value as Verification).checks);
}

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { runId: segment } = await params;
  await requireAdmin(`/admin/runs/${encodeURIComponent(segment)}`);
  const runId = parseId(segment);
  if (!runId) notFound();
  const database = await getDatabase();
  const db = database.db;
  const run = await getRun(db, runId);
  if (!run) notFound();

  const undo = run.mode === "undo";
  const statuses = undo ? UNDO_ITEM_STATUSES : RUN_ITEM_STATUSES;
  const filter = detailsFilter(await searchParams, statuses);
  const migration = findDataMigration(run.migrationId);
  const progress = run.status === "running" ? await getRunProgress(database, run.id) : null;
  const [items, preview, approval] = await Promise.all([
    listRunItems(db, {
      runId: run.id,
      status: filter.status,
      email: filter.email,
      limit: DETAILS_PAGE_SIZE,
      offset: filter.offset,
    }),
    run.mode === "apply" ? previewBefore(db, run) : null,
    run.mode === "apply" ? approvalOfRun(db, run.id) : null,
  ]);
  const previewSummary = preview ? migrationSummaryOf(preview) : null;
  const verification = isVerification(run.verification) ? run.verification : null;
  const finished = run.status !== "running";
  const canUndo = run.mode === "apply" && run.status === "completed" && run.undoneByRunId === null;

  const cards: SummaryCard[] = undo
    ? [
        { label: "Total", value: run.processed },
        { label: "Restored", value: run.restored, tone: "good" },
        { label: "Conflicts", value: run.conflicts, tone: run.conflicts ? "warn" : "neutral" },
      ]
    : [
        { label: "Total", value: run.processed, preview: previewSummary?.total_processed },
        { label: "Migrated", value: run.migrated, tone: "good", preview: previewSummary?.migrated },
        { label: "Flagged", value: run.flagged, tone: "warn", preview: previewSummary?.flagged },
        { label: "Skipped", value: run.skipped, preview: previewSummary?.skipped },
        { label: "Errors", value: run.errors, tone: run.errors ? "bad" : "neutral", preview: previewSummary?.errors },
      ];
  const differsFromPreview = previewSummary && cards.some((c) => c.preview !== undefined && c.preview !== c.value);

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-2">
            Admin
          </Link>{" "}
          /{" "}
          <Link
            href={`/admin/migrations/${encodeURIComponent(run.migrationId)}`}
            className="text-brand-700 underline underline-offset-2"
          >
            {migration?.title ?? run.migrationId}
          </Link>{" "}
          / {statusLabel(run.mode)} #{run.id}
        </p>
        <PageHeader
          title={`${statusLabel(run.mode)} #${run.id}`}
          description={
            <>
              <span className="font-mono">{run.migrationId}</span>, started by {run.startedBy}{" "}
              <DateTime value={run.startedAt} withSeconds />
              {run.finishedAt ? <>, took {formatDuration(run.durationMs)}</> : null}.
            </>
          }
          actions={<StatusBadge status={run.status} />}
        />
        <div className="flex flex-wrap gap-2 text-sm">
          {run.undoOfRunId ? (
            <Badge tone="grey">
              Undo of{" "}
              <Link href={`/admin/runs/${run.undoOfRunId}`} className="ml-1 underline">
                run #{run.undoOfRunId}
              </Link>
            </Badge>
          ) : null}
          {run.undoneByRunId ? (
            <Badge tone="amber">
              Undone by{" "}
              <Link href={`/admin/runs/${run.undoneByRunId}`} className="ml-1 underline">
                run #{run.undoneByRunId}
              </Link>
            </Badge>
          ) : null}
          {run.mode === "dry_run" ? <Badge tone="blue">Preview: nothing was changed</Badge> : null}
        </div>
        {approval ? (
          <p className="mt-2 text-sm text-slate-700">
            Approved: {approval.requestedBy} asked <DateTime value={approval.requestedAt} /> (“{approval.requestNote}”),{" "}
            {approval.decidedBy} approved {approval.decidedAt ? <DateTime value={approval.decidedAt} /> : null}
            {approval.decisionNote ? <> (“{approval.decisionNote}”)</> : null}.
          </p>
        ) : null}
      </div>

      {progress && progress.status === "running" ? <CancellableRunProgress initial={progressView(progress)} /> : null}

      {run.status === "cancelled" ? (
        <div role="alert" className="rounded-lg bg-slate-50 p-4 text-sm text-slate-900 ring-1 ring-slate-200">
          <p className="font-semibold">
            The run was cancelled{run.cancelledBy ? <> by {run.cancelledBy}</> : null}
            {run.cancelRequestedAt ? (
              <>
                {" "}
                <DateTime value={run.cancelRequestedAt} withSeconds />
              </>
            ) : null}{" "}
            and rolled back: nothing it did was kept.
          </p>
          <p className="mt-1">
            It had processed {run.processed.toLocaleString("en")} of {run.total.toLocaleString("en")} rows.
          </p>
        </div>
      ) : null}

      {run.status === "failed" ? (
        <div role="alert" className="rounded-lg bg-red-50 p-4 text-sm text-red-900 ring-1 ring-red-200">
          <p className="font-semibold">The run failed and was rolled back: nothing it did was kept.</p>
          {run.error ? <p className="mt-1 break-words">{run.error}</p> : null}
          <p className="mt-1">
            It had processed {run.processed.toLocaleString("en")} of {run.total.toLocaleString("en")} rows.
          </p>
        </div>
      ) : null}

      {finished && run.status === "completed" ? (
        <section aria-labelledby="summary-heading" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <h2 id="summary-heading" className="text-xl font-bold">
              Summary
            </h2>
            <ReportLinks
              runId={run.id}
              labels={{ json: "Download JSON report", csv: "Download CSV report" }}
              canIncludeSkipped={!undo}
            />
          </div>
          <SummaryCards label={undo ? "Undo summary" : "Run summary"} cards={cards} />
          {run.mode === "apply" ? (
            <p className="text-sm text-slate-600">
              {preview ? (
                <>
                  Compared with{" "}
                  <Link href={`/admin/runs/${preview.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
                    preview #{preview.id}
                  </Link>
                  :{" "}
                  {differsFromPreview
                    ? "the run differs from the preview where marked (the data changed in between)."
                    : "the run did exactly what the preview said."}
                </>
              ) : (
                "No preview ran before this run."
              )}
            </p>
          ) : null}
        </section>
      ) : null}

      {verification ? (
        <Card title="Checks after the run">
          <p className="mb-3 text-sm">
            {verification.ok ? <Badge tone="green">All checks passed</Badge> : <Badge tone="red">Some checks failed</Badge>}
          </p>
          <ul className="space-y-2 text-sm">
            {verification.checks.map((check) => (
              <li key={check.name} className="flex flex-wrap items-baseline gap-2">
                <Badge tone={check.ok ? "green" : "red"}>{check.ok ? "Passed" : "Failed"}</Badge>
                <span>{checkSummary(check)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {canUndo ? (
        <Card title="Undo">
          <p className="mb-3 text-sm text-slate-600">
            Rolls back this run alone, without restoring a backup: the rows it migrated or flagged get their values from before
            the run.
          </p>
          <UndoRunButton runId={run.id} changedRows={run.migrated + run.flagged} />
        </Card>
      ) : null}

      {!undo ? <RunErrors run={run} migration={migration ?? null} /> : null}

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-xl font-bold">
          Details
        </h2>
        <RunItemsTable
          items={items.rows}
          total={items.total}
          offset={items.offset}
          limit={items.limit}
          statuses={statuses}
          filter={filter}
          basePath={`/admin/runs/${run.id}`}
          caption={undo ? "Undo details" : "Run details"}
        />
      </section>
    </div>
  );
}
