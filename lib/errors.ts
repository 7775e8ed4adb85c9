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
