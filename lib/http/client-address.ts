import { BlockList, isIP } from "node:net";

/**
 * Which address a request came from, for throttling and the device list. The socket's peer is the
 * client unless it is a proxy the operator declared trusted; then the client is the right-most address
 * in X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it saw, so
 * entries to the left of the last trusted hop are whatever the client chose to send, and never trusted).
 */
export interface RequestAddresses {
  /** The TCP peer, when the server knows it; undefined under a bare `next start` or `next dev`. */
  socketAddress: string | undefined;
  /** The X-Forwarded-For header as the app received it. */
  forwardedFor: string | null;
}

/** An IPv4 address as IPv6 (`::ffff:1.2.3.4`, what Node reports on dual-stack sockets) reads as IPv4. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

/** An IP address or CIDR block (`10.0.0.0/8`, `fd00::/8`), as TRUSTED_PROXIES lists them. */
export function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, extra] = entry.trim().split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.trim().split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(normaliseAddress(address), type);
    else list.addSubnet(normaliseAddress(address), Number(prefix), type);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

export function clientAddress({ socketAddress, forwardedFor }: RequestAddresses, trusted: BlockList): string {
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map(normaliseAddress)
    .filter((a) => isIP(a) !== 0);
  // Without the socket (a bare `next start`), Next.js puts the peer in X-Forwarded-For when the client
  // sent none, so its last entry is the best guess; `npm start` serves through scripts/serve.mjs, which
  // passes the real socket address.
  const hops = socketAddress ? [...forwarded, normaliseAddress(socketAddress)] : forwarded;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (i === 0 || !isTrusted(hops[i], trusted)) return hops[i];
  }
  return "unknown";
}
