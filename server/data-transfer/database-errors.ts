import "server-only";
import { DataTransferError } from "./dump-format";

/**
 * The database's own words for a failed write. Drizzle wraps driver errors in "Failed query: ..."
 * followed by the whole SQL and its parameters, which for a batch insert is the whole batch.
 */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof DataTransferError) return error.message;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = (cause as { detail?: unknown } | null)?.detail;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof detail === "string" && detail ? `${message} (${detail})` : message;
}
