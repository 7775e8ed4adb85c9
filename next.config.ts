import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden()/unauthorized() for role checks that answer 403 with our own page.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
