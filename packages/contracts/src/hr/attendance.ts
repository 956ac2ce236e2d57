// 勤怠実績 (R-IMP-6): one row per employee and month, imported from a file and shown on the detail page.

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

const pad = (n: number) => String(n).padStart(2, '0');

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
