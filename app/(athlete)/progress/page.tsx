import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import MuscleVolumeChart from "@/components/athlete/charts/muscle-volume-chart";
import OneRepMaxChart from "@/components/athlete/charts/one-rep-max-chart";
import SessionBestChart, { type SessionBestChartPoint } from "@/components/athlete/charts/session-best-chart";
import {
  describeSet,
  formatDay,
  formatRecordValue,
  oneRepMaxChartPoints,
  sessionBestChartPoints,
} from "@/components/athlete/format";
import { FORMULA_NOTE } from "@/components/athlete/formula-note";
import { ButtonLink } from "@/components/ui/button";
import { OFFSCREEN_LIST_ITEM } from "@/components/ui/list";
import { BestsPerRepCountTable } from "@/components/athlete/bests-table";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { WeightUnit } from "@/lib/training/units";
import { distanceUnitFor } from "@/lib/training/distance";
import { historySets, loggedExercises, recentRecords, weeklyVolume } from "@/server/queries/training-progress";
import { oneRepMaxSeries, type SessionBestKind, sessionBestKind, sessionBestSeries } from "@/lib/athlete/record-events";
import { bestsByRepCount, RECORD_LABELS } from "@/lib/training/records";
import { compareWeekWithTargets, weekToShow, weekWindow } from "@/lib/training/volume";
import { athletePage, requestTimeZone } from "@/server/athlete-page";

export const metadata: Metadata = { title: "Progress" };

