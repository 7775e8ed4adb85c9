/**
 * Next runs register() once as a server process starts, before its first request. NEXT_RUNTIME is
 * set by Next itself (not configuration), so it is read here rather than through server/env.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("@/server/startup");
  await startServerProcess();
}
