import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmployeeText, normalizePhone, normalizePostalCode } from './employee-rules';

const FULL = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const anyWidth = (d: string) => fc.constantFrom(d, FULL(d));
const digitsOf = (n: number) => fc.array(digit, { minLength: n, maxLength: n });
const spelled = (ds: string[]) => fc.tuple(...ds.map(anyWidth)).map((xs) => xs.join(''));

describe('normalizePostalCode', () => {
  it('turns every width, 〒 and dash variant of a valid code into 123-4567', () => {
    const variant = fc.tuple(digitsOf(3), digitsOf(4)).chain(([a, b]) =>
      fc.record({
        expected: fc.constant(`${a.join('')}-${b.join('')}`),
        text: fc
          .tuple(
            fc.constantFrom('', '〒', '〒 '),
            spelled(a),
            fc.constantFrom('', '-', 'ー', '－', '‐', '−', 'ｰ', '–'),
            spelled(b),
          )
          .map((p) => p.join('')),
      }),
    );
    fc.assert(
      fc.property(variant, ({ text, expected }) => {
        expect(normalizePostalCode(text)).toBe(expected);
        expect(checkEmployeeText('postalCode', text)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('refuses what is not seven digits', () => {
    for (const s of ['12-34567', '123456', '12345678', '123-456a', '〒', 'abc-defg', '123--4567'])
      expect(normalizePostalCode(s), s).toBeNull();
  });
});

describe('normalisation is idempotent', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 20 });
  const kanaText = fc.string({
    unit: fc.constantFrom('ｻ', 'ﾄ', 'ｳ', 'ｶ', 'ﾞ', 'ﾟ', 'ﾊ', 'ｰ', 'さ', 'サ', 'ー', ' ', '　', 'ｧ', '･'),
    maxLength: 12,
  });
  const phoneText = fc.string({
    unit: fc.constantFrom('0', '３', '-', 'ー', '－', '(', '（', ')', '+', '＋', '1'),
    maxLength: 16,
  });

  it('postal codes, phones and every text field: checking a stored value again changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(phoneText, text), (s) => {
        const p = normalizePhone(s);
        if (p !== null) expect(normalizePhone(p)).toBe(p);
        const z = normalizePostalCode(s);
        if (z !== null) expect(normalizePostalCode(z)).toBe(z);
      }),
    );
    const fields = ['lastNameKana', 'postalCode', 'phone', 'email', 'loginId', 'lastName'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(kanaText, phoneText, text), (field, s) => {
        const once = checkEmployeeText(field, s);
        if (once.ok && once.value !== null) expect(checkEmployeeText(field, once.value)).toEqual(once);
      }),
    );
  });

  it('phones: digits with hyphens, parentheses and + after width folding, nothing else', () => {
    expect(normalizePhone('０３－１２３４－５６７８')).toBe('03-1234-5678');
    expect(normalizePhone('（03）1234ー5678')).toBe('(03)1234-5678');
    expect(normalizePhone('+81-90-1234-5678')).toBe('+81-90-1234-5678');
    for (const s of ['abc', '03-1234-abcd', '03 1234 5678', '--', '1+2']) expect(normalizePhone(s), s).toBeNull();
  });
});
