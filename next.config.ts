import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden()/unauthorized() for role checks that answer 403 with our own page.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (CI runs it before the build); checking them again
  // inside every build doubles its time on a two-core machine.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
