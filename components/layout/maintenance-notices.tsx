import { formatWindow } from "@/lib/maintenance/format";
import type { ShownBanner } from "@/lib/maintenance/banners";

/**
 * The maintenance banners as markup: drawn by the server into every signed-in page, then by the live
 * banner in the browser (components/layout/maintenance-live.tsx), which alone can dismiss them.
 */
export function MaintenanceNotices({
  shown,
  timeZone,
  onDismiss,
}: {
  shown: ShownBanner[];
  timeZone: string;
  onDismiss?: (key: string) => void;
}) {
  return (
    <div aria-live="polite" className="mx-auto w-full max-w-6xl px-4 sm:px-6">
      {shown.length > 0 ? (
        <section aria-label="Planned maintenance" className="mt-4 space-y-2">
          {shown.map(({ notice, phase, key }) => {
            const window = formatWindow(new Date(notice.startsAt), new Date(notice.endsAt), timeZone);
            const completed = phase === "completed" || phase === "cancelled";
            return (
              <div
                key={notice.id}
                className={`rounded-lg border p-3 text-sm sm:p-4 ${
                  completed ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-sky-300 bg-sky-50 text-sky-950"
                }`}
              >
                <p className="font-semibold">
                  {phase === "cancelled"
                    ? `Planned maintenance cancelled: ${window}`
                    : completed
                      ? "Maintenance is over"
                      : phase === "in_progress"
                        ? `Maintenance in progress: ${window}`
                        : `Planned maintenance: ${window}`}
                </p>
                <p className="mt-1 [overflow-wrap:anywhere] whitespace-pre-line">
                  {completed ? notice.completionMessage : notice.message}
                </p>
                <button
                  type="button"
                  value={key}
                  onClick={
                    onDismiss &&
                    ((event) => {
                      event.stopPropagation();
                      onDismiss(key);
                    })
                  }
                  className="mt-2 text-sm font-semibold underline underline-offset-2"
                >
                  Dismiss
                </button>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
