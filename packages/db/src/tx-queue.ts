// Statements of one transaction queued in order without the caller waiting on each, so Node can build
// the next batch while the database runs this one. One connection runs one statement at a time (pg 9
// refuses overlapping client.query calls), so the queue chains them; the first failure fails the rest.

export type TxQueue = {
  /** Runs `fn` after everything queued before it; rejects with the first failure of the queue. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Waits for everything queued; throws the first failure. */
  drain(): Promise<void>;
  /** Waits for everything queued, failed or not (before a rollback may use the connection). */
  settle(): Promise<void>;
};

export function txQueue(): TxQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  return {
    run(fn) {
      const p = tail.then(() => {
        if (failure) throw failure.error;
        return fn();
      });
      tail = p.catch((error) => {
        failure ??= { error };
      });
      // a caller that never awaits p still sees its failure through drain()
      p.catch(() => {});
      return p;
    },
    async drain() {
      await tail;
      if (failure) throw failure.error;
    },
    async settle() {
      await tail;
    },
  };
}
