import { describe, expect, it } from "vitest";
import { clientAddress, isAddressOrBlock, normaliseAddress, trustedProxyList } from "./client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "192.168.1.5", "fd00::/8"]);

describe("client address", () => {
  it.each([
    ["the socket, with no proxy declared", { socketAddress: "203.0.113.7", forwardedFor: null }, none, "203.0.113.7"],
    [
      "the socket, ignoring a forged X-Forwarded-For when no proxy is declared",
      { socketAddress: "203.0.113.7", forwardedFor: "1.2.3.4" },
      none,
      "203.0.113.7",
    ],
    [
      "the socket, when the peer is not a declared proxy",
      { socketAddress: "198.51.100.9", forwardedFor: "1.2.3.4" },
      proxies,
      "198.51.100.9",
    ],
    ["the address a trusted proxy saw", { socketAddress: "10.1.2.3", forwardedFor: "203.0.113.7" }, proxies, "203.0.113.7"],
    [
      "the right-most untrusted hop through two proxies, not the client's forged prefix",
      { socketAddress: "10.1.2.3", forwardedFor: "6.6.6.6, 203.0.113.7, 192.168.1.5" },
      proxies,
      "203.0.113.7",
    ],
    ["IPv4 on a dual-stack socket as IPv4", { socketAddress: "::ffff:127.0.0.1", forwardedFor: null }, none, "127.0.0.1"],
    ["an IPv6 proxy's client", { socketAddress: "fd00::1", forwardedFor: "2001:db8::5" }, proxies, "2001:db8::5"],
    ["the proxy itself when it forwarded nothing", { socketAddress: "10.1.2.3", forwardedFor: null }, proxies, "10.1.2.3"],
    [
      "X-Forwarded-For's last entry without a socket (bare next start)",
      { socketAddress: undefined, forwardedFor: "203.0.113.7" },
      none,
      "203.0.113.7",
    ],
    ["unknown with nothing to go on", { socketAddress: undefined, forwardedFor: "garbage" }, none, "unknown"],
  ])("is %s", (_name, addresses, trusted, expected) => {
    expect(clientAddress(addresses, trusted)).toBe(expected);
  });

  it.each([
    ["10.0.0.0/8", true],
    ["192.168.1.5", true],
    ["fd00::/8", true],
    ["::1", true],
    ["10.0.0.0/33", false],
    ["10.0.0/8", false],
    ["proxy.internal", false],
    ["10.0.0.0/8/1", false],
  ])("reads %s as a valid TRUSTED_PROXIES entry: %s", (entry, valid) => {
    expect(isAddressOrBlock(entry)).toBe(valid);
  });

  it("normalises case and brackets", () => {
    expect(normaliseAddress(" [2001:DB8::1] ")).toBe("2001:db8::1");
  });
});
