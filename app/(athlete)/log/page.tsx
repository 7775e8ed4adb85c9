import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/athlete/action-button";
import { formatDateTime, plural } from "@/components/athlete/format";
import { Card, PageHeader } from "@/components/ui/card";
import { formatTargets } from "@/lib/athlete/split-input";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { deleteSessionAction, finishSessionAction, startSessionAction } from "./actions";
import { listSessionsInProgress, nextWorkout } from "@/server/queries/sessions";
import { getGeneratedProgram, getSplit, listSplits } from "@/server/queries/splits";
import { deviceStartHref } from "@/lib/athlete/device-start";
import { DeviceWorkouts } from "./device-workouts";

export const metadata: Metadata = { title: "Log a workout" };

export default async function LogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await athletePage("/log");
  const params = await searchParams;
  // Set when "Start" was pressed with a workout in progress: say why nothing new was started.
  const blocked = typeof params.inProgress === "string";
  const [inProgress, program, customSplits, timeZone, suggestion] = await Promise.all([
    listSessionsInProgress(db, user.id),
    getGeneratedProgram(db, user.id),
    listSplits(db, user.id, "custom"),
    requestTimeZone(),
    nextWorkout(db, user.id),
  ]);
  const splitViews = await Promise.all(customSplits.map((s) => getSplit(db, user.id, s.id)));
  const nextId = suggestion?.day.id ?? null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Log a workout"
        description="Start from your program or a split, or start empty and add exercises as you go."
        actions={
          <ActionButton action={startSessionAction} variant="primary" pendingLabel="Starting…" offlineHref={deviceStartHref()}>
            Start an empty workout
          </ActionButton>
        }
      />

      {params.finished === "1" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Workout finished and saved. You can start the next one.
        </p>
      ) : null}

      <DeviceWorkouts userId={user.id} timeZone={timeZone} />

      {inProgress.length ? (
        <Card title="In progress">
          {blocked ? (
            <p
              role="alert"
              className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
              data-testid="in-progress-offer"
            >
              You already have a workout in progress. Resume it, or finish or discard it before starting another.
            </p>
          ) : null}
          <ul className="divide-y divide-slate-100">
            {inProgress.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold text-slate-900">{s.name}</p>
                  <p className="text-sm text-slate-600">
                    Started {formatDateTime(s.startedAt, timeZone)} · {plural(s.setCount, "set")}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/log/${s.id}`}
                    className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
                  >
                    Resume
                  </Link>
                  <ActionButton
                    action={finishSessionAction}
                    fields={{ sessionId: s.id }}
                    pendingLabel="Finishing…"
                    label={`Finish ${s.name}`}
                  >
                    Finish it
                  </ActionButton>
                  <ActionButton
                    action={deleteSessionAction}
                    fields={{ sessionId: s.id, redirectTo: "/log" }}
                    variant="link"
                    className="text-red-700"
                    confirm="Discard this workout? Its sets will be deleted."
                    label={`Discard ${s.name}`}
                  >
                    Discard
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {program ? (
        <Card
          title="From your program"
          actions={
            <Link href="/program" className="text-sm font-semibold text-brand-700 hover:underline">
              View program
            </Link>
          }
        >
          <ul className="divide-y divide-slate-100">
            {program.days.map((day) => (
              <li key={day.id} className="flex items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">
                    {day.name}
                    {day.id === nextId ? (
                      <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700">
                        Next up
                      </span>
                    ) : null}
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {day.exercises.map((e) => `${e.exerciseName} ${formatTargets(e)}`).join(" · ")}
                  </p>
                </div>
                <ActionButton
                  action={startSessionAction}
                  fields={{ splitDayId: day.id }}
                  offlineHref={deviceStartHref(day.id)}
                  variant={day.id === nextId ? "primary" : "secondary"}
                  pendingLabel="Starting…"
                  label={`Start ${day.name}`}
                >
                  Start
                </ActionButton>
              </li>
            ))}
          </ul>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">
          No program yet.{" "}
          <Link href="/onboarding" className="font-semibold text-brand-700 hover:underline">
            Take the assessment
          </Link>{" "}
          to get one built from your equipment.
        </p>
      )}

      {splitViews.map((split) =>
        split && split.days.length ? (
          <Card
            key={split.id}
            title={split.name}
            actions={
              <Link href={`/splits/${split.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
                Edit split
              </Link>
            }
          >
            <ul className="divide-y divide-slate-100">
              {split.days.map((day) => (
                <li key={day.id} className="flex items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-semibold text-slate-900">
                      {day.name}
                      {day.id === nextId ? (
                        <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700">
                          Next up
                        </span>
                      ) : null}
                    </p>
                    <p className="truncate text-sm text-slate-600">
                      {day.exercises.length ? day.exercises.map((e) => e.exerciseName).join(" · ") : "No exercises yet"}
                    </p>
                  </div>
                  <ActionButton
                    action={startSessionAction}
                    fields={{ splitDayId: day.id }}
                    offlineHref={deviceStartHref(day.id)}
                    variant={day.id === nextId ? "primary" : "secondary"}
                    pendingLabel="Starting…"
                    label={`Start ${split.name}: ${day.name}`}
                  >
                    Start
                  </ActionButton>
                </li>
              ))}
            </ul>
          </Card>
        ) : null,
      )}
    </div>
  );
}
