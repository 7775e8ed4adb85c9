import type { NextConfig } from "next";

/** The empty page's own configuration, so that none is looked for above it: Next's defaults. */
const nextConfig: NextConfig = {};

export default nextConfig;
