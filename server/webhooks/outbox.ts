import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import { claimDue, claimOne, describeFailure, settleAttempt } from "@/server/outbox/queue";
import { DeliveryError, postSigned, type PostOptions } from "./deliver";
import { openSecret } from "./secrets";

/**
 * Sending queued webhook deliveries (server/outbox: claimed by one instance at a time, at least once).
 * A failed attempt is tried again with growing waits; an endpoint that has failed for a whole day,
 * with no success since, is switched off and its waiting deliveries are dropped, with the reason on the
 * athlete's profile. Receivers dedupe by the event id.
 */
export const WEBHOOK_LEASE_MS = 60_000;
/** Waits before the 2nd, 3rd, ... attempt: about a day in all. */
export const WEBHOOK_RETRY_DELAYS_MS = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 3_600_000,
  4 * 3_600_000,
  8 * 3_600_000,
  8 * 3_600_000,
];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
/** Failing this long with no success switches an endpoint off. */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * 3_600_000;

export interface WebhookDeliveryOptions extends PostOptions {
  now?: () => Date;
  /** What secrets are sealed under (AUTH_SECRET unless given). */
  keyMaterial?: string;
}

export interface WebhookRound {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** Send up to `limit` due deliveries, one after another; never throws for a failed delivery. */
export async function deliverPendingWebhooks(
  db: DbOrTx,
  options: WebhookDeliveryOptions & { limit: number },
): Promise<WebhookRound> {
  const now = options.now ?? (() => new Date());
  const claimed = await claimDue(db, webhookDeliveries, {
    limit: options.limit,
    leaseMs: WEBHOOK_LEASE_MS,
    now: options.now?.(),
  });
  const round: WebhookRound = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const delivery of claimed) {
    const outcome = await attempt(db, delivery, options, now);
    round[outcome] += 1;
  }
  return round;
}

/** Send one delivery at once (the athlete's "Send test event"); what became of it, or null if already taken. */
export async function deliverNow(
  db: DbOrTx,
  deliveryId: number,
  options: WebhookDeliveryOptions,
): Promise<"sent" | "retrying" | "failed" | null> {
  const now = options.now ?? (() => new Date());
  const delivery = await claimOne(db, webhookDeliveries, deliveryId, { leaseMs: WEBHOOK_LEASE_MS, now: options.now?.() });
  return delivery ? attempt(db, delivery, options, now) : null;
}

async function attempt(
  db: DbOrTx,
  delivery: WebhookDelivery,
  options: WebhookDeliveryOptions,
  now: () => Date,
): Promise<"sent" | "retrying" | "failed"> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.endpointId));
  if (!endpoint || endpoint.disabledAt) {
    await settleAttempt(db, webhookDeliveries, delivery.id, {
      sent: false,
      error: "Not sent: the endpoint is switched off.",
      retryAt: null,
    });
    return "failed";
  }
  let status: number | null = null;
  try {
    status = await postSigned(
      {
        url: endpoint.url,
        body: delivery.body,
        secret: openSecret(endpoint.sealedSecret, options.keyMaterial),
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        timestamp: Math.floor(now().getTime() / 1000),
      },
      options,
    );
    await db.transaction(async (tx) => {
      await settleAttempt(tx, webhookDeliveries, delivery.id, { sent: true, at: now(), columns: { responseStatus: status } });
      await tx
        .update(webhookEndpoints)
        .set({ lastSuccessAt: now(), failingSince: null })
        .where(eq(webhookEndpoints.id, endpoint.id));
    });
    return "sent";
  } catch (error) {
    if (error instanceof DeliveryError) status = error.status;
    const lastError = error instanceof DeliveryError ? error.message : describeFailure(error);
    const failingSince = endpoint.failingSince ?? now();
    const dead = now().getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
    const final = dead || delivery.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const retryAt = new Date(
      now().getTime() + WEBHOOK_RETRY_DELAYS_MS[Math.min(delivery.attempts, WEBHOOK_RETRY_DELAYS_MS.length) - 1],
    );
    await db.transaction(async (tx) => {
      await settleAttempt(tx, webhookDeliveries, delivery.id, {
        sent: false,
        error: lastError,
        retryAt: final ? null : retryAt,
        columns: { responseStatus: status },
      });
      if (dead) await switchOff(tx, endpoint.id, failingSince, lastError, now());
      else if (!endpoint.failingSince)
        await tx.update(webhookEndpoints).set({ failingSince }).where(eq(webhookEndpoints.id, endpoint.id));
    });
    return final ? "failed" : "retrying";
  }
}

/** The endpoint stops receiving; `failing_since` stays, so the profile can say since when it failed. */
async function switchOff(tx: DbOrTx, endpointId: number, failingSince: Date, lastError: string, at: Date) {
  await tx
    .update(webhookEndpoints)
    .set({ disabledAt: at, failingSince, disabledReason: lastError })
    .where(eq(webhookEndpoints.id, endpointId));
  await tx
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: "Not sent: the endpoint was switched off after a day of failures." })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, ["pending", "sending"])));
}
