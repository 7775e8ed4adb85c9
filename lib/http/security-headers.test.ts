import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, returnToPath, staticSecurityHeaders } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    // The service worker and the manifest come from the app itself, nowhere else.
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it("allows eval in development only, and upgrades requests over HTTPS only", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("staticSecurityHeaders", () => {
  it("sends HSTS over HTTPS only", () => {
    const names = (https: boolean) => staticSecurityHeaders({ https }).map(([name]) => name);
    expect(names(false)).toEqual(
      expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]),
    );
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(true)).toContain("Strict-Transport-Security");
  });
});

describe("createNonce", () => {
  it("is new every time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("returnToPath", () => {
  it("keeps the path and query, drops Next's _rsc parameter", () => {
    expect(returnToPath(new URL("http://app.test/admin/users?q=member&_rsc=1x2"))).toBe("/admin/users?q=member");
    expect(returnToPath(new URL("http://app.test/history/12"))).toBe("/history/12");
  });
});
