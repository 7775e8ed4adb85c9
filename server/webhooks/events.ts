import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { WebhookEvent, WebhookEventType } from "@/lib/webhooks/events";
import { wakeAppOutboxWorker } from "@/server/outbox/worker";
import { getWorkout } from "@/server/api-v1/workout-read";

/** An event as delivered: `data.workout` is the workout as /api/v1 shows it (lib/api/workout.ts). */
interface WebhookEventBody {
  id: string;
  type: WebhookEventType;
  created_at: string;
  data: Record<string, unknown>;
}

export const WEBHOOK_OUTBOX = "webhooks";

/** The exact bytes an event is delivered as (and signed over), on every attempt. */
export function eventBody(type: WebhookEventType, data: Record<string, unknown>, at = new Date()): { id: string; body: string } {
  const event: WebhookEventBody = { id: randomUUID(), type, created_at: at.toISOString(), data };
  return { id: event.id, body: JSON.stringify(event) };
}

/**
 * Queue a workout event for each of the athlete's endpoints that asked for it, in the caller's
 * transaction (the change and its event commit together). Returns how many deliveries were queued;
 * the caller wakes the worker once the transaction has committed (`wakeWebhookWorker`).
 */
export async function enqueueWorkoutEvent(
  tx: DbOrTx,
  userId: number,
  workout: { id: number; uid: string },
  type: WebhookEvent,
): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.userId, userId),
        isNull(webhookEndpoints.disabledAt),
        sql`${type} = ANY(${webhookEndpoints.events})`,
      ),
    );
  if (endpoints.length === 0) return 0;
  // The workout as it stands in this transaction; only its identity once deleted.
  const data =
    type === "workout.deleted"
      ? { workout: { id: workout.id, uid: workout.uid } }
      : { workout: await getWorkout(tx, userId, workout.id) };
  const event = eventBody(type, data);
  await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((e) => ({ endpointId: e.id, eventId: event.id, eventType: type, body: event.body })));
  return endpoints.length;
}

/** After a commit that queued events: this instance's worker sends them now; another's within its idle wait. */
export function wakeWebhookWorker(queued: number): void {
  if (queued > 0) wakeAppOutboxWorker(WEBHOOK_OUTBOX);
}
