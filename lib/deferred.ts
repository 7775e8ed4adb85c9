/**
 * A promise with its resolve and reject exposed, for handing a value from one callback to another
 * (Promise.withResolvers, which Node 20 lacks). A rejection nobody awaits does not crash the
 * process: whoever awaits `promise` still receives it.
 */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