const WEEKS_SHOWN = 8;
const STATUS_TEXT = { below: "Below target", within: "On target", above: "Above target" } as const;

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, db } = await athletePage("/progress");
  const [params, timeZone, exercises] = await Promise.all([searchParams, requestTimeZone(), loggedExercises(db, user.id)]);
  const unit = user.weightUnit;
  if (exercises.length === 0) {
    return (
      <div>
        <PageHeader title="Progress" />
        <EmptyState title="Nothing to chart yet" action={<ButtonLink href="/log">Log a workout</ButtonLink>}>
          Log a few sessions and this page shows your estimated 1RM over time, your bests and records, and your weekly volume per
          muscle.
        </EmptyState>
      </div>
    );
  }
  const selected = exercises.find((e) => String(e.id) === params.exercise) ?? exercises[0];
  const shown = weekWindow(new Date(), timeZone, WEEKS_SHOWN);
  const since = shown.since;
  const [sets, records, weeks] = await Promise.all([
    historySets(db, user.id, { exerciseId: selected.id }),
    recentRecords(db, user.id, timeZone, 15),
    weeklyVolume(db, user.id, since, timeZone),
  ]);
  // A timed or distance exercise is charted by its best hold, distance or pace; the rest by estimated 1RM.
  const bestKind = sessionBestKind(selected.measure);
  const series = bestKind ? [] : oneRepMaxSeries(sets);
  const bests = bestKind ? [] : bestsByRepCount(sets);
  const sessionBests = bestKind ? sessionBestSeries(sets, bestKind) : [];

  const thisWeek = shown.thisWeek;
  const weekOptions = shown.weeks(weeks);
  const week = weekToShow(weekOptions, params.week)!;
  const comparison = compareWeekWithTargets(week);
  const weekLabel = (start: string) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${start}T00:00:00Z`));

  return (
    <div className="space-y-6">
      <PageHeader title="Progress" description="Strength over time, your records, and how much work each muscle got this week." />

      <Card
        title={bestKind ? `${RECORD_LABELS[bestKind]} per session` : "Estimated 1RM"}
        actions={
          <form method="get" className="flex w-full min-w-0 items-center gap-2 sm:w-auto">
            {params.week ? <input type="hidden" name="week" value={params.week} /> : null}
            <label htmlFor="exercise" className="text-sm text-slate-700">
              Exercise
            </label>
            <select
              id="exercise"
              name="exercise"
              defaultValue={selected.id}
              className="min-h-11 min-w-0 flex-1 rounded-md border-0 py-1.5 pr-8 pl-2 text-sm ring-1 ring-slate-300 ring-inset sm:max-w-xs sm:flex-none"
            >
              {exercises.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="min-h-11 shrink-0 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
            >
              Show
            </button>
          </form>
        }
      >
        <h3 className="mb-2 font-semibold text-slate-800">
          <Link href={`/exercises/${selected.id}`} className="hover:underline">
            {selected.name}
          </Link>
        </h3>
        {bestKind ? (
          <SessionBests kind={bestKind} unit={unit} points={sessionBestChartPoints(sessionBests, bestKind, unit, timeZone)} />
        ) : (
          <>
            {series.length ? (
              <div className="h-64">
                <OneRepMaxChart unit={unit} points={oneRepMaxChartPoints(series, unit, timeZone)} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                No weighted sets to estimate a 1RM from (bodyweight sets show in the bests table).
              </p>
            )}
            <p className="mt-2 text-xs text-slate-500">{FORMULA_NOTE}</p>
            <div className="mt-4 overflow-x-auto">
              <BestsPerRepCountTable bests={bests} unit={unit} caption="Bests per rep count" />
            </div>
          </>
        )}
      </Card>

      <Card title="Weekly volume per muscle">
        <nav aria-label="Weeks" className="mb-3 flex flex-wrap gap-1 text-sm">
          {weekOptions.map((w) => (
            <Link
              key={w.weekStart}
              href={`/progress?exercise=${selected.id}&week=${w.weekStart}`}
              aria-current={w.weekStart === week.weekStart ? "page" : undefined}
              className={`rounded-md px-2 py-1 ${w.weekStart === week.weekStart ? "bg-brand-600 font-semibold text-white" : "text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
            >
              {w.weekStart === thisWeek.weekStart ? "This week" : `w/c ${weekLabel(w.weekStart)}`}
            </Link>
          ))}
        </nav>
        <p className="mb-3 text-sm text-slate-600">
          Sets weighted by how strongly each exercise works the muscle: a set that works it at 60% counts as 0.6. The grey band is
          the weekly target range (10–20 sets for the large muscles, per Schoenfeld et al. 2017).
        </p>
        <div className="h-[34rem]">
          <MuscleVolumeChart
            rows={comparison.map((c) => ({
              muscle: c.muscle,
              sets: c.sets,
              min: c.target.min,
              max: c.target.max,
              status: c.status,
            }))}
          />
        </div>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-5 rounded-sm bg-slate-300" /> Target range
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-5 rounded-sm bg-amber-500" /> Below target
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-5 rounded-sm bg-emerald-600" /> On target
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-5 rounded-sm bg-red-600" /> Above target
          </li>
        </ul>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">Show as a table</summary>
          <table className="mt-2 w-full text-left text-sm tabular-nums">
            <thead className="text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="py-1">
                  Muscle
                </th>
                <th scope="col" className="py-1">
                  Weighted sets
                </th>
                <th scope="col" className="py-1">
                  Target
                </th>
                <th scope="col" className="py-1">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.map((c) => (
                <tr key={c.muscle} className="border-t border-slate-100">
                  <td className="py-1.5">{c.muscle}</td>
                  <td className="py-1.5">{c.sets}</td>
                  <td className="py-1.5">
                    {c.target.min}–{c.target.max}
                  </td>
                  <td className="py-1.5">{STATUS_TEXT[c.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Card>

      <Card title="Personal records">
        {records.length === 0 ? (
          <p className="text-sm text-slate-600">No records yet: beat any earlier set of an exercise and it shows here.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="progress-records">
            {records.map((r, i) => (
              <li key={i} className={`flex flex-wrap items-baseline gap-x-3 py-2 ${OFFSCREEN_LIST_ITEM}`}>
                <span className="w-24 shrink-0 text-slate-500">{formatDay(r.performedAt, timeZone)}</span>
                <Link href={`/history/${r.sessionId}`} className="font-semibold text-slate-900 hover:underline">
                  {r.exerciseName}
                </Link>
                <span className="tabular-nums">{describeSet(r.set, unit)}</span>
                <span className="text-slate-600">
                  {r.records
                    .map(
                      (k) =>
                        `${RECORD_LABELS[k.kind]}${k.kind === "best_set_volume" ? "" : ` (was ${k.previous === null ? "—" : formatRecordValue(k.kind, k.previous, unit)})`}`,
                    )
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** A timed or distance exercise's best per session: the chart, and the same numbers as a table. */
function SessionBests({ kind, unit, points }: { kind: SessionBestKind; unit: WeightUnit; points: SessionBestChartPoint[] }) {
  if (points.length === 0)
    return <p className="text-sm text-slate-600">No sets with a time or distance yet: log one and it shows here.</p>;
  return (
    <>
      <div className="h-64">
        <SessionBestChart kind={kind} unit={unit} points={points} />
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {kind === "best_pace"
          ? `Pace is time per ${distanceUnitFor(unit)}; faster is higher on the chart.`
          : "Each point is the session's best set; warm-ups do not count."}
      </p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold text-slate-700">Show as a table</summary>
        <table className="mt-2 w-full text-left text-sm tabular-nums">
          <thead className="text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="py-1">
                Session
              </th>
              <th scope="col" className="py-1">
                {RECORD_LABELS[kind]}
              </th>
              <th scope="col" className="py-1">
                Set
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date} className="border-t border-slate-100">
                <td className="py-1.5">{p.label}</td>
                <td className="py-1.5">{p.display}</td>
                <td className="py-1.5">{p.set}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
