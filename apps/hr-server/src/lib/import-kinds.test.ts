// The hand-off from pass 1 to pass 2: bounded (memory holds a few batches, not the file), and it never
// leaves pass 1 waiting for a reader that has stopped.
import { describe, expect, it } from 'vitest';
import { handOffQueue } from './import-kinds';

const tick = () => new Promise((r) => setImmediate(r));

describe('handOffQueue', () => {
  it('keeps the writer at most `capacity` items ahead, and hands every item over in order', async () => {
    const q = handOffQueue<number>(1);
    let put = 0;
    const writer = (async () => {
      for (let i = 1; i <= 5; i++) {
        await q.put(i);
        put = i;
      }
      q.close();
    })();
    await tick();
    // one waiting in the queue, the second put blocked until the reader takes one
    expect(put).toBe(1);
    const read: number[] = [];
    for await (const n of q) read.push(n);
    await writer;
    expect(read).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets pass 1 go on once the reader stopped, and makes the reader throw pass 1 failure', async () => {
    const q = handOffQueue<number>(1);
    await q.put(1);
    let done = false;
    const more = q.put(2).then(() => {
      done = true;
    });
    await tick();
    expect(done).toBe(false);
    q.abandon();
    await more;
    expect(done).toBe(true);
    await q.put(3); // returns at once: nobody reads any more

    const failing = handOffQueue<number>(1);
    failing.fail(new Error('broken file'));
    await expect(
      (async () => {
        for await (const _ of failing);
      })(),
    ).rejects.toThrow('broken file');
  });
});
