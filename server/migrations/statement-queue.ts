/**
 * Runs groups of statements on one transaction strictly one after another. The engine queues the
 * next batch read while it classifies the current batch, so the database and this process work at
 * the same time; the queue keeps each group whole (a read or an item insert must never land inside
 * a dry run's savepoint, where rolling the savepoint back would undo it too).
 */
import "server-only";

export class StatementQueue {
  private tail: Promise<void> = Promise.resolve();
  private stopped: unknown = null;

  /** Queue a group. After a group fails (or `stop`), later groups are refused, not run. */
  run<T>(group: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      if (this.stopped) throw new Error("Not run: an earlier statement of this run failed.");
      return group();
    });
    this.tail = result.then(
      () => undefined,
      (error: unknown) => {
        this.stopped ??= error;
      },
    );
    // Whoever queued the group awaits it; a group nobody waits for any more must not crash the process.
    result.catch(() => {});
    return result;
  }

  /** Refuse every group not yet started, and wait for the one in flight, so the transaction can end. */
  async stop(): Promise<void> {
    this.stopped ??= new Error("stopped");
    await this.tail;
  }
}
