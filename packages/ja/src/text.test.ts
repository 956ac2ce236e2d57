import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  displayWidth,
  durationParts,
  formatDateTime,
  formatDateTimeWeekday,
  formatDateWithWeekday,
  formatDayTime,
  formatDuration,
  formatSince,
  formatTimeSpan,
  isKana,
  KANJI_VARIANTS,
  todayInJapan,
  toFullWidthKana,
  toKatakana,
  toSearchForm,
} from './text';

const hiragana = fc.string({
  unit: fc.integer({ min: 0x3041, max: 0x3093 }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 12,
});

describe('toSearchForm', () => {
  it('folds each 異体字 of the table to the form searched in, and that form to itself', () => {
    for (const [variant, plain] of KANJI_VARIANTS) {
      expect(toSearchForm(`${variant}田 花子`)).toBe(`${plain}田花子`);
      expect(toSearchForm(plain)).toBe(plain);
    }
    expect(toSearchForm('髙橋')).toBe(toSearchForm('高橋'));
    expect(toSearchForm('斉藤')).not.toBe(toSearchForm('斎藤'));
  });

  it('leaves every kanji outside the table as it was', () => {
    const variants = new Set(KANJI_VARIANTS.map(([v]) => v));
    const unfolded = (s: string) =>
      toKatakana(s.normalize('NFKC'))
        .toLowerCase()
        .replace(/[\s\u3000]+/g, '');
    const kanji = fc
      .integer({ min: 0x4e00, max: 0x9fff })
      .map((c) => String.fromCodePoint(c))
      .filter((c) => !variants.has(c));
    fc.assert(
      fc.property(fc.array(kanji, { minLength: 1, maxLength: 8 }), (cs) => {
        expect(toSearchForm(cs.join(''))).toBe(unfolded(cs.join('')));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds 「ｻﾄｳ」「さとう」「サトウ」 as the same', () => {
    expect(new Set(['ｻﾄｳ', 'さとう', 'サトウ', 'サ トウ', 'さ　とう'].map(toSearchForm))).toEqual(new Set(['サトウ']));
    expect(toSearchForm('ｶﾞｯｺｳ')).toBe('ガッコウ');
    expect(toSearchForm('ＹＡＭＡＤＡ　Taro')).toBe('yamadataro');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(toSearchForm(toSearchForm(s))).toBe(toSearchForm(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('makes any hiragana equal to its katakana and to its half-width katakana', () => {
    fc.assert(
      fc.property(hiragana, (h) => {
        const kata = toKatakana(h);
        expect(toSearchForm(h)).toBe(toSearchForm(kata));
        const halfWidth = kata.normalize('NFKC'); // stays full-width: NFKC never narrows
        expect(toSearchForm(halfWidth)).toBe(toSearchForm(kata));
      }),
    );
  });

  it('keeps a partial match a partial match after normalising', () => {
    fc.assert(
      fc.property(hiragana, hiragana, hiragana, (a, b, c) => {
        expect(toSearchForm(toKatakana(a + b + c)).includes(toSearchForm(b))).toBe(true);
      }),
    );
  });
});

describe('isKana', () => {
  it('accepts hiragana, katakana of both widths and spaces; refuses kanji and latin', () => {
    for (const ok of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'やまだ たろう', 'ヴァイオリン', 'ローマ'])
      expect(isKana(ok)).toBe(true);
    for (const bad of ['山田', 'yamada', 'やまだ1', '']) expect(isKana(bad)).toBe(false);
  });
});

describe('durations as the seed shows them', () => {
  it('prints 「2022/02/20 (3年1か月)」', () => {
    expect(formatSince('2022-02-20', '2025-04-15')).toBe('2022/02/20 (3年1か月)');
    expect(formatDuration('2025-04-01', '2025-04-30')).toBe('0か月');
    expect(formatDuration('2024-01-31', '2024-02-29')).toBe('0か月');
    expect(formatDuration('2024-01-31', '2025-01-31')).toBe('1年0か月');
    expect(durationParts('2022-02-20', '2025-04-15')).toEqual({ years: 3, months: 1 });
    expect(durationParts('2030-01-01', '2025-04-15')).toEqual({ years: 0, months: 0 }); // a future start
  });

  it('uses the Japanese calendar day', () => {
    expect(todayInJapan(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-26');
    expect(todayInJapan(new Date('2026-11-25T14:59:00Z'))).toBe('2026-11-25');
  });
});

describe('formatDateTime', () => {
  it('shows Japan time, zero-padded, whatever the process zone (18:49 UTC is 03:49 the next day)', () => {
    expect(formatDateTime('2026-12-01T18:49:50.000Z')).toBe('2026/12/02 03:49:50');
    expect(formatDateTime('2026-01-04T15:00:07Z')).toBe('2026/01/05 00:00:07');
    expect(formatDateTime('2026-12-31T15:00:00Z')).toBe('2027/01/01 00:00:00');
    expect(formatDateTime(null)).toBe('-');
  });
});

describe('formatDateTimeWeekday', () => {
  it('shows the day of the week of the Japanese date (04:00 UTC on Tuesday is 13:00 火)', () => {
    expect(formatDateTimeWeekday('2026-12-01T04:00:00Z')).toBe('2026/12/01 (火) 13:00');
    expect(formatDateTimeWeekday('2026-12-05T15:30:00Z')).toBe('2026/12/06 (日) 00:30');
    expect(formatDateTimeWeekday(undefined)).toBe('-');
  });
});

describe('toFullWidthKana', () => {
  const kanaText = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0xff61, max: 0xff9f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x3041, max: 0x30fc }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(' ', '　', 'a', '1', '漢'),
    ),
  });
  it('turns half-width kana full-width once, and leaves hiragana, katakana and the rest as typed', () => {
    fc.assert(
      fc.property(kanaText, (s) => {
        const once = toFullWidthKana(s);
        expect(toFullWidthKana(once)).toBe(once);
        expect(once).not.toMatch(/[\uFF61-\uFF9F]/);
        expect(once.replace(/[\u3000-\u30ff]/g, '')).toBe(s.replace(/[\u3000-\u30ff\uff61-\uff9f]/g, ''));
      }),
    );
    expect(toFullWidthKana('ｻﾄｳ ｶﾞｸ')).toBe('サトウ ガク');
    expect(toFullWidthKana('さとう　サトウ')).toBe('さとう　サトウ');
  });
});

describe('displayWidth', () => {
  it('counts half-width characters as one column and full-width ones as two', () => {
    expect(displayWidth('ABC')).toBe(3);
    expect(displayWidth('ｻﾄｳ')).toBe(3);
    expect(displayWidth('佐藤　花子')).toBe(10);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(displayWidth(a + b)).toBe(displayWidth(a) + displayWidth(b));
      }),
    );
  });
});

describe('formatTimeSpan / formatDayTime (研修の開催日時, in Japan time with the weekday)', () => {
  it('shows one day with its weekday and both times', () => {
    expect(formatTimeSpan('2026-12-01T04:00:00Z', '2026-12-01T08:00:00Z')).toBe('2026/12/01 (火) 13:00–17:00');
    expect(formatDayTime('2026-11-24T08:00:00Z')).toBe('2026/11/24 (火) 17:00');
  });
  it('names both days when a span crosses midnight in Japan', () => {
    expect(formatTimeSpan('2026-12-06T00:00:00Z', '2026-12-07T08:00:00Z')).toBe(
      '2026/12/06 (日) 09:00 – 2026/12/07 (月) 17:00',
    );
    // 23:30 UTC is already the next day in Japan
    expect(formatDayTime('2026-11-30T23:30:00Z')).toBe('2026/12/01 (火) 08:30');
  });
});

describe('days with their weekday (応対記録, the profile sheet)', () => {
  it('shows 2026/12/01 (火) and walks the calendar across months and leap days', () => {
    expect(formatDateWithWeekday('2026-12-01')).toBe('2026/12/01 (火)');
    expect(formatDateWithWeekday('2025-04-15')).toBe('2025/04/15 (火)');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
  it('adding and taking away the same number of days comes back to the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (n, d) => {
        const day = addDays('1990-01-01', n);
        expect(addDays(addDays(day, d), -d)).toBe(day);
      }),
    );
  });
});
