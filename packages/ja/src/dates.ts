// Dates as Japanese offices write them in spreadsheets: 2025/04/01, 2025-04-01, 20250401, Excel serial
// numbers, and 和暦 (昭和60年4月1日, S60.4.1, R7/1/1, 平成元年4月1日), in full- or half-width characters.

type Era = { name: string; letter: string; start: string; end: string | null };

// The first day of each era; an era ends the day before the next one starts.
export const ERAS: Era[] = [
  { name: '明治', letter: 'M', start: '1868-10-23', end: '1912-07-29' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null },
];

export type DateParse = { ok: true; date: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1868 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The calendar day an Excel serial stands for (its time of day dropped), or null: in the 1900 date
 * system day 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was; in the 1904 system (old Mac
 * workbooks, `date1904` in workbook.xml) day 0 is 1904-01-01.
 */
export function excelSerialDay(serial: number, { date1904 = false }: { date1904?: boolean } = {}): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  // to the millisecond first, so binary noise (45000.99999999999 for midnight) does not lose a day
  const day = Math.floor(Math.round(serial * 86_400_000) / 86_400_000);
  const ms = date1904
    ? Date.UTC(1904, 0, 1) + day * 86_400_000
    : Date.UTC(1899, 11, 31) + (day > 59 ? day - 1 : day) * 86_400_000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A whole Excel serial typed as a date (1900 system), up to 2199-12-31. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 109_574) return null;
  return excelSerialDay(serial);
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Why y/m/d is not a calendar day (month or day out of range), in the words of the error report. */
function dayProblem(y: number, m: number, d: number, yearText: string): string | null {
  if (m < 1 || m > 12) return '月は1〜12で入力してください';
  const last = daysIn(y, m);
  if (d < 1 || d > last) return `${yearText}${m}月は${last}日まで`;
  return null;
}

const eraYearText = (era: Era, iso: string) => {
  const y = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return `${y === 1 ? '元' : y}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
};
const gregorianText = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** A 和暦 date, or why not: 「昭和は64年1月7日まで」「令和は2019年5月1日から」, a day the month lacks, 0年. */
function fromEra(era: Era, eraYear: number, m: number, d: number): { iso: string } | { why: string } {
  if (eraYear < 1) return { why: `${era.name}の1年目は「元年」または「1年」です` };
  const y = Number(era.start.slice(0, 4)) + eraYear - 1;
  const problem = dayProblem(y, m, d, `${era.name}${eraYear === 1 ? '元' : eraYear}年`);
  if (problem) return { why: problem };
  const iso = isoOf(y, m, d);
  if (!iso) return { why: `${era.name}${eraYear}年は読めません` };
  if (iso < era.start) return { why: `${era.name}は${gregorianText(era.start)}から` };
  if (era.end !== null && iso > era.end) return { why: `${era.name}は${eraYearText(era, era.end)}まで` };
  return { iso };
}

const ERA_RE =
  /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,3})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$/i;

/** Reads one cell; the message quotes the input as the import error report shows it. */
export function parseJapaneseDate(input: string): DateParse {
  const raw = input.trim();
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const fail = { ok: false as const, message: `日付として読めません「${raw}」` };
  if (s === '') return fail;
  const m = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = isoOf(y, mo, d);
    if (iso) return { ok: true, date: iso };
    const why = dayProblem(y, mo, d, `${y}年`);
    return why ? { ok: false, message: `日付として読めません「${raw}」（${why}）` } : fail;
  }
  if (/^\d{1,6}$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? { ok: true, date: iso } : fail;
  }
  const w = ERA_RE.exec(s);
  if (w) {
    const key = w[1]!.toUpperCase();
    const era = ERAS.find((e) => e.name === key || e.letter === key)!;
    const r = fromEra(era, w[2] === '元' ? 1 : Number(w[2]), Number(w[3]), Number(w[4]));
    return 'iso' in r
      ? { ok: true, date: r.iso }
      : { ok: false, message: `和暦の日付が正しくありません「${raw}」（${r.why}）` };
  }
  return fail;
}

/** yyyy-mm-dd → 「昭和60年4月1日」 (for templates and tests). */
export function toWareki(iso: string): string {
  const era = [...ERAS].reverse().find((e) => iso >= e.start);
  if (!era) return iso;
  const y = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${y === 1 ? '元' : y}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

export type YearMonthParse = { ok: true; month: string } | { ok: false; message: string };

function yearMonth(y: number, m: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 1868 || y > 2200 || m < 1 || m > 12) return null;
  return `${y}-${pad(m)}`;
}

const ERA_MONTH_RE = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,3})(?:年|[./-])(\d{1,2})月?$/i;

/**
 * Reads a month: 2025/04, 2025-04, 2025.4, 202504, 2025年4月, 令和7年4月, R7.4 (any width). A date on
 * the 1st (2025/04/01, 令和7年4月1日, an Excel date serial) is read as its month too, because Excel turns
 * a typed 2025/4 into that date.
 */
export function parseYearMonth(input: string): YearMonthParse {
  const raw = input.trim();
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const fail = { ok: false as const, message: `年月として読めません「${raw}」` };
  let m = /^(\d{4})(?:[/\-.年])(\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const month = yearMonth(Number(m[1]), Number(m[2]));
    return month ? { ok: true, month } : fail;
  }
  m = ERA_MONTH_RE.exec(s);
  if (m) {
    const key = m[1]!.toUpperCase();
    const era = ERAS.find((e) => e.name === key || e.letter === key);
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    const month = era ? yearMonth(Number(era.start.slice(0, 4)) + eraYear - 1, Number(m[3])) : null;
    // the month must share at least one day with the era (平成31年4月 and 令和元年5月, not 令和元年4月)
    if (!era || !month || month < era.start.slice(0, 7) || (era.end !== null && month > era.end.slice(0, 7)))
      return fail;
    return { ok: true, month };
  }
  // of bare numbers only an Excel serial (5 digits, 1927 on) can be a date: '1' is no month
  if (/^\d+$/.test(s) && s.length !== 5) return fail;
  const date = parseJapaneseDate(s);
  if (date.ok && date.date.endsWith('-01')) return { ok: true, month: date.date.slice(0, 7) };
  return fail;
}
