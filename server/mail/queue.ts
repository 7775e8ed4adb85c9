import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mailQueue, type MailQueueRow } from "@/db/schema";
import type { Mailer } from "./mailer";

/**
 * The mail queue: messages are rows (db/schema/mail.ts), written in the transaction that decides to
 * send them, and delivered later by `deliverPending`, which every app instance's worker calls
 * (server/mail/worker.ts) and tests call directly. A claim is one UPDATE over a `FOR UPDATE SKIP LOCKED`
 * selection, so two instances never claim the same message; it pushes `next_attempt_at` a lease ahead,
 * so a message whose sender died is claimed again once the lease runs out (sent at least once: SMTP
 * cannot promise more).
 */
export const MAIL_LEASE_MS = 10 * 60 * 1000;
/** Attempts before a message is `failed` and waits for an admin's retry. */
export const MAIL_MAX_ATTEMPTS = 3;
/** Wait before the 2nd and the 3rd attempt. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000];

export interface DeliveryResult {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time: shown to admins, retried only by hand. */
  failed: number;
}

/** Claim up to `limit` due messages for this sender. */
export async function claimDueMail(db: DbOrTx, options: { limit: number; now?: Date }): Promise<MailQueueRow[]> {
  // The database's clock unless told otherwise: rows are stamped with it (next_attempt_at's default), and an
  // app instance whose clock lags would otherwise leave fresh messages waiting.
  const now = options.now ?? new Date();
  const dueBy = options.now ? options.now : sql`now()`;
  const due = db
    .select({ id: mailQueue.id })
    .from(mailQueue)
    // A JavaScript Date holds milliseconds and the stamps microseconds: a row stamped later in the same
    // millisecond as `options.now` is due at it, so compare at the Date's precision.
    .where(
      and(
        inArray(mailQueue.status, ["pending", "sending"]),
        options.now
          ? sql`date_trunc('milliseconds', ${mailQueue.nextAttemptAt}) <= ${options.now.toISOString()}::timestamptz`
          : lte(mailQueue.nextAttemptAt, dueBy),
      ),
    )
    .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(mailQueue)
    .set({ status: "sending", attempts: sql`${mailQueue.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + MAIL_LEASE_MS) })
    .where(inArray(mailQueue.id, due))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * Send up to `limit` due messages, one after another (the worker's pace is the throttle), recording
 * each outcome on its row. Never throws for a failed delivery: the error is the row's `last_error`.
 */
export async function deliverPending(
  db: DbOrTx,
  mailer: Mailer,
  options: { limit: number; now?: () => Date },
): Promise<DeliveryResult> {
  const now = options.now ?? (() => new Date());
  const claimed = await claimDueMail(db, { limit: options.limit, now: options.now?.() });
  const result: DeliveryResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    try {
      await mailer.send({ to: message.toAddress, subject: message.subject, text: message.textBody });
      await db
        .update(mailQueue)
        .set({ status: "sent", sentAt: now(), lastError: null })
        .where(and(eq(mailQueue.id, message.id), eq(mailQueue.status, "sending")));
      result.sent += 1;
    } catch (error) {
      const lastError = describeFailure(error);
      const final = message.attempts >= MAIL_MAX_ATTEMPTS;
      const retryAt = new Date(now().getTime() + RETRY_DELAYS_MS[Math.min(message.attempts, RETRY_DELAYS_MS.length) - 1]);
      await db
        .update(mailQueue)
        .set(final ? { status: "failed", lastError } : { status: "pending", lastError, nextAttemptAt: retryAt })
        .where(and(eq(mailQueue.id, message.id), eq(mailQueue.status, "sending")));
      console.warn(
        `[mail] message ${message.id} to ${message.toAddress} not sent (attempt ${message.attempts} of ${MAIL_MAX_ATTEMPTS}, ${mailer.description}): ${lastError}`,
      );
      result[final ? "failed" : "retrying"] += 1;
    }
  }
  return result;
}

/** A failed message goes back in the queue, due now, with its attempts counted afresh. */
export async function retryFailedMail(db: DbOrTx, ids: number[], now = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  const retried = await db
    .update(mailQueue)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now })
    .where(and(inArray(mailQueue.id, ids), eq(mailQueue.status, "failed")))
    .returning({ id: mailQueue.id });
  return retried.length;
}

/** What an admin reads: the SMTP server's answer, one line, never a stack. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 500);
}
