/**
 * Errors the engine refuses a request with, before any run is recorded. They extend the app's
 * UserFacingError so server actions can show the message as it is.
 */
import "server-only";
import { UserFacingError } from "@/lib/errors";

/** Another run of the same migration (dry run, apply or undo) holds the lock. */
export class RunInProgressError extends UserFacingError {
  constructor(
    readonly migrationId: string,
    readonly runId: number | null,
    readonly startedBy: string,
    readonly startedAt: Date,
  ) {
    super(
      `A run of ${migrationId} is already in progress, started by ${startedBy} at ${startedAt.toISOString()}. ` +
        `Wait for it to finish, then try again.`,
      { status: 409, code: "run_in_progress" },
    );
    this.name = "RunInProgressError";
  }
}

export class UnknownMigrationError extends UserFacingError {
  constructor(
    readonly migrationId: string,
    known: readonly string[],
  ) {
    super(`There is no data migration called "${migrationId}". Known migrations: ${known.join(", ")}.`, {
      status: 404,
      code: "unknown_migration",
    });
    this.name = "UnknownMigrationError";
  }
}

/** An undo that cannot run: unknown run, not an applied run, failed, or already undone. */
export class UndoRefusedError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 409, code: "undo_refused" });
    this.name = "UndoRefusedError";
  }
}

/** A cancel that cannot be done: no such run, or it is no longer running. */
export class CancelRefusedError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 409, code: "cancel_refused" });
    this.name = "CancelRefusedError";
  }
}

/**
 * Thrown inside a run's transaction when a cancel was asked for, so the transaction rolls back;
 * the launcher records the run as cancelled. Never reaches a caller.
 */
export class RunCancelledError extends Error {
  constructor(readonly runId: number) {
    super(`Run ${runId} was cancelled`);
    this.name = "RunCancelledError";
  }
}
