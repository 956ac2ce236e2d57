import { detectEncoding } from '@jinji/ja/cp932';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCsv, findCp932Losses, parseCsv, streamCsv } from './csv';
import { escapeFormula, unescapeFormula } from './formula';

describe('csv', () => {
  it('round-trips Japanese text in UTF-8 with BOM and in CP932 (incl. NEC/IBM extensions)', () => {
    const rows = [
      ['コード', '名称'],
      ['001', '株式会社アクメ ①髙﨑㈱ ｶﾀｶﾅ'],
      ['002', '改行を\r\n含む"セル"'],
    ];
    for (const encoding of ['utf8', 'cp932'] as const) {
      const bytes = encodeCsv(rows, encoding);
      expect(detectEncoding(bytes).encoding).toBe(encoding);
      expect(parseCsv(bytes)).toEqual(rows);
    }
    expect(encodeCsv([['a']], 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads a Uint8Array (as PGlite returns bytea) like a Buffer', () => {
    const bytes = encodeCsv([['番号', '髙﨑']], 'utf8');
    expect(parseCsv(new Uint8Array(bytes))).toEqual([['番号', '髙﨑']]);
  });

  it('maps 〜 (U+301C) to ～ for CP932 instead of losing it', () => {
    expect(parseCsv(encodeCsv([['9:00〜18:00']], 'cp932'))).toEqual([['9:00～18:00']]);
  });

  it('lists each lossy cell with its file line, header and key column', async () => {
    const batches = (async function* () {
      yield [['S1', '山田', '1〜2']];
      yield [
        ['S2', '𠮷野', null],
        ['S3', '佐藤', 'Café'],
      ];
    })();
    expect(await findCp932Losses(['番号', '氏名', '住所'], batches, 0)).toEqual({
      cells: [
        { row: 3, column: '氏名', key: 'S2', characters: '𠮷' },
        { row: 4, column: '住所', key: 'S3', characters: 'é' },
      ],
      total: 2,
    });
  });

  it('escapes every cell that starts like a formula, and only those', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeFormula(s);
        if (/^[=+\-@\t\r\0]/.test(s)) expect(out).toBe(`'${s}`);
        else expect(out).toBe(s);
        // what we escaped comes back as it was (a value already starting with 'x is the user's own)
        if (!/^'[=+\-@\t\r\0]/.test(s)) expect(unescapeFormula(out)).toBe(s);
      }),
    );
    expect(parseCsv(encodeCsv([['=1+2', '@SUM(A1)', '-3', '+x', 'ok']], 'utf8'))).toEqual([
      ["'=1+2", "'@SUM(A1)", "'-3", "'+x", 'ok'],
    ]);
  });
});

describe('streamCsv', () => {
  it('streams batches into one file: one BOM, one header, every row, CP932 or UTF-8', async () => {
    for (const encoding of ['utf8', 'cp932'] as const) {
      const batches = (async function* () {
        yield [['1', '髙橋']];
        yield [];
        yield [
          ['2', '=1+1'],
          ['3', '〜'],
        ];
      })();
      const chunks: Buffer[] = [];
      for await (const c of streamCsv(['番号', '氏名'], batches, encoding)) chunks.push(c as Buffer);
      const file = Buffer.concat(chunks);
      const boms = file.toString('latin1').split('\u00ef\u00bb\u00bf').length - 1;
      expect(boms).toBe(encoding === 'utf8' ? 1 : 0);
      expect(parseCsv(file)).toEqual([
        ['番号', '氏名'],
        ['1', '髙橋'],
        ['2', "'=1+1"],
        ['3', encoding === 'utf8' ? '〜' : '～'],
      ]);
    }
  });
});
