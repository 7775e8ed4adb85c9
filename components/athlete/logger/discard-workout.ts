import type { ConfirmRequest } from "@/components/ui/confirm-dialog";
import type { DataAction } from "./use-exercise-library";

/** How asking to discard the workout (delete a finished session) ended. */
export type DiscardOutcome = { kind: "deleted" } | { kind: "kept" } | { kind: "failed"; message: string };

/**
 * Discarding the workout (deleting a finished session): asks first, then asks the server. With no
 * signal nothing is deleted, and the sets stay; the device lets go of its copy only on "deleted".
 */
export async function discardWorkout({
  finished,
  sessionId,
  deleteAction,
  confirm,
  onDeleting,
}: {
  finished: boolean;
  sessionId: number;
  deleteAction: DataAction<{ sessionId: number }, unknown>;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  /** Called once the athlete said yes, while the server is asked. */
  onDeleting: () => void;
}): Promise<DiscardOutcome> {
  const yes = await confirm(
    finished
      ? { title: "Delete this session and its sets?", confirmLabel: "Delete session" }
      : { title: "Discard this workout?", detail: "Its sets will be deleted.", confirmLabel: "Discard workout" },
  );
  if (!yes) return { kind: "kept" };
  onDeleting();
  const result = await deleteAction({ status: "idle" }, { sessionId }).catch(() => null);
  if (result?.status === "success") return { kind: "deleted" };
  return {
    kind: "failed",
    message:
      result?.status === "error" && result.message
        ? result.message
        : `${finished ? "Deleting" : "Discarding"} needs a connection: nothing was deleted, and your sets are kept.`,
  };
}
