"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button";

/**
 * Download links for a run's report, JSON and CSV, with a checkbox that adds the rows the run left
 * as they were (skipped rows have no item, so they are listed only on request). Undo runs skip
 * nothing and get no checkbox.
 */
export function ReportLinks({
  runId,
  labels,
  canIncludeSkipped,
}: {
  runId: number;
  labels: { json: string; csv: string };
  canIncludeSkipped: boolean;
}) {
  const [includeSkipped, setIncludeSkipped] = useState(false);
  const checkboxId = useId();
  const href = (format: "json" | "csv") => `/admin/runs/${runId}/report?format=${format}${includeSkipped ? "&skipped=1" : ""}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canIncludeSkipped ? (
        <label htmlFor={checkboxId} className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
          <input
            id={checkboxId}
            type="checkbox"
            className="size-4"
            checked={includeSkipped}
            onChange={(e) => setIncludeSkipped(e.target.checked)}
          />
          Include skipped rows
        </label>
      ) : null}
      <a href={href("json")} className={buttonClasses("secondary")} download>
        {labels.json}
      </a>
      <a href={href("csv")} className={buttonClasses("secondary")} download>
        {labels.csv}
      </a>
    </div>
  );
}
