import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { formatDateTime, plural } from "@/components/athlete/format";
import { ImportForm } from "@/app/(athlete)/history/import/[id]/_components/import-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FORMAT_NAMES } from "@/lib/history-import/formats";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { duplicatePositions, exerciseChoicesFor, getPreview, previewWorkoutHeads } from "@/server/history-import/previews";
import { DateReadingForm } from "@/app/(athlete)/history/import/[id]/_components/date-reading-form";
import { importHistoryAction, readDatesAsAction } from "../actions";

export const metadata: Metadata = { title: "Preview import" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LISTED_WORKOUTS = 30;

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await athletePage(`/history/import/${id}`);
  const [preview, timeZone] = await Promise.all([UUID.test(id) ? getPreview(db, user.id, id) : null, requestTimeZone()]);
  if (!preview) {
    return (
      <div>
        <PageHeader title="Preview import" />
        <EmptyState title="This preview is gone" action={<ButtonLink href="/history/import">Upload a file</ButtonLink>}>
          A preview is kept for a day, and only until it is imported. Upload the file again to see it.
        </EmptyState>
      </div>
    );
  }
  const { summary } = preview;
  const [{ options, suggested }, heads] = await Promise.all([
    exerciseChoicesFor(db, user.id, summary),
    previewWorkoutHeads(db, preview.id),
  ]);
  const suggestedId = new Map(summary.exercises.map((e, i) => [e.name, suggested[i]?.id]));
  const duplicates = await duplicatePositions(db, user.id, heads, (name) => suggestedId.get(name));
  const toImport = heads.length - duplicates.size;
  const duplicateHeads = heads.filter((h) => duplicates.has(h.position));
  const unit =
    summary.weightUnitInFile === "mixed"
      ? "The file names kg and lb row by row: each set is converted from its own unit."
      : summary.weightUnitInFile
        ? `Weights in the file are in ${summary.weightUnitInFile}.`
        : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Preview import"
        description={`${preview.fileName} · ${FORMAT_NAMES[summary.format]} export. Nothing is saved until you import.`}
      />
      <Card title="Found in the file">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Workouts</dt>
            <dd className="text-lg font-semibold text-slate-900">{summary.workouts}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Sets</dt>
            <dd className="text-lg font-semibold text-slate-900">{summary.sets}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Dates</dt>
            <dd className="font-semibold text-slate-900">
              {summary.from ? formatDateTime(new Date(summary.from), timeZone) : "–"} to{" "}
              {summary.to ? formatDateTime(new Date(summary.to), timeZone) : "–"}
            </dd>
          </div>
        </dl>
        <ul className="mt-4 space-y-1 text-sm text-slate-700">
          <li>
            {summary.format === "ironlog"
              ? "Times carry the time zone they were logged in."
              : summary.format === "fitnotes"
                ? `FitNotes dates a workout by its day only: each day's sets are one workout, starting at noon in ${summary.timeZone}.`
                : `Times without a time zone were read in ${summary.timeZone}.`}{" "}
            <Link href="/history/import" className="font-semibold text-brand-700 hover:underline">
              Upload again with another zone
            </Link>
          </li>
          {unit ? <li>{unit}</li> : null}
          <li>
            {duplicates.size
              ? `${plural(duplicates.size, "workout")} already in your history (same start time and exercises) will be skipped.`
              : "None of these workouts is in your history yet."}
          </li>
          {summary.restTimers ? (
            <li>{plural(summary.restTimers, "rest-timer row")} set aside: a rest timer is not a set.</li>
          ) : null}
          {summary.worthALookCount ? (
            <li>
              {plural(summary.worthALookCount, "value")} past what Ironlog stores, worth a look (listed below with what the import
              does with each).
            </li>
          ) : null}
          {summary.problemCount ? (
            <li>{plural(summary.problemCount, "row")} could not be read and will be left out (listed below).</li>
          ) : null}
        </ul>
      </Card>

      {summary.dateQuestion ? (
        <Card title="Dates">
          <p className="mb-3 text-sm text-slate-600">
            The dates below are read in{" "}
            {summary.dateQuestion.options.find((o) => o.locale === summary.dateQuestion!.chosen)?.language}.
          </p>
          <DateReadingForm action={readDatesAsAction} previewId={preview.id} question={summary.dateQuestion} />
        </Card>
      ) : null}

      <Card title="Import">
        <ImportForm
          action={importHistoryAction}
          previewId={preview.id}
          exercises={summary.exercises.map((e, index) => ({
            index,
            name: e.name,
            sets: e.sets,
            suggested: suggested[index]?.name ?? null,
          }))}
          optionNames={options.map((o) => o.name)}
          askUnit={summary.weightUnitInFile === null}
          defaultUnit={summary.unitHint?.unit ?? user.weightUnit}
          unitHint={summary.unitHint?.reason ?? null}
          workoutsToImport={toImport}
        />
      </Card>

      <Card title="Workouts">
        <ol className="divide-y divide-slate-200 text-sm" aria-label="Workouts in the file">
          {heads.slice(0, LISTED_WORKOUTS).map((h) => (
            <li key={h.position} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                <span className="font-medium text-slate-900">{h.name}</span> · {formatDateTime(h.startedAt, timeZone)} ·{" "}
                {plural(h.exerciseNames.length, "exercise")}
              </span>
              {duplicates.has(h.position) ? (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  Duplicate: skipped
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {heads.length > LISTED_WORKOUTS ? (
          <p className="mt-2 text-sm text-slate-600">and {plural(heads.length - LISTED_WORKOUTS, "more workout")}.</p>
        ) : null}
        {duplicateHeads.length > 0 && duplicateHeads[0].position >= LISTED_WORKOUTS ? (
          <p className="mt-2 text-sm text-slate-600">
            Duplicates:{" "}
            {duplicateHeads
              .slice(0, 10)
              .map((h) => `${h.name} (${formatDateTime(h.startedAt, timeZone)})`)
              .join(", ")}
            .
          </p>
        ) : null}
      </Card>

      {summary.worthALook?.length ? (
        <Card title="Worth a look">
          <p className="text-sm text-slate-600">
            These values are past what a workout or a set can hold in Ironlog. Nothing is cut to fit: the import does what each
            line says. To keep a value, correct it in the app it came from and export again.
          </p>
          <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Worth a look">
            {summary.worthALook.map((item) => (
              <li key={`${item.line}-${item.what}`} className="py-2">
                <span className="font-medium text-slate-900">Line {item.line}:</span> {item.what}{" "}
                <span className="text-slate-700">{item.outcome}</span>
              </li>
            ))}
          </ul>
          {(summary.worthALookCount ?? 0) > summary.worthALook.length ? (
            <p className="mt-2 text-sm text-slate-600">and {(summary.worthALookCount ?? 0) - summary.worthALook.length} more.</p>
          ) : null}
        </Card>
      ) : null}

      {summary.problemCount ? (
        <Card title="Rows that could not be read">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="w-20 py-1 font-medium text-slate-500">
                  Line
                </th>
                <th scope="col" className="py-1 font-medium text-slate-500">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.problems.map((p) => (
                <tr key={`${p.line}-${p.reason}`} className="border-t border-slate-100">
                  <td className="py-1 tabular-nums">{p.line}</td>
                  <td className="py-1">{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.problemCount > summary.problems.length ? (
            <p className="mt-2 text-sm text-slate-600">and {summary.problemCount - summary.problems.length} more.</p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
