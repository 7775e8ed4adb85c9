import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/athlete/action-button";
import { distanceUnitFor, formatPace } from "@/lib/training/distance";
import { describeSet, formatDateTime, formatDuration, formatMetres, formatSeconds } from "@/components/athlete/format";
import { Notice } from "@/components/athlete/notice";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { recordsInSession } from "@/server/queries/training-progress";
import { estimateOneRepMax } from "@/lib/training/one-rep-max";
import { RECORD_LABELS } from "@/lib/training/records";
import { countsAsWork } from "@/lib/training/set";
import { formatWeight } from "@/lib/training/units";
import { athletePage, idFromSegment, requestTimeZone } from "@/server/athlete-page";
import { deleteSessionAction } from "@/app/(athlete)/log/actions";
import { getSession, sessionOrigin } from "@/server/queries/sessions";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const id = idFromSegment((await params).id);
  const { user, db } = await athletePage(`/history/${id}`);
  const [session, query, timeZone] = await Promise.all([getSession(db, user.id, id), searchParams, requestTimeZone()]);
  if (!session) notFound();
  const [records, origin] = await Promise.all([
    recordsInSession(db, user.id, id),
    sessionOrigin(db, user.id, session.splitDayId),
  ]);
  const unit = user.weightUnit;

  const groups: { exerciseId: number; name: string; sets: typeof session.sets }[] = [];
  for (const set of session.sets) {
    const last = groups.at(-1);
    if (last && last.exerciseId === set.exerciseId) last.sets.push(set);
    else groups.push({ exerciseId: set.exerciseId, name: set.exerciseName, sets: [set] });
  }
  const recordFor = (s: (typeof session.sets)[number]) =>
    !countsAsWork(s)
      ? undefined
      : records.find(
          (r) =>
            r.exerciseId === s.exerciseId &&
            r.set.weightKg === s.weightKg &&
            r.set.reps === s.reps &&
            (r.set.seconds ?? null) === s.seconds &&
            (r.set.distanceM ?? null) === s.distanceM,
        );
  // Warm-ups and missed attempts count for nothing in volume.
  const volume = session.sets.reduce((sum, s) => sum + (countsAsWork(s) ? s.weightKg * s.reps : 0), 0);
  const TYPE_MARK = { normal: "", warmup: "W", drop: "D", failure: "F" } as const;
  const TYPE_NAME = { normal: "", warmup: "Warm-up", drop: "Drop set", failure: "To failure" } as const;

  return (
    <div className="mx-auto max-w-3xl">
      {query.saved ? (
        <Notice>
          Workout saved{records.length ? `, with ${records.length} personal record${records.length === 1 ? "" : "s"}!` : "."}
        </Notice>
      ) : null}
      <PageHeader
        title={session.name}
        description={
          <>
            {formatDateTime(session.startedAt, timeZone)} · {formatDuration(session.durationSeconds)}
            {origin ? ` · ${origin.splitName}` : ""}
            {session.finishedAt ? "" : " · in progress"}
          </>
        }
        actions={
          <>
            <ButtonLink href={`/log/${session.id}`} variant="secondary">
              {session.finishedAt ? "Edit" : "Resume"}
            </ButtonLink>
            {session.finishedAt ? (
              // A plain link: the file is a download, not a page for the client router.
              <a href={`/api/sessions/${session.id}/fit`} className={buttonClasses("secondary")} download>
                Download for Garmin (.fit)
              </a>
            ) : null}
            <ActionButton
              action={deleteSessionAction}
              fields={{ sessionId: session.id, redirectTo: "/history" }}
              variant="danger"
              confirm="Delete this session and its sets? This cannot be undone."
            >
              Delete
            </ActionButton>
          </>
        }
      />

      {records.length ? (
        <Card title="Personal records" className="mb-4 bg-amber-50 ring-amber-200">
          <ul className="space-y-1 text-sm" data-testid="session-records">
            {records.map((r, i) => (
              <li key={i}>
                <span className="mr-2 rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-amber-950">PR</span>
                <strong>{groups.find((g) => g.exerciseId === r.exerciseId)?.name}</strong>: {describeSet(r.set, unit)} —{" "}
                {r.records.map((k) => RECORD_LABELS[k.kind]).join(", ")}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="space-y-4">
        {groups.map((g, gi) => {
          const measure = g.sets[0].measure;
          const byReps = measure === "reps" || measure === "reps_load";
          const timed = measure === "time" || measure === "distance_time";
          const far = measure === "distance" || measure === "distance_time";
          return (
            <Card
              key={`${g.exerciseId}-${gi}`}
              title={
                <Link href={`/exercises/${g.exerciseId}`} className="hover:underline">
                  {g.name}
                </Link>
              }
            >
              {session.splitDayId === null && g.sets[0].exerciseNote ? (
                <p className="mb-2 text-sm break-words whitespace-pre-line text-slate-700" data-testid="exercise-note">
                  {g.sets[0].exerciseNote}
                </p>
              ) : null}
              <table className="w-full text-left text-sm">
                <thead className="text-xs tracking-wide text-slate-500 uppercase">
                  <tr>
                    <th scope="col" className="py-1 pr-2">
                      Set
                    </th>
                    {measure !== "time" && measure !== "distance_time" ? (
                      <th scope="col" className="py-1 pr-2">
                        Weight
                      </th>
                    ) : null}
                    {byReps ? (
                      <th scope="col" className="py-1 pr-2">
                        Reps
                      </th>
                    ) : null}
                    {far ? (
                      <th scope="col" className="py-1 pr-2">
                        Distance
                      </th>
                    ) : null}
                    {timed ? (
                      <th scope="col" className="py-1 pr-2">
                        Time
                      </th>
                    ) : null}
                    {far && timed ? (
                      <th scope="col" className="py-1 pr-2">
                        Pace
                      </th>
                    ) : null}
                    <th scope="col" className="py-1 pr-2">
                      RPE
                    </th>
                    {byReps ? (
                      <th scope="col" className="py-1">
                        Est. 1RM
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {g.sets.map((s, i) => {
                    const estimate = countsAsWork(s) ? estimateOneRepMax(s) : null;
                    const record = recordFor(s);
                    return (
                      <Fragment key={s.id}>
                        <tr
                          className={`border-t border-slate-100 ${record ? "bg-amber-50" : s.setType === "warmup" ? "bg-sky-50 text-slate-600" : ""}`}
                          data-set-type={s.setType}
                          data-missed={s.missed}
                        >
                          <td className="py-2 pr-2">
                            {i + 1}
                            {s.setType !== "normal" ? (
                              <abbr
                                title={TYPE_NAME[s.setType]}
                                className="ml-1 rounded bg-sky-600 px-1 text-xs font-bold text-white no-underline"
                              >
                                {TYPE_MARK[s.setType]}
                              </abbr>
                            ) : null}
                            {s.missed ? (
                              <span className="ml-1 rounded bg-red-600 px-1 text-xs font-bold text-white">Missed</span>
                            ) : null}
                          </td>
                          {measure !== "time" && measure !== "distance_time" ? (
                            <td className="py-2 pr-2">{s.weightKg > 0 ? formatWeight(s.weightKg, unit) : "Bodyweight"}</td>
                          ) : null}
                          {byReps ? <td className="py-2 pr-2">{s.reps}</td> : null}
                          {far ? <td className="py-2 pr-2">{s.distanceM ? formatMetres(s.distanceM, unit) : "—"}</td> : null}
                          {timed ? <td className="py-2 pr-2">{s.seconds ? formatSeconds(s.seconds) : "—"}</td> : null}
                          {far && timed ? (
                            <td className="py-2 pr-2">{formatPace(s.seconds, s.distanceM, distanceUnitFor(unit)) ?? "—"}</td>
                          ) : null}
                          <td className="py-2 pr-2">{s.rpe ?? "—"}</td>
                          {byReps ? (
                            <td className="py-2" title={estimate?.label}>
                              {estimate ? `${formatWeight(estimate.valueKg, unit)}${estimate.reliable ? "" : " (rough)"}` : "—"}
                            </td>
                          ) : null}
                        </tr>
                        {s.notes ? (
                          <tr data-testid="set-note">
                            <td colSpan={8} className="pb-2 pl-6 text-xs break-words whitespace-pre-line text-slate-600">
                              <span className="font-semibold">Set {i + 1} note:</span> {s.notes}
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </Card>
          );
        })}
        {groups.length === 0 ? <p className="text-sm text-slate-600">No sets logged in this session.</p> : null}
      </div>

      {session.notes ? (
        <Card title="Notes" className="mt-4">
          <p className="text-sm whitespace-pre-line text-slate-700">{session.notes}</p>
        </Card>
      ) : null}
      {volume > 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          Total volume: {formatWeight(volume, unit)} (weight × reps, warm-ups and missed attempts left out).
        </p>
      ) : null}
      <p className="mt-6 text-sm">
        <Link href="/history" className="font-semibold text-brand-700 hover:underline">
          ← All sessions
        </Link>
      </p>
    </div>
  );
}
