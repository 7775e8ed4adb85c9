import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnvironment } from "./env";

describe("TRUSTED_PROXIES", () => {
  it("is empty when unset: only the socket address counts", () => {
    expect(parseEnvironment({}).TRUSTED_PROXIES).toEqual([]);
  });

  it("reads a comma-separated list of addresses and CIDR blocks", () => {
    expect(parseEnvironment({ TRUSTED_PROXIES: " 10.0.0.0/8, 127.0.0.1 ,fd00::/8" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "127.0.0.1", "fd00::/8"]);
  });

  it("refuses a host name, naming the variable and the entry", () => {
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(ConfigurationError);
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(/TRUSTED_PROXIES.*"proxy\.internal" is not an IP address/);
  });
});
