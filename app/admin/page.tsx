import { runName } from "@/lib/migrations/run-values";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDatabase } from "@/server/db";
import { countFlaggedUsers, listFlaggedUsers } from "@/server/queries/admin-flagged";
import { databaseHealth } from "@/server/queries/health";
import { latestRunOf } from "@/server/queries/admin-runs";
import { requireAdmin } from "@/server/auth/session";
import { dataMigrations } from "@/server/migrations/registry";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge, StatusBadge, statusLabel } from "@/components/admin/badges";
import { DateTime } from "@/components/admin/date-time";
import { pendingCountOf } from "@/server/migrations/pending-counts";
import { settleDeadRuns } from "@/server/migrations/run-progress";
import { pendingApprovalRequests } from "@/server/migrations/approvals";

export const metadata: Metadata = { title: "Admin" };

const FLAGGED_PREVIEW = 5;

export default async function AdminOverviewPage() {
  const admin = await requireAdmin("/admin");
  const database = await getDatabase();
  const db = database.db;
  // A run whose process died reads "Failed" here, not "Running", without anyone opening it.
  await settleDeadRuns(database);
  const [migrations, flaggedCount, flagged, health, approvalRequests] = await Promise.all([
    Promise.all(
      dataMigrations.map(async (migration) => {
        const lastRun = await latestRunOf(db, migration.id);
        return { migration, lastRun, ...(await pendingCountOf(db, migration, lastRun)) };
      }),
    ),
    countFlaggedUsers(db),
    listFlaggedUsers(db, { limit: FLAGGED_PREVIEW }),
    databaseHealth(database),
    pendingApprovalRequests(db),
  ]);
  const titleOf = (migrationId: string) => dataMigrations.find((m) => m.id === migrationId)?.title ?? migrationId;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Admin"
        description={`Signed in as ${admin.email}. Migrate data safely, follow up on flagged users, and check the data.`}
      />

      {approvalRequests.length > 0 ? (
        <section aria-labelledby="approvals-heading" className="space-y-3">
          <h2 id="approvals-heading" className="text-xl font-bold">
            Runs waiting for approval
          </h2>
          <ul className="space-y-3">
            {approvalRequests.map((request) => {
              const own = request.requestedByUserId === admin.id;
              return (
                <li key={request.id} className="rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
                  <p className="text-slate-900">
                    <span className="font-semibold">Request #{request.id}</span>:{" "}
                    <span className="break-all">{own ? "you" : request.requestedBy}</span> asked to run{" "}
                    <span className="font-semibold">{titleOf(request.migrationId)}</span> as preview #{request.previewRunId}{" "}
                    showed it, <DateTime value={request.requestedAt} />.
                  </p>
                  <p className="mt-1 break-words text-slate-700">“{request.requestNote}”</p>
                  <p className="mt-2">
                    {own ? <span className="text-slate-700">Another admin approves or declines it. </span> : null}
                    <Link
                      href={`/admin/migrations/${request.migrationId}#approval`}
                      className="font-semibold text-brand-700 underline underline-offset-2"
                    >
                      {own ? "See request" : "Review request"} #{request.id}
                      <span className="sr-only">: {titleOf(request.migrationId)}</span>
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="migrations-heading" className="space-y-3">
        <h2 id="migrations-heading" className="text-xl font-bold">
          Data migrations
        </h2>
        <ul className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
          {migrations.map(({ migration, lastRun, pending, countedAt }) => (
            <li key={migration.id}>
              <Card className="h-full">
                <div className="flex h-full flex-col gap-3">
                  <div>
                    <h3 className="text-base font-semibold">
                      <Link href={`/admin/migrations/${migration.id}`} className="text-slate-900 underline underline-offset-2">
                        {migration.title}
                      </Link>
                    </h3>
                    <p className="font-mono text-xs text-slate-500">{migration.id}</p>
                    <p className="mt-2 text-sm text-slate-700">{migration.description}</p>
                  </div>
                  <dl className="grid grid-cols-2 gap-3 text-sm">
                    <div>
                      <dt className="text-slate-500">Still to do</dt>
                      <dd>
                        <span>
                          <span className="text-lg font-bold tabular-nums">{pending.toChange.toLocaleString("en")}</span>{" "}
                          {migration.wording.rowsNoun} to change
                        </span>
                        {pending.errors > 0 ? (
                          <span className="block text-sm text-red-800">
                            {pending.errors.toLocaleString("en")} {pending.errors === 1 ? "error" : "errors"} left as they are
                          </span>
                        ) : null}
                        <span className="block text-xs text-slate-500">
                          counted <DateTime value={countedAt} />
                        </span>
                      </dd>
                    </div>
                    <div>
                      <dt className="text-slate-500">Last run</dt>
                      <dd>
                        {lastRun ? (
                          <span className="flex flex-col items-start gap-1">
                            <span className="flex flex-wrap items-center gap-1">
                              <StatusBadge status={lastRun.status} />
                              <span>{statusLabel(lastRun.mode)}</span>
                            </span>
                            <Link
                              href={`/admin/runs/${lastRun.id}`}
                              className="text-xs text-brand-700 underline underline-offset-2"
                            >
                              {runName(lastRun)}, <DateTime value={lastRun.startedAt} />
                            </Link>
                          </span>
                        ) : (
                          <span className="text-slate-500">Never run</span>
                        )}
                      </dd>
                    </div>
                  </dl>
                  <div className="mt-auto">
                    <ButtonLink href={`/admin/migrations/${migration.id}`} variant="secondary">
                      Preview and run<span className="sr-only">: {migration.title}</span>
                    </ButtonLink>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      {/* min-w-0: a grid item is otherwise as wide as its longest unbreakable line (an email), wider than a phone. */}
      <div className="grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
        <Card
          title="Flagged users"
          actions={<Badge tone={flaggedCount ? "amber" : "green"}>{`${flaggedCount.toLocaleString("en")} waiting`}</Badge>}
        >
          {flaggedCount === 0 ? (
            <p className="text-sm text-slate-600">Nobody needs to re-assess their equipment.</p>
          ) : (
            <>
              <p className="text-sm text-slate-600">Users asked to re-complete their equipment details:</p>
              <ul className="mt-2 space-y-1 text-sm">
                {flagged.users.map((user) => (
                  <li key={user.userId} className="truncate font-medium">
                    {user.email}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Link
            href="/admin/flagged"
            className="mt-3 inline-block text-sm font-semibold text-brand-700 underline underline-offset-2"
          >
            See all flagged users
          </Link>
        </Card>

        <Card
          title="Health"
          actions={
            <Badge tone={health.ok && health.schemaMigrations?.pending === 0 ? "green" : "red"}>
              {health.ok ? (health.schemaMigrations?.pending ? "Schema behind" : "Healthy") : "Database down"}
            </Badge>
          }
        >
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Database</dt>
              <dd className="text-right">
                {health.driver === "pglite" ? "Embedded (PGlite)" : "PostgreSQL"}
                <span className="block font-mono text-xs break-all text-slate-500">{health.location}</span>
              </dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Answers</dt>
              <dd>{health.ok ? `yes, in ${health.latencyMs} ms` : <span className="text-red-800">no: {health.problem}</span>}</dd>
            </div>
            {health.schemaMigrations ? (
              <div className="flex justify-between gap-2">
                <dt className="text-slate-500">Schema migrations</dt>
                <dd className="text-right">
                  {health.schemaMigrations.applied} applied, {health.schemaMigrations.pending} pending
                  {health.schemaMigrations.latest ? (
                    <span className="block font-mono text-xs break-all text-slate-500">{health.schemaMigrations.latest}</span>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>
          {health.schemaMigrations?.pending ? (
            <p role="alert" className="mt-3 text-sm text-red-800">
              Run <code>npm run db:migrate</code> before running data migrations.
            </p>
          ) : null}
        </Card>

        <Card title="Data export">
          <p className="text-sm text-slate-600">
            Every table as one Ironlog dump (NDJSON), from one consistent snapshot, streamed.
          </p>
          <form action="/admin/export" method="get" className="mt-3 space-y-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="secrets" value="1" className="mt-1" />
              <span>Include password hashes (only for a full restore; keep the file safe)</span>
            </label>
            <button type="submit" className={buttonClasses("secondary")}>
              Download data export
            </button>
          </form>
          <form action="/admin/export" method="get" className="mt-4 space-y-2 border-t border-slate-200 pt-4">
            <input type="hidden" name="anonymize" value="1" />
            <p className="text-sm text-slate-600">
              For staging: people become pseudonyms (<code>athlete-12@example.invalid</code>), typed text is replaced, and no
              secrets, sessions or mail are in it. Training data and migration history are kept, so a migration rehearsed on it
              counts the same rows.
            </p>
            <button type="submit" className={buttonClasses("secondary")}>
              Download anonymized copy
            </button>
          </form>
        </Card>
      </div>
    </div>
  );
}
