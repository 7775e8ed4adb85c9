/**
 * What an athlete's webhook endpoint can be told. The payload of each is described in docs/webhooks.md;
 * `webhook.test` is what "Send test event" delivers, to every endpoint whatever it subscribed to.
 */
export const WEBHOOK_EVENTS = ["workout.finished", "workout.updated", "workout.deleted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type WebhookEventType = WebhookEvent | "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "workout.finished": "A workout is finished",
  "workout.updated": "A finished workout is changed",
  "workout.deleted": "A finished workout is deleted",
};

/** At most this many endpoints per athlete: enough for a spreadsheet, a coach and a bridge. */
export const MAX_WEBHOOK_ENDPOINTS = 5;
