import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS, excelSerialDay, excelSerialToIso, parseJapaneseDate, parseYearMonth, toWareki } from './dates';

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
      fc.property(fc.integer({ min: 1462, max: 100_000 }), (n) => {
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

describe('parseYearMonth (対象期間 as spreadsheets write it)', () => {
  const month = (s: string) => {
    const r = parseYearMonth(s);
    return r.ok ? r.month : `ERR ${r.message}`;
  };

  it('reads western and Japanese-era months in any width', () => {
    expect(month('2025/04')).toBe('2025-04');
    expect(month('2025/4')).toBe('2025-04');
    expect(month('2025-04')).toBe('2025-04');
    expect(month('2025.4')).toBe('2025-04');
    expect(month('202504')).toBe('2025-04');
    expect(month('2025年4月')).toBe('2025-04');
    expect(month('２０２５年４月')).toBe('2025-04');
    expect(month('令和7年4月')).toBe('2025-04');
    expect(month('令和 7 年 4 月')).toBe('2025-04');
    expect(month('R7.4')).toBe('2025-04');
    expect(month('r7/04')).toBe('2025-04');
    expect(month('令和元年5月')).toBe('2019-05');
    expect(month('平成31年4月')).toBe('2019-04');
    expect(month('H31.4')).toBe('2019-04');
    expect(month('昭和64年1月')).toBe('1989-01');
    expect(month('平成元年1月')).toBe('1989-01');
  });

  it('reads the first of a month, which is what Excel makes of a typed 2025/4', () => {
    expect(month('2025/04/01')).toBe('2025-04');
    expect(month('令和7年4月1日')).toBe('2025-04');
    expect(month('45748')).toBe('2025-04'); // Excel serial of 2025-04-01
    expect(month('2025/04/15')).toBe('ERR 年月として読めません「2025/04/15」');
  });

  it('refuses what is no month, quoting the input', () => {
    expect(month('2025/13')).toBe('ERR 年月として読めません「2025/13」');
    expect(month('202500')).toBe('ERR 年月として読めません「202500」');
    expect(month('令和元年4月')).toBe('ERR 年月として読めません「令和元年4月」');
    expect(month('平成31年5月')).toBe('ERR 年月として読めません「平成31年5月」');
    expect(month('R7')).toBe('ERR 年月として読めません「R7」');
    expect(month('1')).toBe('ERR 年月として読めません「1」');
    expect(month('4月')).toBe('ERR 年月として読めません「4月」');
    expect(month(' abc ')).toBe('ERR 年月として読めません「abc」');
  });

  it('reads every month of every era back from its 和暦 and western forms', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const ym = iso.slice(0, 7);
        expect(month(`${iso.slice(0, 4)}/${iso.slice(5, 7)}`)).toBe(ym);
        expect(month(toWareki(iso).replace(/\d+日$/, ''))).toBe(ym);
      }),
    );
  });
});

describe('excelSerialDay', () => {
  it('agrees with excelSerialToIso on whole serials and drops the time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 109_574 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, t) => {
        expect(excelSerialDay(n)).toBe(excelSerialToIso(n));
        expect(excelSerialDay(n + t)).toBe(excelSerialToIso(n));
      }),
    );
    expect(excelSerialDay(45748)).toBe('2025-04-01');
    expect(excelSerialDay(45748.75)).toBe('2025-04-01');
    expect(excelSerialDay(-1)).toBeNull();
  });

  it('counts the 1904 date system from 1904-01-01, 1462 days after the 1900 one', () => {
    expect(excelSerialDay(0, { date1904: true })).toBe('1904-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 100_000 }), (n) => {
        expect(excelSerialDay(n - 1462, { date1904: true })).toBe(excelSerialDay(n));
      }),
    );
  });
});
