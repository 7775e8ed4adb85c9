/**
 * The form that registers a webhook endpoint. The address rules are a plain function so that the form's
 * server check and its explanation agree; whether the address may be reached at all (not a private
 * network) is decided at connect time, after DNS (server/webhooks/deliver.ts).
 */
import { z } from "@/lib/zod";
import { WEBHOOK_EVENTS } from "./events";

export const MAX_ENDPOINT_URL_LENGTH = 2000;

/** Why an address cannot be an endpoint, in the athlete's words; undefined when it can. */
export function endpointUrlProblem(value: string, options: { requireHttps: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the full address, starting with https://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// address.";
  if (options.requireHttps && url.protocol !== "https:") return "Use an https:// address: events are only sent encrypted.";
  if (url.username || url.password) return "Leave the user name and password out of the address.";
  if (url.hash) return "Leave out the part after #.";
  return undefined;
}

const eventList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(WEBHOOK_EVENTS, "Choose from the listed events.")).min(1, "Choose at least one event."),
);

export function endpointSchema(options: { requireHttps: boolean }) {
  return z.object({
    url: z
      .string()
      .trim()
      .min(1, "Enter the address to send events to.")
      .max(MAX_ENDPOINT_URL_LENGTH, `Use at most ${MAX_ENDPOINT_URL_LENGTH} characters.`)
      .superRefine((value, ctx) => {
        const problem = endpointUrlProblem(value, options);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    events: eventList,
  });
}
