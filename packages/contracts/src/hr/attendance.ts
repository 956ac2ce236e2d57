// 勤怠実績 (R-IMP-6): one row per employee and month, imported from a file and shown on the detail page.

import { ERAS, parseJapaneseDate } from '@jinji/ja/dates';
import { z } from 'zod';
import { zString } from '../common/common';
import type { ImportColumn } from './imports';

const TIME_RULE = '時間（時:分、例 160:30。24時間を超えて入力できます）';
const DAYS_RULE = '0以上の数値（0.5単位）';

export const ATTENDANCE_COLUMNS: ImportColumn[] = [
  {
    key: 'employeeNumber',
    header: '社員番号',
    required: true,
    format: '登録済みの社員番号',
    example: '000123',
  },
  {
    key: 'month',
    header: '対象期間',
    required: true,
    format: '年月（2025/04, 2025-04, 202504, 2025年4月, 和暦 令和7年4月・R7.4）',
    example: '2025/04',
  },
  { key: 'workedMinutes', header: '実働時間', required: false, format: TIME_RULE, example: '160:30' },
  { key: 'overtimeMinutes', header: '残業時間', required: false, format: TIME_RULE, example: '12:15' },
  { key: 'lateEarlyCount', header: '遅刻早退回数', required: false, format: '0以上の整数', example: '1' },
  { key: 'absenceDays', header: '欠勤日数', required: false, format: DAYS_RULE, example: '0.5' },
  { key: 'holidayDays', header: '休日日数', required: false, format: DAYS_RULE, example: '9' },
  { key: 'paidLeaveRemaining', header: '有休残数', required: false, format: DAYS_RULE, example: '12.5' },
];

/** 'YYYY-MM' with a real month. */
export const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const ZYearMonth = z.string().regex(YEAR_MONTH, { error: '年月は YYYY-MM の形式で指定してください' });
const ZYearMonthParam = (label: string) =>
  zString(label).regex(YEAR_MONTH, { error: '年月は YYYY-MM の形式で指定してください' });

export const ZAttendanceMonth = z.object({
  month: ZYearMonth,
  workedMinutes: z.number().int().nullable(),
  overtimeMinutes: z.number().int().nullable(),
  lateEarlyCount: z.number().int().nullable(),
  absenceDays: z.number().nullable(),
  holidayDays: z.number().nullable(),
  paidLeaveRemaining: z.number().nullable(),
});
export type TAttendanceMonth = z.infer<typeof ZAttendanceMonth>;

export const ZAttendanceQuery = z
  .object({ from: ZYearMonthParam('開始年月').optional(), to: ZYearMonthParam('終了年月').optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: '開始年月は終了年月以前にしてください',
    path: ['to'],
  });
export type TAttendanceQuery = z.infer<typeof ZAttendanceQuery>;

export const ZAttendanceListResponse = z.object({ items: z.array(ZAttendanceMonth) });
export type TAttendanceListResponse = z.infer<typeof ZAttendanceListResponse>;

export type YearMonthParse = { ok: true; month: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

function yearMonth(y: number, m: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 1868 || y > 2200 || m < 1 || m > 12) return null;
  return `${y}-${pad(m)}`;
}

const ERA_MONTH_RE = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,3})(?:年|[./-])(\d{1,2})月?$/i;

/**
 * Reads 対象期間: 2025/04, 2025-04, 2025.4, 202504, 2025年4月, 令和7年4月, R7.4 (any width). A date on
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

/** 9630 → '160:30' */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(abs / 60)}:${pad(abs % 60)}`;
}

/** '160:30' (full-width too; ':00' seconds as Excel writes [h]:mm:ss) → 9630; null when it is not h:mm. */
export function parseMinutes(text: string): number | null {
  const m = /^(\d{1,5}):([0-5]\d)(?::00)?$/.exec(text.trim().normalize('NFKC'));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
