import { describe, expect, it } from 'vitest';
import { jsonArray, jsonArrayBuilder } from './json-rows';

describe('jsonArray', () => {
  it('writes the same JSON as bytes as JSON.stringify does as text (empty, escapes, 𠮷, large batches)', () => {
    const cases: object[][] = [
      [],
      [{}],
      [{ a: '𠮷野〜', b: 'x"y\\z\n', c: null, d: 1.5, e: { nested: ['配列'] } }],
      // rows of 3-byte characters only fill the reserved room exactly; the buffer must still grow
      Array.from({ length: 30_000 }, (_, i) => ({ s: '漢'.repeat(i % 97), i })),
    ];
    for (const rows of cases) {
      expect((jsonArray(rows, true) as Buffer).toString('utf8')).toBe(JSON.stringify(rows));
      expect(jsonArray(rows, false)).toBe(JSON.stringify(rows));
    }
  });

  it('builds the same JSON row by row, batch after batch, from one builder (text and bytes)', () => {
    const batches: object[][] = [
      [{ a: '𠮷野〜', n: null }],
      [],
      Array.from({ length: 5_000 }, (_, i) => ({ s: '漢'.repeat(i % 50), i })),
      [{ b: 'x"y\\z\n' }, {}],
    ];
    for (const binary of [true, false]) {
      const builder = jsonArrayBuilder(binary);
      for (const rows of batches) {
        for (const row of rows) builder.push(row);
        expect(builder.size).toBe(rows.length);
        const out = builder.take();
        expect(binary ? (out as Buffer).toString('utf8') : out).toBe(JSON.stringify(rows));
        expect(builder.size).toBe(0);
      }
    }
  });

  it('builds each batch in the space an earlier batch gave back, and never in one still held', () => {
    const builder = jsonArrayBuilder(true);
    const batch = (tag: string) => {
      for (let i = 0; i < 100; i++) builder.push({ tag, i });
      return builder.take() as Buffer;
    };
    const first = batch('a');
    const second = batch('b'); // first is still held: second is built elsewhere
    expect(second.buffer === first.buffer).toBe(false);
    const firstText = first.toString('utf8');
    builder.release(first);
    const third = batch('c');
    expect(third.buffer === first.buffer).toBe(true); // reused
    expect(third.toString('utf8')).toBe(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ tag: 'c', i }))));
    expect(second.toString('utf8')).toBe(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ tag: 'b', i }))));
    expect(firstText).toContain('"tag":"a"');
  });
});
