import "server-only";
import type { BlockList } from "node:net";
import { clientAddress, trustedProxyList } from "@/lib/http/client-address";
import { env } from "@/server/env";

let trusted: BlockList | undefined;

/** The client's address for this request's headers (see lib/http/client-address.ts for the rule). */
export function requestClientAddress(headers: Headers): string {
  trusted ??= trustedProxyList(env().TRUSTED_PROXIES);
  return clientAddress(
    { socketAddress: headers.get("x-ironlog-socket-address") || undefined, forwardedFor: headers.get("x-forwarded-for") },
    trusted,
  );
}
