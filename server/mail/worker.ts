import "server-only";
import type { Db } from "@/db/client";
import { startAppOutboxWorker, startOutboxWorker, wakeAppOutboxWorker, type OutboxWorker } from "@/server/outbox/worker";
import type { Mailer } from "./mailer";
import { deliverPending } from "./queue";

export interface MailWorkerOptions {
  db: () => Promise<Db>;
  mailer: Mailer;
  /** The throttle: at most this many messages a minute from this instance (SMTP providers refuse bursts). */
  perMinute?: number;
  batchSize?: number;
  idleMs?: number;
}

function mailWorkerOptions({ db, mailer, ...pace }: MailWorkerOptions) {
  return {
    name: "mail",
    round: async (limit: number) => deliverPending(await db(), mailer, { limit }),
    ...pace,
  };
}

/** The mail queue's background sender (server/outbox/worker.ts). */
export function startMailWorker(options: MailWorkerOptions): OutboxWorker {
  return startOutboxWorker(mailWorkerOptions(options));
}

/** The process's mail worker, started once. */
export function startAppMailWorker(options: MailWorkerOptions): OutboxWorker {
  return startAppOutboxWorker(mailWorkerOptions(options));
}

/** After enqueueing mail: this instance's worker looks now. */
export function wakeAppMailWorker(): void {
  wakeAppOutboxWorker("mail");
}
