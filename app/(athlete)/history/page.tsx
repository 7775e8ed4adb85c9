import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { formatDateTime, formatDuration, plural } from "@/components/athlete/format";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { addMonths, calendarDayIn, formatYearMonth, monthGrid, parseYearMonth } from "@/lib/athlete/calendar";
import { formatWeight } from "@/lib/training/units";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { pageParam } from "@/lib/search-params";
import { listSessions, sessionsBetween } from "@/server/queries/sessions";
import { keptSessionsOf, listImports } from "@/server/history-import/import";
import { ImportsCard, undoSummary } from "@/app/(athlete)/history/_components/imports-card";
import { Notice } from "@/components/athlete/notice";
import { undoImportAction } from "./actions";
import { OFFSCREEN_LIST_ITEM } from "@/components/ui/list";

export const metadata: Metadata = { title: "History" };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_MS = 86_400_000;

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await athletePage("/history");
  const [params, timeZone] = await Promise.all([searchParams, requestTimeZone()]);
  const today = calendarDayIn(new Date(), timeZone);
  const month = parseYearMonth(typeof params.month === "string" ? params.month : null) ?? parseYearMonth(today.slice(0, 7))!;
  const weeks = monthGrid(month);
  // Query a day either side of the grid: the time zone decides which calendar day a session lands on.
  const from = new Date(Date.parse(`${weeks[0][0].date}T00:00:00Z`) - DAY_MS);
  const to = new Date(Date.parse(`${weeks.at(-1)!.at(-1)!.date}T00:00:00Z`) + 2 * DAY_MS);
  const [list, monthSessions, imports] = await Promise.all([
    listSessions(db, user.id, pageParam(params.page)),
    sessionsBetween(db, user.id, from, to),
    listImports(db, user.id),
  ]);
  const kept = await keptSessionsOf(
    db,
    user.id,
    imports.filter((i) => i.undoneAt && i.undoKept).map((i) => i.id),
  );
  const imported = imports.find((i) => String(i.id) === params.imported);
  const undone = imports.find((i) => String(i.id) === params.undone && i.undoneAt);
  const notice = imported ? (
    <Notice>
      Imported {plural(imported.workouts, "workout")} ({plural(imported.sets, "set")}) from {imported.fileName}
      {imported.duplicatesSkipped ? `; ${plural(imported.duplicatesSkipped, "duplicate")} skipped` : ""}. Your records and
      progress include them now.
    </Notice>
  ) : undone ? (
    <Notice>
      Undid the import of {undone.fileName}: {undoSummary(undone)}
      {undone.undoKept ? " (listed under Imports)." : "."}
    </Notice>
  ) : null;
  const headerActions = (
    <div className="flex flex-wrap gap-2">
      <ButtonLink href="/history/import" variant="secondary">
        Import history
      </ButtonLink>
      {list.total > 0 ? (
        <>
          <a href="/api/history/export?format=csv" className={buttonClasses("secondary")} download>
            Export CSV
          </a>
          <a href="/api/history/export?format=json" className={buttonClasses("secondary")} download>
            Export JSON
          </a>
          <ButtonLink href="/log">Log a workout</ButtonLink>
        </>
      ) : null}
    </div>
  );
  const importsCard = <ImportsCard imports={imports} kept={kept} undo={undoImportAction} timeZone={timeZone} />;
  const byDay = new Map<string, typeof monthSessions>();
  for (const s of monthSessions) {
    const day = calendarDayIn(s.startedAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const inMonth = monthSessions.filter((s) => calendarDayIn(s.startedAt, timeZone).startsWith(formatYearMonth(month))).length;
  const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(month.year, month.month - 1, 1)),
  );

  if (list.total === 0) {
    return (
      <div>
        <PageHeader title="History" />
        {notice}
        <EmptyState
          title="No sessions yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <ButtonLink href="/log">Log your first workout</ButtonLink>
              <ButtonLink href="/history/import" variant="secondary">
                Import from Strong, Hevy or FitNotes
              </ButtonLink>
            </div>
          }
        >
          Every workout you log appears here, with a calendar of the days you trained. Switching apps? Bring your history with
          you.
        </EmptyState>
        <div className="mt-6">{importsCard}</div>
      </div>
    );
  }

  return (
    <div>
      <PageHeader title="History" description={`${plural(list.total, "session")} logged.`} actions={headerActions} />
      {notice}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          <ol className="space-y-3" aria-label="Sessions, newest first">
            {list.items.map((s) => (
              <li key={s.id} className={OFFSCREEN_LIST_ITEM}>
                <Link
                  href={`/history/${s.id}`}
                  className="block rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
                >
                  <div className="flex items-baseline justify-between gap-3">
                    <p className="font-semibold text-slate-900">{s.name}</p>
                    {s.finishedAt ? null : (
                      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                        In progress
                      </span>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {formatDateTime(s.startedAt, timeZone)} · {formatDuration(s.durationSeconds)} ·{" "}
                    {plural(s.exerciseCount, "exercise")} · {plural(s.setCount, "set")}
                    {s.volumeKg > 0 ? ` · ${formatWeight(s.volumeKg, user.weightUnit)} lifted` : ""}
                  </p>
                </Link>
              </li>
            ))}
          </ol>
          {list.pageCount > 1 ? (
            <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
              {list.page > 1 ? (
                <Link
                  href={`/history?page=${list.page - 1}${params.month ? `&month=${params.month}` : ""}`}
                  className="font-semibold text-brand-700 hover:underline"
                >
                  ← Newer
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                Page {list.page} of {list.pageCount}
              </span>
              {list.page < list.pageCount ? (
                <Link
                  href={`/history?page=${list.page + 1}${params.month ? `&month=${params.month}` : ""}`}
                  className="font-semibold text-brand-700 hover:underline"
                >
                  Older →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </div>

        <div className="order-first space-y-6 self-start lg:sticky lg:top-20 lg:order-last">
          <Card title={monthLabel}>
            <div className="mb-3 flex items-center justify-between text-sm">
              <Link
                href={`/history?month=${formatYearMonth(addMonths(month, -1))}`}
                className="rounded px-2 py-1 font-semibold text-brand-700 hover:bg-brand-50"
              >
                ← <span className="sr-only">Previous month</span>
              </Link>
              <span className="text-slate-600">{plural(inMonth, "session")}</span>
              <Link
                href={`/history?month=${formatYearMonth(addMonths(month, 1))}`}
                className="rounded px-2 py-1 font-semibold text-brand-700 hover:bg-brand-50"
              >
                <span className="sr-only">Next month</span> →
              </Link>
            </div>
            <table className="w-full table-fixed text-center text-sm">
              <caption className="sr-only">Training days in {monthLabel}</caption>
              <thead>
                <tr>
                  {WEEKDAYS.map((d) => (
                    <th key={d} scope="col" className="pb-1 text-xs font-medium text-slate-500">
                      {d}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week[0].date}>
                    {week.map((day) => {
                      const sessions = byDay.get(day.date) ?? [];
                      const label = sessions.length ? `${day.date}: ${sessions.map((s) => s.name).join(", ")}` : undefined;
                      return (
                        <td key={day.date} className="p-0.5">
                          {sessions.length ? (
                            <Link
                              href={`/history/${sessions[0].id}`}
                              aria-label={label}
                              title={label}
                              className={`flex aspect-square items-center justify-center rounded-md font-semibold ${day.inMonth ? "bg-brand-600 text-white hover:bg-brand-700" : "bg-brand-100 text-brand-700"}`}
                            >
                              {day.day}
                            </Link>
                          ) : (
                            <span
                              className={`flex aspect-square items-center justify-center rounded-md ${day.date === today ? "ring-2 ring-brand-600" : ""} ${day.inMonth ? "text-slate-700" : "text-slate-300"}`}
                            >
                              {day.day}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          {importsCard}
        </div>
      </div>
    </div>
  );
}
