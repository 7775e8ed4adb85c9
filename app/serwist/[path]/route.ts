import { createSerwistRoute } from "@serwist/turbopack";

/**
 * /serwist/sw.js: the service worker (../sw.ts), bundled with the build's file list by Serwist at
 * build time. Serwist over a hand-written worker: it keeps the precache of the build's hashed files
 * (and drops a previous build's) with the revision bookkeeping a hand-made one gets wrong.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/serwist/sw.ts",
  useNativeEsbuild: true,
  // The worker is served from /serwist/ but looks after the whole app.
  esbuildOptions: {},
});
