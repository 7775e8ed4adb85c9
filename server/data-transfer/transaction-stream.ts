/**
 * Stream values produced inside one database transaction to a consumer outside it. Drizzle only
 * offers transactions as callbacks, while an HTTP download or a file write pulls chunks as it is
 * ready for them; this bridges the two with a one-chunk hand-off, so the producer reads at most one
 * batch ahead of the consumer, and stopping the consumer early rolls the transaction back.
 */
import "server-only";
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { deferred } from "@/lib/deferred";

class ConsumerStopped extends Error {
  constructor() {
    super("The consumer stopped reading; transaction rolled back.");
  }
}

export async function* yieldFromTransaction<T>(
  db: Db,
  config: PgTransactionConfig,
  produce: (tx: Tx) => AsyncIterable<T>,
): AsyncGenerator<T> {
  let stopped = false;
  let next = deferred<IteratorResult<T, undefined>>();
  let taken = deferred<void>();

  const finished = db
    .transaction(async (tx) => {
      for await (const value of produce(tx)) {
        next.resolve({ done: false, value });
        await taken.promise;
        if (stopped) throw new ConsumerStopped();
      }
    }, config)
    .then(
      () => next.resolve({ done: true, value: undefined }),
      (error: unknown) => next.reject(error),
    );

  try {
    for (;;) {
      const step = await next.promise;
      if (step.done) return;
      // Arm the next hand-off before releasing the producer, which then reads the next batch
      // while the consumer handles this one.
      next = deferred();
      const release = taken;
      taken = deferred();
      release.resolve();
      yield step.value;
    }
  } finally {
    stopped = true;
    taken.resolve();
    await finished;
  }
}
