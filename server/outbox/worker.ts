import "server-only";

export interface OutboxWorkerOptions {
  /** What the worker is called in the log: "mail", "webhooks". */
  name: string;
  /** One round: claim and send up to `batchSize` items; says how many it claimed. */
  round: (batchSize: number) => Promise<{ claimed: number }>;
  /** The throttle: at most this many items a minute from this instance. */
  perMinute?: number;
  /** How many items one round claims. */
  batchSize?: number;
  /** How long an idle worker waits before looking again (a wake() cuts it short). */
  idleMs?: number;
}

export interface OutboxWorker {
  /** Look at the outbox now instead of at the end of the idle wait (called after enqueueing). */
  wake(): void;
  /** Finish the item in hand, then stop; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * The background sender each app instance runs for one outbox (started by instrumentation.ts through
 * server/startup.ts): rounds of claiming and sending, paced so that a thousand items go out at
 * `perMinute`, never in a burst a provider would refuse, and never in a request. Its timers are unref'd,
 * so it never keeps a process alive; a failed round (the database restarting, say) is logged and the next
 * one comes after the idle wait.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const perMinute = options.perMinute ?? 120;
  const batchSize = options.batchSize ?? 10;
  const idleMs = options.idleMs ?? 5_000;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped || pendingWake) {
        pendingWake = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const loop = (async () => {
    while (!stopped) {
      let wait = idleMs;
      try {
        const round = await options.round(batchSize);
        // A full round means more is waiting: come back as soon as the throttle allows.
        if (round.claimed === batchSize) wait = Math.ceil((round.claimed * 60_000) / perMinute);
      } catch (error) {
        console.error(`[${options.name}] delivery round failed; trying again shortly:`, error);
      }
      await pause(wait);
    }
  })();

  return {
    wake() {
      if (wakeUp) wakeUp();
      else pendingWake = true;
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}

const globalForWorkers = globalThis as typeof globalThis & { __ironlogOutboxWorkers?: Map<string, OutboxWorker> };

/** The process's worker for one outbox, started once (a second call, as `next dev` may make, keeps the first). */
export function startAppOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const workers = (globalForWorkers.__ironlogOutboxWorkers ??= new Map());
  if (!workers.has(options.name)) workers.set(options.name, startOutboxWorker(options));
  return workers.get(options.name)!;
}

/** After enqueueing: this instance's worker looks now. Another instance's finds it within its idle wait. */
export function wakeAppOutboxWorker(name: string): void {
  globalForWorkers.__ironlogOutboxWorkers?.get(name)?.wake();
}
