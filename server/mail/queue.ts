import "server-only";
import type { DbOrTx } from "@/db/client";
import { mailQueue, type MailQueueRow } from "@/db/schema";
import { claimDue, describeFailure, retryFailed, settleAttempt } from "@/server/outbox/queue";
import type { Mailer } from "./mailer";

/**
 * The mail queue: messages are rows (db/schema/mail.ts) in the app's outbox (server/outbox/queue.ts:
 * claimed under SKIP LOCKED with a lease, so sent at least once by whichever instance), written in the
 * transaction that decides to send them, and delivered later by `deliverPending`, which every app
 * instance's worker calls (server/mail/worker.ts) and tests call directly.
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
export function claimDueMail(db: DbOrTx, options: { limit: number; now?: Date }): Promise<MailQueueRow[]> {
  return claimDue(db, mailQueue, { ...options, leaseMs: MAIL_LEASE_MS });
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
      await settleAttempt(db, mailQueue, message.id, { sent: true, at: now() });
      result.sent += 1;
    } catch (error) {
      const lastError = describeFailure(error);
      const final = message.attempts >= MAIL_MAX_ATTEMPTS;
      const retryAt = new Date(now().getTime() + RETRY_DELAYS_MS[Math.min(message.attempts, RETRY_DELAYS_MS.length) - 1]);
      await settleAttempt(db, mailQueue, message.id, { sent: false, error: lastError, retryAt: final ? null : retryAt });
      console.warn(
        `[mail] message ${message.id} to ${message.toAddress} not sent (attempt ${message.attempts} of ${MAIL_MAX_ATTEMPTS}, ${mailer.description}): ${lastError}`,
      );
      result[final ? "failed" : "retrying"] += 1;
    }
  }
  return result;
}

/** A failed message goes back in the queue, due now, with its attempts counted afresh. */
export function retryFailedMail(db: DbOrTx, ids: number[], now = new Date()): Promise<number> {
  return retryFailed(db, mailQueue, ids, now);
}
