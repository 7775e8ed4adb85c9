import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * An athlete's webhook endpoints (server/webhooks/): where to send which workout events. The signing
 * secret is needed to sign every delivery, so it cannot be hashed like a reset token: it is sealed with a
 * key derived from AUTH_SECRET (server/webhooks/secrets.ts), so a copy of this table signs nothing.
 * An endpoint failing for a day is switched off (`disabled_at`, with the reason shown on the profile).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    sealedSecret: text("sealed_secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // The first failure since the last success: a day of failures switches the endpoint off.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const deliveryStatus = pgEnum("delivery_status", DELIVERY_STATUSES);

/**
 * Webhook deliveries: an outbox like the mail queue (server/outbox/queue.ts claims both the same way),
 * written in the transaction that finishes, changes or deletes the workout, so an event is never told
 * for a change that rolled back nor lost for one that committed. The body is kept as sent: every attempt
 * signs the same bytes, and receivers dedupe by `event_id`.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    body: text("body").notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    // The receiver's HTTP status on the last attempt (NULL when it never answered).
    responseStatus: smallint("response_status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} IN ('pending', 'sending')`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
