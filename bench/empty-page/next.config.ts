import type { NextConfig } from "next";

/**
 * The empty page's own configuration: Next's defaults. Without a file here Next would look upward and
 * build the fixture with Ironlog's next.config.ts (and, through it, Ironlog's proxy and instrumentation).
 */
const nextConfig: NextConfig = {};

export default nextConfig;
