"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { formatLimit, HISTORY_IMPORT_BODY_LIMIT } from "@/lib/http/limits";

type Status = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "reading" } | { kind: "error"; message: string };

/**
 * Sends the chosen file as the request body (XMLHttpRequest, for upload progress) to the route that
 * parses it as it streams in, then opens the preview. Nothing is saved to the history yet.
 */
export function UploadForm({ defaultTimeZone, zones }: { defaultTimeZone: string; zones: string[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [zone, setZone] = useState(defaultTimeZone);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setStatus({ kind: "error", message: "Choose the CSV file your app exported." });
    if (file.size > HISTORY_IMPORT_BODY_LIMIT) {
      return setStatus({
        kind: "error",
        message: `This file is larger than ${formatLimit(HISTORY_IMPORT_BODY_LIMIT)}, the most Ironlog reads at once. Nothing was saved.`,
      });
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/api/history/import?name=${encodeURIComponent(file.name)}&tz=${encodeURIComponent(zone)}`);
    request.setRequestHeader("content-type", "text/csv");
    request.upload.onprogress = (e) =>
      setStatus(
        e.loaded >= e.total
          ? { kind: "reading" }
          : { kind: "sending", percent: e.lengthComputable ? Math.round((100 * e.loaded) / e.total) : 0 },
      );
    request.upload.onload = () => setStatus({ kind: "reading" });
    request.onerror = () =>
      setStatus({
        kind: "error",
        message: "The file could not be sent: check your connection and try again. Nothing was saved.",
      });
    request.onload = () => {
      let body: { previewId?: string; error?: string } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {}
      if (request.status === 201 && body.previewId) {
        router.push(`/history/import/${body.previewId}`);
        return;
      }
      setStatus({ kind: "error", message: body.error ?? "The file could not be read. Nothing was saved; try again." });
    };
    setStatus({ kind: "sending", percent: 0 });
    request.send(file);
  }

  const busy = status.kind === "sending" || status.kind === "reading";
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-describedby={status.kind === "error" ? "upload-error" : undefined}>
      <div>
        <label htmlFor="history-file" className="block text-sm font-medium text-slate-800">
          Export file (CSV)
        </label>
        <input
          id="history-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="mt-1 block w-full text-sm text-slate-700"
        />
        <p className="mt-1 text-sm text-slate-500">
          From Strong (Settings → Export data), Hevy (Settings → Export workouts), FitNotes (its CSV spreadsheet export) or
          Ironlog. Up to {formatLimit(HISTORY_IMPORT_BODY_LIMIT)}.
        </p>
      </div>
      <div>
        <label htmlFor="history-zone" className="block text-sm font-medium text-slate-800">
          Time zone of the times in the file
        </label>
        <select
          id="history-zone"
          name="tz"
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          className="mt-1 block w-full rounded-md bg-white px-3 py-2 ring-1 ring-slate-300"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p className="mt-1 text-sm text-slate-500">
          Strong and Hevy write times without a zone (FitNotes only a day); they are read in this one (yours, unless you trained
          elsewhere).
        </p>
      </div>
      <button type="submit" disabled={busy} className={buttonClasses("primary")}>
        {busy ? "Reading…" : "Preview import"}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {status.kind === "sending"
          ? `Sending the file… ${status.percent}%`
          : status.kind === "reading"
            ? "Reading the file…"
            : ""}
      </p>
      {status.kind === "error" ? (
        <p id="upload-error" role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {status.message}
        </p>
      ) : null}
    </form>
  );
}
