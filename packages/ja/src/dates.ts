// Dates as Japanese offices write them in spreadsheets: 2025/04/01, 2025-04-01, 20250401, Excel serial
// numbers, and 和暦 (昭和60年4月1日, S60.4.1, R7/1/1, 平成元年4月1日), in full- or half-width characters.

import { renderMessage, type TMessage } from './messages';

type Era = { name: string; letter: string; start: string; end: string | null };

// The first day of each era; an era ends the day before the next one starts.
export const ERAS: Era[] = [
  { name: '明治', letter: 'M', start: '1868-10-23', end: '1912-07-29' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null },
];

/**
 * What a date cell can be told, in Japanese and English (i18next {{name}} templates; see messages.ts).
 * The import stores the code with its parameters and renders it in the reader's language.
 */
export const DATE_MESSAGES_JA = {
  dateUnreadable: '日付として読めません「{{value}}」',
  dateUnreadableBecause: '日付として読めません「{{value}}」（{{why}}）',
  dateEraInvalid: '和暦の日付が正しくありません「{{value}}」（{{why}}）',
  dateMonthRange: '月は1〜12で入力してください',
  dateMonthDays: '{{year}}年{{month}}月は{{last}}日まで',
  dateEraMonthDays: '{{era}}{{eraYear}}年{{month}}月は{{last}}日まで',
  dateEraFirstYear: '{{era}}の1年目は「元年」または「1年」です',
  dateEraUnreadable: '{{era}}{{eraYear}}年は読めません',
  dateEraStarts: '{{era}}は{{year}}年{{month}}月{{day}}日から',
  dateEraEnds: '{{era}}は{{eraYear}}年{{month}}月{{day}}日まで',
  eraM: '明治',
  eraT: '大正',
  eraS: '昭和',
  eraH: '平成',
  eraR: '令和',
  eraYearFirst: '元',
  eraYearN: '{{n}}',
  yearMonthUnreadable: '年月として読めません「{{value}}」',
} as const;
export type DateMessageCode = keyof typeof DATE_MESSAGES_JA;

export const DATE_MESSAGES_EN: Record<DateMessageCode, string> = {
  dateUnreadable: 'Not a date: "{{value}}"',
  dateUnreadableBecause: 'Not a date: "{{value}}" ({{why}})',
  dateEraInvalid: 'Not a valid Japanese-era date: "{{value}}" ({{why}})',
  dateMonthRange: 'the month must be 1 to 12',
  dateMonthDays: 'month {{month}} of {{year}} has {{last}} days',
  dateEraMonthDays: 'month {{month}} of {{era}} {{eraYear}} has {{last}} days',
  dateEraFirstYear: 'the first year of {{era}} is written 元年 or 1年',
  dateEraUnreadable: '{{era}} year {{eraYear}} cannot be read',
  dateEraStarts: '{{era}} starts on {{year}}/{{month}}/{{day}}',
  dateEraEnds: '{{era}} ends on month {{month}}, day {{day}} of year {{eraYear}}',
  eraM: 'Meiji',
  eraT: 'Taisho',
  eraS: 'Showa',
  eraH: 'Heisei',
  eraR: 'Reiwa',
  eraYearFirst: '1',
  eraYearN: '{{n}}',
  yearMonthUnreadable: 'Not a year and month: "{{value}}"',
};

type DateMessage = { code: DateMessageCode; params?: Record<string, string | number | DateMessage> };
const dateMessage = (code: DateMessageCode, params?: DateMessage['params']): DateMessage => ({ code, params });
/** `problem` is the message as stored (code and parameters); `message` the same in Japanese. */
const failWith = (problem: DateMessage) => ({
  ok: false as const,
  problem: problem as TMessage,
  message: renderMessage(DATE_MESSAGES_JA, problem as TMessage),
});

export type DateParse = { ok: true; date: string } | { ok: false; message: string; problem: TMessage };

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
function dayProblem(y: number, m: number, d: number, era: { era: Era; eraYear: number } | null): DateMessage | null {
  if (m < 1 || m > 12) return dateMessage('dateMonthRange');
  const last = daysIn(y, m);
  if (d >= 1 && d <= last) return null;
  return era
    ? dateMessage('dateEraMonthDays', { era: eraName(era.era), eraYear: eraYearOf(era.eraYear), month: m, last })
    : dateMessage('dateMonthDays', { year: y, month: m, last });
}

const eraName = (era: Era) => dateMessage(`era${era.letter}` as DateMessageCode);
const eraYearOf = (y: number) => (y === 1 ? dateMessage('eraYearFirst') : dateMessage('eraYearN', { n: y }));

/** A 和暦 date, or why not: 「昭和は64年1月7日まで」「令和は2019年5月1日から」, a day the month lacks, 0年. */
function fromEra(era: Era, eraYear: number, m: number, d: number): { iso: string } | { why: DateMessage } {
  if (eraYear < 1) return { why: dateMessage('dateEraFirstYear', { era: eraName(era) }) };
  const y = Number(era.start.slice(0, 4)) + eraYear - 1;
  const problem = dayProblem(y, m, d, { era, eraYear });
  if (problem) return { why: problem };
  const iso = isoOf(y, m, d);
  if (!iso) return { why: dateMessage('dateEraUnreadable', { era: eraName(era), eraYear }) };
  const parts = (date: string) => ({
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  });
  if (iso < era.start)
    return {
      why: dateMessage('dateEraStarts', {
        era: eraName(era),
        year: Number(era.start.slice(0, 4)),
        ...parts(era.start),
      }),
    };
  if (era.end !== null && iso > era.end) {
    const endYear = Number(era.end.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
    return { why: dateMessage('dateEraEnds', { era: eraName(era), eraYear: eraYearOf(endYear), ...parts(era.end) }) };
  }
  return { iso };
}

const ERA_RE =
  /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,3})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$/i;

/** Reads one cell; the message quotes the input as the import error report shows it. */
export function parseJapaneseDate(input: string): DateParse {
  const raw = input.trim();
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const fail = () => failWith(dateMessage('dateUnreadable', { value: raw }));
  if (s === '') return fail();
  const m = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = isoOf(y, mo, d);
    if (iso) return { ok: true, date: iso };
    const why = dayProblem(y, mo, d, null);
    return why ? failWith(dateMessage('dateUnreadableBecause', { value: raw, why })) : fail();
  }
  if (/^\d{1,6}$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? { ok: true, date: iso } : fail();
  }
  const w = ERA_RE.exec(s);
  if (w) {
    const key = w[1]!.toUpperCase();
    const era = ERAS.find((e) => e.name === key || e.letter === key)!;
    const r = fromEra(era, w[2] === '元' ? 1 : Number(w[2]), Number(w[3]), Number(w[4]));
    return 'iso' in r ? { ok: true, date: r.iso } : failWith(dateMessage('dateEraInvalid', { value: raw, why: r.why }));
  }
  return fail();
}

/** yyyy-mm-dd → 「昭和60年4月1日」 (for templates and tests). */
export function toWareki(iso: string): string {
  const era = [...ERAS].reverse().find((e) => iso >= e.start);
  if (!era) return iso;
  const y = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${y === 1 ? '元' : y}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

export type YearMonthParse = { ok: true; month: string } | { ok: false; message: string; problem: TMessage };

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
  const fail = failWith(dateMessage('yearMonthUnreadable', { value: raw }));
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
