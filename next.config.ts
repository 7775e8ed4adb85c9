import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files, and @node-rs/argon2 a native binary: loaded from node_modules, not
  // bundled. rate-limiter-flexible imports drizzle-orm by a computed name, which a bundle cannot resolve,
  // so drizzle-orm stays external too: one copy of its query builder for the app and the limiter.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible", "drizzle-orm"],
  experimental: {
    // forbidden()/unauthorized() for role checks that answer 403 with our own page.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
