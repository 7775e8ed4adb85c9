import "server-only";
import { getDb } from "@/server/db";
import { startAppOutboxWorker, type OutboxWorker } from "@/server/outbox/worker";
import { WEBHOOK_OUTBOX } from "./events";
import { webhookSettings } from "./endpoints";
import { deliverPendingWebhooks } from "./outbox";

/** The process's webhook sender (server/outbox/worker.ts), started once at server start. */
export function startAppWebhookWorker(): OutboxWorker {
  const { allowPrivate } = webhookSettings();
  return startAppOutboxWorker({
    name: WEBHOOK_OUTBOX,
    round: async (limit) => deliverPendingWebhooks(await getDb(), { limit, allowPrivate }),
    // Receivers are the athletes' own: a short idle wait keeps "within seconds" true from any instance.
    idleMs: 2_000,
    perMinute: 600,
  });
}
