import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/athlete/action-button";
import { formatDateTime, plural } from "@/components/athlete/format";
import { Card } from "@/components/ui/card";
import type { HistoryImport } from "@/db/schema";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Kept = { id: number; importId: number | null; name: string; startedAt: Date };

/** What an undo did: "3 sessions and 1 exercise it had added removed, 1 session kept because you edited it since". */
export function undoSummary(i: Pick<HistoryImport, "undoRemoved" | "undoKept" | "undoExercisesRemoved">): string {
  const sessions = plural(i.undoRemoved ?? 0, "session");
  const removed = i.undoExercisesRemoved
    ? `${sessions} and ${plural(i.undoExercisesRemoved, "exercise")} it had added removed`
    : `${sessions} removed`;
  return i.undoKept
    ? `${removed}, ${plural(i.undoKept, "session")} kept because you edited ${i.undoKept === 1 ? "it" : "them"} since`
    : removed;
}

/** The athlete's imports with their counts, an Undo for each one still in place, and what an undo kept. */
export function ImportsCard({
  imports,
  kept,
  undo,
  timeZone,
}: {
  imports: HistoryImport[];
  kept: Kept[];
  undo: Action;
  timeZone: string;
}) {
  if (imports.length === 0) return null;
  return (
    <Card title="Imports">
      <ul className="space-y-3 text-sm" aria-label="History imports">
        {imports.map((i) => {
          const keptHere = kept.filter((k) => k.importId === i.id);
          return (
            <li key={i.id} className="space-y-1">
              <p className="font-medium text-slate-900">{i.fileName}</p>
              <p className="text-slate-600">
                {formatDateTime(i.createdAt, timeZone)} · {plural(i.workouts, "workout")} · {plural(i.sets, "set")}
                {i.duplicatesSkipped ? ` · ${i.duplicatesSkipped} duplicates skipped` : ""}
                {i.rowsSkipped ? ` · ${plural(i.rowsSkipped, "row")} unreadable` : ""}
              </p>
              {i.undoneAt ? (
                <p className="text-slate-600">
                  Undone {formatDateTime(i.undoneAt, timeZone)}: {undoSummary(i)}
                  {i.undoKept ? ":" : "."}
                </p>
              ) : (
                <ActionButton
                  action={undo}
                  fields={{ importId: i.id }}
                  variant="link"
                  pendingLabel="Undoing…"
                  confirm={`Remove the ${plural(i.workouts, "workout")} this import created? Sessions you edited since are kept, and so are the exercises it added that you have used since.`}
                  label={`Undo the import of ${i.fileName}`}
                >
                  Undo this import
                </ActionButton>
              )}
              {i.undoneAt && keptHere.length ? (
                <ul className="ml-4 list-disc">
                  {keptHere.map((k) => (
                    <li key={k.id}>
                      <Link href={`/history/${k.id}`} className="text-brand-700 hover:underline">
                        {k.name}, {formatDateTime(k.startedAt, timeZone)}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
