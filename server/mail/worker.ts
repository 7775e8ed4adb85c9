import "server-only";
import type { Db } from "@/db/client";
import type { Mailer } from "./mailer";
import { deliverPending } from "./queue";

export interface MailWorkerOptions {
  db: () => Promise<Db>;
  mailer: Mailer;
  /** The throttle: at most this many messages a minute from this instance. */
  perMinute?: number;
  /** How many messages one round claims. */
  batchSize?: number;
  /** How long an idle worker waits before looking again (a wake() cuts it short). */
  idleMs?: number;
}

export interface MailWorker {
  /** Look at the queue now instead of at the end of the idle wait (called after enqueueing). */
  wake(): void;
  /** Finish the message in hand, then stop; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * The background sender each app instance runs (started by instrumentation.ts through
 * server/startup.ts): rounds of `deliverPending`, paced so that a thousand recipients go out at
 * `perMinute`, never in a burst that an SMTP provider would refuse, and never in a request. Its timers
 * are unref'd, so it never keeps a process alive; a failed round (the database restarting, say) is
 * logged and the next one comes after the idle wait.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
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
        const round = await deliverPending(await options.db(), options.mailer, { limit: batchSize });
        // A full round means more is waiting: come back as soon as the throttle allows.
        if (round.claimed === batchSize) wait = Math.ceil((round.claimed * 60_000) / perMinute);
      } catch (error) {
        console.error("[mail] delivery round failed; trying again shortly:", error);
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

const globalForWorker = globalThis as typeof globalThis & { __ironlogMailWorker?: MailWorker };

/** The process's worker, started once (a second call, as `next dev` may make, keeps the first). */
export function startAppMailWorker(options: MailWorkerOptions): MailWorker {
  globalForWorker.__ironlogMailWorker ??= startMailWorker(options);
  return globalForWorker.__ironlogMailWorker;
}

/** After enqueueing: this instance's worker looks now. Another instance's finds it within its idle wait. */
export function wakeAppMailWorker(): void {
  globalForWorker.__ironlogMailWorker?.wake();
}
