import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { MAX_WEBHOOK_ENDPOINTS, type WebhookEvent } from "@/lib/webhooks/events";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { env } from "@/server/env";
import { eventBody } from "./events";
import { deliverNow, type WebhookDeliveryOptions } from "./outbox";
import { newSigningSecret, sealSecret } from "./secrets";

/** How deliveries are made here: https only in production on PostgreSQL; private addresses when allowed. */
export function webhookSettings(): { requireHttps: boolean; allowPrivate: boolean } {
  const { NODE_ENV, DATABASE_URL, WEBHOOKS_ALLOW_PRIVATE } = env();
  return { requireHttps: NODE_ENV === "production" && Boolean(DATABASE_URL), allowPrivate: WEBHOOKS_ALLOW_PRIVATE };
}

/** Register an endpoint; the secret comes back once, and only its sealed form is kept. */
export async function createEndpoint(
  db: DbOrTx,
  userId: number,
  input: { url: string; events: WebhookEvent[] },
  keyMaterial?: string,
): Promise<{ id: number; secret: string }> {
  return db.transaction(async (tx) => {
    // Counted under the athlete's row lock: two forms sent at once cannot pass the limit together.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [{ n }] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId));
    if (n >= MAX_WEBHOOK_ENDPOINTS)
      throw new UserFacingError(`You have ${MAX_WEBHOOK_ENDPOINTS} endpoints already: delete one to add another.`, {
        field: "url",
      });
    const secret = newSigningSecret();
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ userId, url: input.url, events: [...new Set(input.events)], sealedSecret: sealSecret(secret, keyMaterial) })
      .returning({ id: webhookEndpoints.id });
    return { id: created.id, secret };
  });
}

export async function deleteEndpoint(db: DbOrTx, userId: number, endpointId: number): Promise<void> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw new NotFoundError("That endpoint");
}

/** Turn a switched-off endpoint back on: it receives new events from now (the dropped ones stay dropped). */
export async function enableEndpoint(db: DbOrTx, userId: number, endpointId: number): Promise<void> {
  const updated = await db
    .update(webhookEndpoints)
    .set({ disabledAt: null, disabledReason: null, failingSince: null })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (updated.length === 0) throw new NotFoundError("That endpoint");
}

/** The last deliveries each endpoint shows. */
export const RECENT_DELIVERIES = 10;

export async function listEndpoints(db: DbOrTx, userId: number) {
  const endpoints = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      createdAt: webhookEndpoints.createdAt,
      failingSince: webhookEndpoints.failingSince,
      lastSuccessAt: webhookEndpoints.lastSuccessAt,
      disabledAt: webhookEndpoints.disabledAt,
      disabledReason: webhookEndpoints.disabledReason,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.userId, userId))
    .orderBy(webhookEndpoints.id);
  if (endpoints.length === 0) return [];
  const deliveries = await Promise.all(
    endpoints.map((e) =>
      db
        .select({
          id: webhookDeliveries.id,
          eventId: webhookDeliveries.eventId,
          eventType: webhookDeliveries.eventType,
          status: webhookDeliveries.status,
          attempts: webhookDeliveries.attempts,
          responseStatus: webhookDeliveries.responseStatus,
          lastError: webhookDeliveries.lastError,
          createdAt: webhookDeliveries.createdAt,
          sentAt: webhookDeliveries.sentAt,
          nextAttemptAt: webhookDeliveries.nextAttemptAt,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, e.id))
        .orderBy(desc(webhookDeliveries.id))
        .limit(RECENT_DELIVERIES),
    ),
  );
  return endpoints.map((e, i) => ({ ...e, deliveries: deliveries[i] }));
}

export type EndpointView = Awaited<ReturnType<typeof listEndpoints>>[number];

/**
 * "Send test event": a `webhook.test` event queued like any other (so it is listed and retried) and sent
 * at once, so the athlete sees whether their receiver answered.
 */
export async function sendTestEvent(
  db: DbOrTx,
  userId: number,
  endpointId: number,
  options: WebhookDeliveryOptions,
): Promise<{ outcome: "sent" | "retrying" | "failed" | null; responseStatus: number | null; lastError: string | null }> {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)));
  if (!endpoint) throw new NotFoundError("That endpoint");
  if (endpoint.disabledAt) throw new UserFacingError("Turn the endpoint back on first.");
  const event = eventBody("webhook.test", { message: "A test event from Ironlog: your endpoint is reachable." });
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ endpointId, eventId: event.id, eventType: "webhook.test", body: event.body })
    .returning({ id: webhookDeliveries.id });
  const outcome = await deliverNow(db, delivery.id, options);
  const [after] = await db
    .select({ responseStatus: webhookDeliveries.responseStatus, lastError: webhookDeliveries.lastError })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, delivery.id));
  return { outcome, responseStatus: after?.responseStatus ?? null, lastError: after?.lastError ?? null };
}
