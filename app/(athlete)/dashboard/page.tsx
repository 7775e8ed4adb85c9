import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/athlete/action-button";
import { formatDay, formatDuration, plural } from "@/components/athlete/format";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { recentRecords } from "@/server/queries/training-progress";
import { formatTargets } from "@/lib/athlete/split-input";
import { RECORD_LABELS } from "@/lib/training/records";
import { formatWeight } from "@/lib/training/units";
import { isoWeekOf } from "@/lib/training/volume";
import { startSessionAction } from "@/app/(athlete)/log/actions";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { listSessions, listSessionsInProgress, nextWorkout, sessionsBetween } from "@/server/queries/sessions";
import { deviceStartHref } from "@/lib/athlete/device-start";
import { changeNoticesFor } from "@/server/migrations/change-notices";
import { ChangeNotices } from "./_components/change-notices";

export const metadata: Metadata = { title: "Today" };

export default async function DashboardPage() {
  const { user, db } = await athletePage("/dashboard");
  const [assessment, timeZone, notices] = await Promise.all([
    getAssessmentForUser(user.id),
    requestTimeZone(),
    changeNoticesFor(db, user.id),
  ]);
  const greeting = `Hi ${user.name?.split(" ")[0] ?? "there"}`;

  if (!assessment) {
    return (
      <div>
        <PageHeader title={greeting} description="Your training at a glance." />
        <EmptyState
          title="Start with a two-minute assessment"
          action={<ButtonLink href="/onboarding">Take the assessment</ButtonLink>}
        >
          Tell us your sport, goal, schedule and equipment, and Ironlog builds a program that fits.
        </EmptyState>
      </div>
    );
  }

  const weekStart = new Date(`${isoWeekOf(new Date(), timeZone).weekStart}T00:00:00Z`);
  const [suggestion, inProgress, recent, records, thisWeek] = await Promise.all([
    nextWorkout(db, user.id),
    listSessionsInProgress(db, user.id),
    listSessions(db, user.id, 1, 4),
    recentRecords(db, user.id, timeZone, 5),
    // A day's margin either side: the time zone decides the week; counted below by finished sessions.
    sessionsBetween(db, user.id, new Date(weekStart.getTime() - 86_400_000), new Date(weekStart.getTime() + 8 * 86_400_000)),
  ]);
  const next = suggestion?.day ?? null;
  const doneThisWeek = thisWeek.filter(
    (s) => s.finishedAt && isoWeekOf(s.startedAt, timeZone).weekStart === isoWeekOf(new Date(), timeZone).weekStart,
  ).length;
  const target = assessment.daysPerWeek ?? suggestion?.split.days.length ?? 3;
  const unit = user.weightUnit;

  return (
    <div className="space-y-6">
      <PageHeader title={greeting} description={`${doneThisWeek} of ${plural(target, "workout")} done this week.`} />
      <ChangeNotices notices={notices} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {inProgress[0] ? (
            <Card title="Workout in progress" className="ring-2 ring-brand-600">
              <p className="text-sm text-slate-700">
                {inProgress[0].name}: {plural(inProgress[0].setCount, "set")} logged so far.
              </p>
              <div className="mt-3">
                <ButtonLink href={`/log/${inProgress[0].id}`}>Resume workout</ButtonLink>
              </div>
            </Card>
          ) : next ? (
            // A workout under way is what to do now: the next one is offered once it is finished.
            <Card
              title={<>Next up: {next.name}</>}
              actions={
                <ActionButton
                  action={startSessionAction}
                  fields={{ splitDayId: next.id }}
                  offlineHref={deviceStartHref(next.id)}
                  variant="primary"
                  pendingLabel="Starting…"
                  label={`Start ${next.name}`}
                >
                  Start workout
                </ActionButton>
              }
            >
              <ol className="divide-y divide-slate-100 text-sm">
                {next.exercises.map((e) => (
                  <li key={e.id} className="flex items-baseline justify-between gap-3 py-2">
                    <span className="font-medium text-slate-900">{e.exerciseName}</span>
                    <span className="font-mono">{formatTargets(e)}</span>
                  </li>
                ))}
              </ol>
              <p className="mt-3 text-xs text-slate-500">
                From{" "}
                <Link
                  href={suggestion?.split.source === "generated" ? "/program" : `/splits/${suggestion?.split.id}`}
                  className="font-semibold text-brand-700 hover:underline"
                >
                  {suggestion?.split.source === "generated" ? "your program" : suggestion?.split.name}
                </Link>
              </p>
            </Card>
          ) : (
            <EmptyState title="No program yet" action={<ButtonLink href="/program">Build my program</ButtonLink>}>
              Your program is built from your assessment. Or just{" "}
              <Link href="/log" className="font-semibold text-brand-700 hover:underline">
                log a workout
              </Link>
              .
            </EmptyState>
          )}
          <Card
            title="Recent sessions"
            actions={
              <Link href="/history" className="text-sm font-semibold text-brand-700 hover:underline">
                All history
              </Link>
            }
          >
            {recent.items.length === 0 ? (
              <p className="text-sm text-slate-600">No sessions yet. Start the workout above and it appears here.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {recent.items.map((s) => (
                  <li key={s.id}>
                    <Link href={`/history/${s.id}`} className="flex items-baseline justify-between gap-3 py-2 hover:bg-slate-50">
                      <span>
                        <span className="font-medium text-slate-900">{s.name}</span>
                        <span className="ml-2 text-sm text-slate-500">{formatDay(s.startedAt, timeZone)}</span>
                      </span>
                      <span className="text-sm text-slate-600">
                        {s.finishedAt ? formatDuration(s.durationSeconds) : "in progress"} · {plural(s.setCount, "set")}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-4">
          <Card
            title="Latest records"
            actions={
              <Link href="/progress" className="text-sm font-semibold text-brand-700 hover:underline">
                Progress
              </Link>
            }
          >
            {records.length === 0 ? (
              <p className="text-sm text-slate-600">Beat an earlier set of any exercise and your record shows here.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {records.map((r, i) => (
                  <li key={i}>
                    <span className="mr-1 rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-amber-950">PR</span>
                    <span className="font-medium">{r.exerciseName}</span>{" "}
                    <span className="tabular-nums">
                      {formatWeight(r.set.weightKg, unit)} × {r.set.reps}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {formatDay(r.performedAt, timeZone)} · {r.records.map((k) => RECORD_LABELS[k.kind]).join(", ")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Shortcuts">
            <ul className="space-y-2 text-sm">
              <li>
                <Link href="/log" className="font-semibold text-brand-700 hover:underline">
                  Log a workout
                </Link>
              </li>
              <li>
                <Link href="/exercises" className="font-semibold text-brand-700 hover:underline">
                  Browse exercises
                </Link>
              </li>
              <li>
                <Link href="/profile" className="font-semibold text-brand-700 hover:underline">
                  Update your answers or units
                </Link>
              </li>
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}
