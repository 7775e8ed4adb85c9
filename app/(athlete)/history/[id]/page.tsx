import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/athlete/action-button";
import { formatDateTime, formatDuration } from "@/components/athlete/format";
import { Notice } from "@/components/athlete/notice";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { recordsInSession } from "@/server/queries/training-progress";
import { estimateOneRepMax } from "@/lib/training/one-rep-max";
import { RECORD_LABELS } from "@/lib/training/records";
import { formatWeight } from "@/lib/training/units";
import { athletePage, idFromSegment, requestTimeZone } from "@/server/athlete-page";
import { deleteSessionAction } from "@/app/(athlete)/log/actions";
import { getSession, sessionOrigin } from "@/server/queries/sessions";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const id = idFromSegment((await params).id);
  const { user, db } = await athletePage(`/history/${id}`);
  const [session, query, timeZone] = await Promise.all([getSession(db, user.id, id), searchParams, requestTimeZone()]);
  if (!session) notFound();
  const [records, origin] = await Promise.all([recordsInSession(db, user.id, id), sessionOrigin(db, user.id, session.splitDayId)]);
  const unit = user.weightUnit;

  const groups: { exerciseId: number; name: string; sets: typeof session.sets }[] = [];
  for (const set of session.sets) {
    const last = groups.at(-1);
    if (last && last.exerciseId === set.exerciseId) last.sets.push(set);
    else groups.push({ exerciseId: set.exerciseId, name: set.exerciseName, sets: [set] });
  }
  const recordFor = (exerciseId: number, weightKg: number, reps: number) =>
    records.find((r) => r.exerciseId === exerciseId && r.set.weightKg === weightKg && r.set.reps === reps);
  const volume = session.sets.reduce((sum, s) => sum + s.weightKg * s.reps, 0);

  return (
    <div className="mx-auto max-w-3xl">
      {query.saved ? <Notice>Workout saved{records.length ? `, with ${records.length} personal record${records.length === 1 ? "" : "s"}!` : "."}</Notice> : null}
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
            <ActionButton action={deleteSessionAction} fields={{ sessionId: session.id, redirectTo: "/history" }} variant="danger" confirm="Delete this session and its sets? This cannot be undone.">
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
                <strong>{groups.find((g) => g.exerciseId === r.exerciseId)?.name}</strong>: {formatWeight(r.set.weightKg, unit)} × {r.set.reps} —{" "}
                {r.records.map((k) => RECORD_LABELS[k.kind]).join(", ")}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="space-y-4">
        {groups.map((g, gi) => (
          <Card key={`${g.exerciseId}-${gi}`} title={<Link href={`/exercises/${g.exerciseId}`} className="hover:underline">{g.name}</Link>}>
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-2">Set</th>
                  <th scope="col" className="py-1 pr-2">Weight</th>
                  <th scope="col" className="py-1 pr-2">Reps</th>
                  <th scope="col" className="py-1 pr-2">RPE</th>
                  <th scope="col" className="py-1">Est. 1RM</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {g.sets.map((s, i) => {
                  const estimate = estimateOneRepMax(s);
                  const record = recordFor(s.exerciseId, s.weightKg, s.reps);
                  return (
                    <tr key={s.id} className={`border-t border-slate-100 ${record ? "bg-amber-50" : ""}`}>
                      <td className="py-2 pr-2">{i + 1}</td>
                      <td className="py-2 pr-2">{s.weightKg > 0 ? formatWeight(s.weightKg, unit) : "Bodyweight"}</td>
                      <td className="py-2 pr-2">{s.reps}</td>
                      <td className="py-2 pr-2">{s.rpe ?? "—"}</td>
                      <td className="py-2" title={estimate?.label}>
                        {estimate ? `${formatWeight(estimate.valueKg, unit)}${estimate.reliable ? "" : " (rough)"}` : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        ))}
        {groups.length === 0 ? <p className="text-sm text-slate-600">No sets logged in this session.</p> : null}
      </div>

      {session.notes ? (
        <Card title="Notes" className="mt-4">
          <p className="whitespace-pre-line text-sm text-slate-700">{session.notes}</p>
        </Card>
      ) : null}
      {volume > 0 ? <p className="mt-4 text-sm text-slate-600">Total volume: {formatWeight(volume, unit)} (weight × reps).</p> : null}
      <p className="mt-6 text-sm">
        <Link href="/history" className="font-semibold text-brand-700 hover:underline">
          ← All sessions
        </Link>
      </p>
    </div>
  );
}
