import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { ActionButton } from "@/components/athlete/action-button";
import { Notice } from "@/components/athlete/notice";
import { NameForm, TargetsForm } from "@/components/athlete/split-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { listExerciseOptions } from "@/server/queries/exercises";
import { formatTargets } from "@/lib/athlete/split-input";
import { supersetPlaces } from "@/lib/athlete/supersets";
import { startSessionAction } from "@/app/(athlete)/log/actions";
import { athletePage, idFromSegment } from "@/server/athlete-page";
import {
  addDayAction,
  addDayExerciseAction,
  deleteDayAction,
  deleteSplitAction,
  moveDayAction,
  moveDayExerciseAction,
  removeDayExerciseAction,
  renameDayAction,
  renameSplitAction,
  updateDayExerciseAction,
} from "@/app/(athlete)/splits/actions";
import { getSplit } from "@/server/queries/splits";
import { deviceStartHref } from "@/lib/athlete/device-start";

export const metadata: Metadata = { title: "Edit split" };

export default async function SplitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const id = idFromSegment((await params).id);
  const { user, db } = await athletePage(`/splits/${id}`);
  const [split, options, query] = await Promise.all([getSplit(db, user.id, id), listExerciseOptions(db, user.id), searchParams]);
  if (!split) notFound();
  if (split.source === "generated") redirect("/program");
  const exercises = options.map((o) => ({ id: o.id, name: o.custom ? `${o.name} (yours)` : o.name }));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {query.copied ? <Notice>Copied. This split is yours to edit; your generated program stays as it was.</Notice> : null}
      <p className="text-sm">
        <Link href="/splits" className="text-slate-600 hover:underline">
          ← Splits
        </Link>
      </p>
      <PageHeader
        title={split.name}
        actions={
          <ActionButton
            action={deleteSplitAction}
            fields={{ splitId: split.id }}
            variant="danger"
            confirm={`Delete “${split.name}”? Logged sessions are kept.`}
          >
            Delete split
          </ActionButton>
        }
      />
      <Card>
        <NameForm
          action={renameSplitAction}
          fields={{ splitId: split.id }}
          label="Split name"
          defaultValue={split.name}
          submitLabel="Rename"
        />
      </Card>

      <ol className="space-y-4">
        {split.days.map((day, dayIndex) => (
          <li key={day.id}>
            <Card
              title={
                <>
                  <span className="mr-2 text-sm font-medium text-slate-500">Day {dayIndex + 1}</span>
                  {day.name}
                </>
              }
              actions={
                <div className="flex flex-wrap items-center gap-1">
                  <ActionButton
                    action={startSessionAction}
                    fields={{ splitDayId: day.id }}
                    offlineHref={deviceStartHref(day.id)}
                    variant="primary"
                    pendingLabel="Starting…"
                    label={`Start ${day.name}`}
                  >
                    Start
                  </ActionButton>
                  <ActionButton
                    action={moveDayAction}
                    fields={{ dayId: day.id, splitId: split.id, direction: "up" }}
                    variant="ghost"
                    label={`Move ${day.name} up`}
                    className={dayIndex === 0 ? "invisible" : ""}
                  >
                    ↑
                  </ActionButton>
                  <ActionButton
                    action={moveDayAction}
                    fields={{ dayId: day.id, splitId: split.id, direction: "down" }}
                    variant="ghost"
                    label={`Move ${day.name} down`}
                    className={dayIndex === split.days.length - 1 ? "invisible" : ""}
                  >
                    ↓
                  </ActionButton>
                  <ActionButton
                    action={deleteDayAction}
                    fields={{ dayId: day.id, splitId: split.id }}
                    variant="ghost"
                    confirm={`Delete ${day.name} and its exercises?`}
                    className="text-red-700"
                  >
                    Delete
                  </ActionButton>
                </div>
              }
            >
              <details className="mb-3">
                <summary className="cursor-pointer text-sm font-semibold text-slate-600">Rename day</summary>
                <div className="mt-2">
                  <NameForm
                    action={renameDayAction}
                    fields={{ dayId: day.id, splitId: split.id }}
                    label="Day name"
                    defaultValue={day.name}
                    submitLabel="Rename"
                  />
                </div>
              </details>
              {day.exercises.length === 0 ? (
                <p className="mb-3 text-sm text-slate-600">No exercises yet: add the first below.</p>
              ) : null}
              <ol className="divide-y divide-slate-100">
                {day.exercises.map((e, i) => (
                  <li key={e.id} className="py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/exercises/${e.exerciseId}`}
                        className="min-w-0 flex-1 font-semibold text-slate-900 hover:underline"
                      >
                        {e.exerciseName}
                      </Link>
                      {e.supersetGroup !== null ? (
                        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
                          {supersetPlaces(day.exercises.map((x) => ({ id: String(x.id), supersetGroup: x.supersetGroup }))).get(
                            String(e.id),
                          )?.label ?? `Superset group ${e.supersetGroup}: give another exercise the same number`}
                        </span>
                      ) : null}
                      <span className="font-mono text-sm font-semibold">{formatTargets(e)}</span>
                      <ActionButton
                        action={moveDayExerciseAction}
                        fields={{ itemId: e.id, direction: "up" }}
                        variant="ghost"
                        label={`Move ${e.exerciseName} up`}
                        className={i === 0 ? "invisible" : ""}
                      >
                        ↑
                      </ActionButton>
                      <ActionButton
                        action={moveDayExerciseAction}
                        fields={{ itemId: e.id, direction: "down" }}
                        variant="ghost"
                        label={`Move ${e.exerciseName} down`}
                        className={i === day.exercises.length - 1 ? "invisible" : ""}
                      >
                        ↓
                      </ActionButton>
                      <ActionButton
                        action={removeDayExerciseAction}
                        fields={{ itemId: e.id }}
                        variant="ghost"
                        label={`Remove ${e.exerciseName}`}
                        className="text-red-700"
                      >
                        Remove
                      </ActionButton>
                    </div>
                    {e.note ? <p className="mt-1 text-sm text-slate-600">{e.note}</p> : null}
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs font-semibold text-slate-500">
                        Change sets × reps or superset
                      </summary>
                      <div className="mt-2">
                        <TargetsForm action={updateDayExerciseAction} fields={{ itemId: e.id }} defaults={e} submitLabel="Save" />
                      </div>
                    </details>
                  </li>
                ))}
              </ol>
              <div className="mt-3 rounded-md bg-slate-50 p-3">
                <TargetsForm action={addDayExerciseAction} fields={{ dayId: day.id }} exercises={exercises} submitLabel="Add" />
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <Card title="Add a day">
        <NameForm
          action={addDayAction}
          fields={{ splitId: split.id }}
          label="Day name"
          placeholder={`e.g. Day ${split.days.length + 1}`}
          submitLabel="Add day"
          resetOnSuccess
        />
      </Card>
    </div>
  );
}
