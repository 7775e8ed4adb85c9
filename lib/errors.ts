/**
 * Errors users can read. Anything thrown that is not one of these is logged with its stack, and the
 * user sees a generic message: never a stack trace.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly options: { field?: string; status?: number; code?: string } = {},
  ) {
    super(message);
    this.name = "UserFacingError";
  }
  get status(): number {
    return this.options.status ?? 400;
  }
}

export class NotSignedInError extends UserFacingError {
  constructor() {
    super("Please sign in to continue.", { status: 401, code: "unauthenticated" });
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = "Only admins can do this.") {
    super(message, { status: 403, code: "forbidden" });
  }
}

export class NotFoundError extends UserFacingError {
  constructor(what = "That item") {
    super(`${what} was not found.`, { status: 404, code: "not_found" });
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong and nothing was saved. Please try again.";

/**
 * The driver's error inside Drizzle's "Failed query: ..." wrapper, whose message repeats the whole
 * query and its parameters (for a batch insert, the whole batch: megabytes).
 */
export function driverError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    const message = (current as { message?: unknown } | null)?.message;
    if (!(typeof message === "string" && message.startsWith("Failed query:") && cause)) break;
    current = cause;
  }
  return current;
}

/** The database's own words for a failed statement, with Postgres's detail line when it gave one, cut to a readable length. */
export function databaseErrorMessage(error: unknown): string {
  const cause = driverError(error);
  const detail = (cause as { detail?: unknown } | null)?.detail;
  const message = cause instanceof Error ? cause.message : String(cause);
  const text = typeof detail === "string" && detail ? `${message} (${detail})` : message;
  return text.length > 1000 ? `${text.slice(0, 1000)}...` : text;
}
