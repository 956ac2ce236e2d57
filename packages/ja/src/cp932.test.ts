import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  cp932Unencodable,
  decodeText,
  decodeTextChunks,
  detectEncoding,
  encodeText,
  isCp932Equivalent,
  toCp932Form,
} from './cp932';

// Japanese text as offices type it: kana of both widths, JIS level 1/2 kanji, NEC/IBM extensions,
// the CP932 look-alikes, and characters CP932 lacks (𠮷, emoji, é)
const japanese = fc.string({
  unit: fc.oneof(
    fc.constantFrom('あ', 'ア', 'ｱ', 'ｶﾞ', '髙', '﨑', '①', 'ⅰ', '㈱', '〜', '−', '¥', '漢', '字', ',', '"', '\r\n'),
    fc.constantFrom('𠮷', '😀', 'é'),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  ),
});

describe('encodeText / decodeText', () => {
  it('round-trips Japanese text in UTF-8 with BOM and in CP932 (incl. NEC/IBM extensions)', () => {
    const text = 'コード,名称\r\n001,株式会社アクメ ①髙﨑㈱ ｶﾀｶﾅ\r\n';
    for (const encoding of ['utf8', 'cp932'] as const) {
      expect(decodeText(encodeText(text, encoding))).toEqual({ text, encoding });
    }
    expect(encodeText('a', 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(encodeText('a', 'utf8', { bom: false })).toEqual(Buffer.from('a'));
  });

  it('reads back from CP932 every text CP932 can hold, in its CP932 form', () => {
    fc.assert(
      fc.property(japanese, (s) => {
        const bytes = encodeText(s, 'cp932');
        if (cp932Unencodable(s) === '') {
          const back = iconv.decode(bytes, 'cp932');
          expect(back).toBe(toCp932Form(s));
          expect(isCp932Equivalent(back, s)).toBe(true);
        } else {
          // what cannot be held is named, never silently kept
          expect(iconv.decode(bytes, 'cp932')).not.toBe(toCp932Form(s));
        }
      }),
    );
  });

  it('never misreads valid UTF-8 as CP932, with or without BOM, whole or in chunks', () => {
    fc.assert(
      fc.property(fc.oneof(japanese, fc.string({ unit: 'grapheme' })), fc.integer({ min: 1, max: 7 }), (s, chunk) => {
        for (const bytes of [Buffer.from(s, 'utf8'), encodeText(s, 'utf8')]) {
          expect(detectEncoding(bytes).encoding).toBe('utf8');
          expect(decodeText(bytes).text).toBe(s);
          expect([...decodeTextChunks(bytes, chunk)].join('')).toBe(s);
        }
      }),
    );
  });

  it('reads CP932 in chunks that split a two-byte character like the whole file', () => {
    fc.assert(
      fc.property(japanese, fc.integer({ min: 1, max: 7 }), (s, chunk) => {
        const bytes = encodeText(s, 'cp932');
        expect([...decodeTextChunks(bytes, chunk)].join('')).toBe(decodeText(bytes).text);
      }),
    );
  });

  it('reads a Uint8Array (as PGlite returns bytea) like a Buffer', () => {
    const bytes = encodeText('社員番号,髙﨑', 'cp932');
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text: '社員番号,髙﨑', encoding: 'cp932' });
  });
});

describe('CP932 losses and look-alikes', () => {
  it('maps 〜 (U+301C) to ～ for CP932 instead of losing it', () => {
    expect(decodeText(encodeText('9:00〜18:00', 'cp932')).text).toBe('9:00～18:00');
  });

  it('names the characters a CP932 file would turn into 「?」, and only those', () => {
    expect(cp932Unencodable('𠮷野')).toBe('𠮷');
    expect(cp932Unencodable('😀 café 𠮷𠮷')).toBe('😀é𠮷');
    // JIS level 1/2, NEC/IBM extensions, half-width kana, the mapped look-alikes and a real 「?」 survive
    expect(cp932Unencodable('髙﨑①ⅰ㈱ｶﾀｶﾅ 9:00〜18:00 −‖¢£¬—¥‾ ?')).toBe('');
  });

  it('treats each documented CP932 pair as the same value, whatever iconv-lite reads back', () => {
    const pairs = ['〜～', '−－', '‖∥', '¢￠', '£￡', '¬￢', '—―', '¥\\', '‾~'];
    for (const [stored, fromFile] of pairs.map((p) => [...p] as [string, string])) {
      // the right-hand side is what a CP932 file of the left-hand side reads back as
      expect(decodeText(encodeText(`a${stored}b`, 'cp932')).text).toBe(`a${fromFile}b`);
      expect(isCp932Equivalent(`a${stored}b`, `a${fromFile}b`)).toBe(true);
    }
    expect(isCp932Equivalent('𠮷野', '?野')).toBe(false);
    expect(isCp932Equivalent('〜', '~')).toBe(false);
    expect(isCp932Equivalent(null, '')).toBe(false);
  });
});
