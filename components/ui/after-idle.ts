/**
 * Runs `work` once the browser has painted and has nothing more urgent to do (requestIdleCallback,
 * where the browser has it; Safari does not, so a timeout after the next frame there). Work that is not
 * needed for the page's first screen (a chart, the code of a dialog) starts here, so it never delays
 * the page becoming usable. Returns a function that cancels it.
 */
export function afterIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    if (timer) clearTimeout(timer);
  };
}
