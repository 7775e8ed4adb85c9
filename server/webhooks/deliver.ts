import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/webhooks/signature";

/**
 * One HTTP attempt at a webhook delivery, guarded against server-side request forgery: the address is
 * checked when the connection is made, after DNS (request-filtering-agent refuses loopback, private,
 * link-local, CGNAT, unspecified and IPv4-mapped addresses, so a name that resolves to the metadata
 * service or a rebinding answer is refused too); redirects are never followed; the whole attempt has a
 * short deadline and the answer is read only up to a small cap (only its status matters).
 */
export interface PostOptions {
  /** Let deliveries reach private and loopback addresses (WEBHOOKS_ALLOW_PRIVATE: self-hosting, tests). */
  allowPrivate: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** How names are resolved (node's dns.lookup unless given): the address rules apply to its answers. */
  lookup?: LookupFunction;
}

export const DELIVERY_TIMEOUT_MS = 5_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export interface SignedDelivery {
  url: string;
  body: string;
  secret: string;
  eventId: string;
  eventType: string;
  /** Unix seconds: the signed timestamp. */
  timestamp: number;
}

/** POST the signed body; resolves with the 2xx status, or rejects with a DeliveryError in plain words. */
export function postSigned(delivery: SignedDelivery, options: PostOptions): Promise<number> {
  const url = new URL(delivery.url);
  const secure = url.protocol === "https:";
  const agentOptions = { allowPrivateIPAddress: options.allowPrivate, keepAlive: false };
  const agent = secure ? new RequestFilteringHttpsAgent(agentOptions) : new RequestFilteringHttpAgent(agentOptions);
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const cap = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  return new Promise<number>((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: "POST",
        agent,
        lookup: options.lookup,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(delivery.body),
          "User-Agent": "Ironlog-Webhooks/1",
          "Ironlog-Event-Id": delivery.eventId,
          "Ironlog-Event-Type": delivery.eventType,
          [SIGNATURE_HEADER]: signatureHeader(delivery.secret, delivery.body, delivery.timestamp),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > cap) response.destroy();
        });
        const settle = () => {
          clearTimeout(deadline);
          if (status >= 200 && status < 300) resolve(status);
          else if (status >= 300 && status < 400)
            reject(new DeliveryError(`Answered ${status}: redirects are not followed.`, status));
          else reject(new DeliveryError(`Answered ${status}.`, status));
        };
        response.on("end", settle);
        response.on("close", settle);
      },
    );
    const deadline = setTimeout(() => request.destroy(new DeliveryError(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error instanceof DeliveryError ? error : new DeliveryError(plainNetworkError(error)));
    });
    request.end(delivery.body);
  });
}

/** A connection failure in the athlete's words: never the library's own sentence. */
function plainNetworkError(error: Error & { code?: string }): string {
  if (/is not allowed/.test(error.message)) return "Refused: the address is on a private or reserved network.";
  switch (error.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "The address's host name was not found.";
    case "ECONNREFUSED":
      return "The connection was refused.";
    case "ECONNRESET":
      return "The connection was closed before an answer.";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return "The address's HTTPS certificate is not valid.";
    default:
      return "The connection failed.";
  }
}
