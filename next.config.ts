import type { NextConfig } from "next";
import { PROXY_BODY_COPY_LIMIT, SERVER_ACTION_BODY_LIMIT } from "./lib/http/limits";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files, and @node-rs/argon2 a native binary: loaded from node_modules, not
  // bundled. rate-limiter-flexible imports drizzle-orm by a computed name, which a bundle cannot resolve,
  // so drizzle-orm stays external too: one copy of its query builder for the app and the limiter.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible", "drizzle-orm"],
  experimental: {
    // forbidden()/unauthorized() for role checks that answer 403 with our own page.
    authInterrupts: true,
    // Set on purpose (see lib/http/limits.ts); proxy.ts answers a larger action with a readable 413.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: PROXY_BODY_COPY_LIMIT,
  },
  poweredByHeader: false,
  // The proxy sets every header (the CSP with its nonce included) on everything else.
  async headers() {
    const headers = staticSecurityHeaders({ https: false }).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/:path*", headers },
      // The history upload route is outside the proxy (it streams large bodies): a JSON answer needs no scripts.
      {
        source: "/api/history/import",
        headers: [...headers, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
