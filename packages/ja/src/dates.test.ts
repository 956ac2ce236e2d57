import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS, excelSerialToIso, parseJapaneseDate, toWareki } from './dates';

const ok = (s: string) => {
  const r = parseJapaneseDate(s);
  return r.ok ? r.date : `ERR ${r.message}`;
};

const isoDate = fc
  .date({ min: new Date('1868-10-23T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parseJapaneseDate', () => {
  it('reads the forms Japanese spreadsheets use', () => {
    expect(ok('1985/04/01')).toBe('1985-04-01');
    expect(ok('1985-4-1')).toBe('1985-04-01');
    expect(ok('19850401')).toBe('1985-04-01');
    expect(ok('１９８５／０４／０１')).toBe('1985-04-01');
    expect(ok('1985年4月1日')).toBe('1985-04-01');
    expect(ok('昭和60年4月1日')).toBe('1985-04-01');
    expect(ok('S60.4.1')).toBe('1985-04-01');
    expect(ok('s60/4/1')).toBe('1985-04-01');
    expect(ok('R7/1/1')).toBe('2025-01-01');
    expect(ok('平成元年4月1日')).toBe('1989-04-01');
    expect(ok('令和元年5月1日')).toBe('2019-05-01');
    expect(ok('31138')).toBe('1985-04-01'); // Excel serial
    expect(ok('45748')).toBe('2025-04-01');
  });

  it('refuses impossible dates with the input quoted and says why', () => {
    expect(ok('1985/13/01')).toBe('ERR 日付として読めません「1985/13/01」（月は1〜12で入力してください）');
    expect(ok('2023/02/29')).toBe('ERR 日付として読めません「2023/02/29」（2023年2月は28日まで）');
    expect(ok('2024/02/29')).toBe('2024-02-29');
    expect(ok('20230431')).toBe('ERR 日付として読めません「20230431」（2023年4月は30日まで）');
    expect(ok('昭和65年1月1日')).toBe('ERR 和暦の日付が正しくありません「昭和65年1月1日」（昭和は64年1月7日まで）');
    expect(ok('昭和64年1月8日')).toBe('ERR 和暦の日付が正しくありません「昭和64年1月8日」（昭和は64年1月7日まで）');
    expect(ok('昭和64年1月7日')).toBe('1989-01-07');
    expect(ok('平成31年5月1日')).toBe('ERR 和暦の日付が正しくありません「平成31年5月1日」（平成は31年4月30日まで）');
    expect(ok('令和元年4月30日')).toBe('ERR 和暦の日付が正しくありません「令和元年4月30日」（令和は2019年5月1日から）');
    expect(ok('平成元年1月7日')).toBe('ERR 和暦の日付が正しくありません「平成元年1月7日」（平成は1989年1月8日から）');
    expect(ok('平成2年2月30日')).toBe('ERR 和暦の日付が正しくありません「平成2年2月30日」（平成2年2月は28日まで）');
    expect(ok('令和元年6月31日')).toBe('ERR 和暦の日付が正しくありません「令和元年6月31日」（令和元年6月は30日まで）');
    expect(ok('H4.2.30')).toBe('ERR 和暦の日付が正しくありません「H4.2.30」（平成4年2月は29日まで）');
    expect(ok('令和0年5月1日')).toBe(
      'ERR 和暦の日付が正しくありません「令和0年5月1日」（令和の1年目は「元年」または「1年」です）',
    );
    expect(ok('令和1年5月1日')).toBe('2019-05-01');
    expect(ok('R13/13/1')).toBe('ERR 和暦の日付が正しくありません「R13/13/1」（月は1〜12で入力してください）');
    expect(ok('abc')).toBe('ERR 日付として読めません「abc」');
  });

  it('round-trips every date through 和暦, ISO, slashes and compact forms', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(ok(iso)).toBe(iso);
        expect(ok(iso.replaceAll('-', '/'))).toBe(iso);
        expect(ok(iso.replaceAll('-', ''))).toBe(iso);
        expect(ok(toWareki(iso))).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Excel serial numbers (with its 1900 leap-year bug)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 100_000 }), (n) => {
        const next = excelSerialToIso(n + 1)!;
        const day = new Date(`${excelSerialToIso(n)}T00:00:00Z`).getTime() + 86_400_000;
        expect(next).toBe(new Date(day).toISOString().slice(0, 10));
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = parseJapaneseDate(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('has contiguous eras', () => {
    for (let i = 1; i < ERAS.length; i++) {
      const prevEnd = new Date(`${ERAS[i - 1]!.end}T00:00:00Z`).getTime();
      expect(new Date(`${ERAS[i]!.start}T00:00:00Z`).getTime() - prevEnd).toBe(86_400_000);
    }
  });
});
