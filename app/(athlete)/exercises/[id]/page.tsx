import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/athlete/action-button";
import OneRepMaxChart from "@/components/athlete/charts/one-rep-max-chart";
import { EquipmentBadges } from "@/components/athlete/equipment-badges";
import { formatDay, oneRepMaxChartPoints } from "@/components/athlete/format";
import { FORMULA_NOTE } from "@/components/athlete/formula-note";
import { Notice } from "@/components/athlete/notice";
import { BestsPerRepCountTable } from "@/components/athlete/bests-table";
import { Card, PageHeader } from "@/components/ui/card";
import { getExercise } from "@/server/queries/exercises";
import { historySets } from "@/server/queries/training-progress";
import { DIFFICULTY_LABELS } from "@/lib/athlete/exercise-filters";
import { oneRepMaxSeries } from "@/lib/athlete/record-events";
import { bestsByRepCount } from "@/lib/training/records";
import { formatWeight } from "@/lib/training/units";
import { athletePage, idFromSegment, requestTimeZone } from "@/server/athlete-page";
import { deleteCustomExerciseAction } from "@/app/(athlete)/exercises/actions";

export const metadata: Metadata = { title: "Exercise" };

export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const id = idFromSegment((await params).id);
  const { user, db } = await athletePage(`/exercises/${id}`);
  const [exercise, query, timeZone] = await Promise.all([getExercise(db, user.id, id), searchParams, requestTimeZone()]);
  if (!exercise) notFound();
  const sets = await historySets(db, user.id, { exerciseId: id });
  const unit = user.weightUnit;
  const series = oneRepMaxSeries(sets);
  const bests = bestsByRepCount(sets);
  const sessions = new Map<number, { performedAt: Date; sets: typeof sets }>();
  for (const s of sets) {
    const entry = sessions.get(s.sessionId) ?? { performedAt: s.performedAt, sets: [] };
    entry.sets.push(s);
    sessions.set(s.sessionId, entry);
  }
  const recent = [...sessions.entries()].reverse().slice(0, 8);

  return (
    <div className="mx-auto max-w-4xl">
      {query.created ? (
        <Notice>Exercise added. It is private to you, and you can log it from the logger or add it to a split.</Notice>
      ) : null}
      <p className="mb-2 text-sm">
        <Link href="/exercises" className="text-slate-600 hover:underline">
          ← Exercises
        </Link>
      </p>
      <PageHeader
        title={exercise.name}
        description={
          <>
            {exercise.type[0].toUpperCase() + exercise.type.slice(1)}
            {exercise.difficulty ? ` · ${DIFFICULTY_LABELS[exercise.difficulty as 1 | 2 | 3]}` : ""}
            {exercise.custom ? " · your own exercise" : ""}
          </>
        }
        actions={
          exercise.custom ? (
            <ActionButton
              action={deleteCustomExerciseAction}
              fields={{ exerciseId: exercise.id }}
              variant="danger"
              confirm="Delete this exercise? Sets you logged with it are deleted too."
            >
              Delete
            </ActionButton>
          ) : null
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Muscles worked">
          <ul className="space-y-3">
            {exercise.muscles.map((m) => (
              <li key={m.id}>
                <div className="flex items-baseline justify-between text-sm">
                  <span className="font-medium text-slate-800">{m.name}</span>
                  <span className="text-slate-600 tabular-nums">{m.activation}%</span>
                </div>
                <div
                  className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100"
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={m.activation}
                  aria-label={`${m.name} activation`}
                >
                  <div
                    className={`h-full rounded-full ${m.activation >= 70 ? "bg-brand-600" : m.activation >= 40 ? "bg-brand-500/70" : "bg-brand-500/40"}`}
                    style={{ width: `${m.activation}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500">
            Activation is how hard the exercise drives each muscle, relative to its maximum. Weekly volume counts a set at this
            share.
          </p>
        </Card>
        <Card title="Equipment">
          <EquipmentBadges items={exercise.equipmentRequired} />
          {exercise.notes ? <p className="mt-4 text-sm text-slate-700">{exercise.notes}</p> : null}
        </Card>
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Your history</h2>
      {sets.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-600 ring-1 ring-slate-200">
          You have not logged this exercise yet.{" "}
          <Link href="/log" className="font-semibold text-brand-700 hover:underline">
            Start a workout
          </Link>{" "}
          and add it.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Estimated 1RM" className="md:col-span-2">
            {series.length ? (
              <div className="h-64">
                <OneRepMaxChart unit={unit} points={oneRepMaxChartPoints(series, unit, timeZone)} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">No weighted sets to estimate from yet.</p>
            )}
            <p className="mt-2 text-xs text-slate-500">{FORMULA_NOTE}</p>
          </Card>
          <Card title="Bests per rep count">
            <BestsPerRepCountTable bests={bests} unit={unit} />
          </Card>
          <Card title="Recent sessions">
            <ul className="divide-y divide-slate-100 text-sm">
              {recent.map(([sessionId, s]) => (
                <li key={sessionId} className="py-2">
                  <Link href={`/history/${sessionId}`} className="font-medium text-slate-900 hover:underline">
                    {formatDay(s.performedAt, timeZone)}
                  </Link>
                  <span className="ml-2 text-slate-600">
                    {s.sets.map((x) => `${x.weightKg > 0 ? formatWeight(x.weightKg, unit) : "BW"} × ${x.reps}`).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </div>
  );
}
