// 勤怠実績の取込 (R-IMP-6): one row per employee and month. Every cell is checked with a message that
// names the column; 社員番号 is resolved per batch of rows; the write upserts by employee + month.
import { ATTENDANCE_COLUMNS, parseMinutes } from '@jinji/contracts/hr/attendance';
import { importMessage as m, type TImportMessage } from '@jinji/contracts/hr/import-messages';
import { parseYearMonth } from '@jinji/ja/dates';
import { todayInJapan } from '@jinji/ja/text';
import type { ImportKindHandler, ImportRow } from '../../lib/import-kinds';
import { findEmployeeIdsByNumber, upsertAttendance } from './attendance.repository';

const BATCH = 1000;
/** 31 days × 24 hours: more cannot be one month's time. */
const MAX_MINUTES = 744 * 60;
const MAX_COUNT = 999;

export type AttendanceRecord = {
  employeeId: string;
  month: string;
  workedMinutes: number | null;
  overtimeMinutes: number | null;
  lateEarlyCount: number | null;
  absenceDays: number | null;
  holidayDays: number | null;
  paidLeaveRemaining: number | null;
};

type NumericKey = Exclude<keyof AttendanceRecord, 'employeeId' | 'month'>;
type Check<T> = { value: T | null } | { error: TImportMessage };

function minutesOf(raw: string): Check<number> {
  if (raw === '') return { value: null };
  const minutes = parseMinutes(raw);
  if (minutes === null) return { error: m('timeFormat', { value: raw }) };
  if (minutes > MAX_MINUTES) return { error: m('timeTooLarge', { value: raw }) };
  return { value: minutes };
}

function countOf(raw: string): Check<number> {
  if (raw === '') return { value: null };
  const s = raw.normalize('NFKC');
  if (!/^\d+$/.test(s)) return { error: m('countFormat', { value: raw }) };
  const n = Number(s);
  return n > MAX_COUNT ? { error: m('countTooLarge', { max: MAX_COUNT, value: raw }) } : { value: n };
}

function daysOf(raw: string, max: number): Check<number> {
  if (raw === '') return { value: null };
  const s = raw.normalize('NFKC');
  const n = Number(s);
  if (!/^\d+(\.\d+)?$/.test(s) || !Number.isInteger(n * 2)) return { error: m('daysFormat', { value: raw }) };
  return n > max ? { error: m('daysTooLarge', { max, value: raw }) } : { value: n };
}

const NUMERIC_COLUMNS: [NumericKey, string, (raw: string) => Check<number>][] = [
  ['workedMinutes', '実働時間', minutesOf],
  ['overtimeMinutes', '残業時間', minutesOf],
  ['lateEarlyCount', '遅刻早退回数', countOf],
  ['absenceDays', '欠勤日数', (raw: string) => daysOf(raw, 31)],
  ['holidayDays', '休日日数', (raw: string) => daysOf(raw, 31)],
  ['paidLeaveRemaining', '有休残数', (raw: string) => daysOf(raw, 999)],
];

export const attendanceImport: ImportKindHandler<AttendanceRecord[]> = {
  columns: ATTENDANCE_COLUMNS,

  async validate(ctx, rows) {
    const thisMonth = todayInJapan().slice(0, 7);
    const employeeIds = new Map<string, string | null>(); // 社員番号 → id, null when not registered
    const firstLine = new Map<string, number>(); // 社員番号|月 → line
    const records: AttendanceRecord[] = [];
    let batch: ImportRow[] = [];
    let validated = 0;

    const checkRow = (row: ImportRow) => {
      const err = (column: string, problem: TImportMessage) => ctx.error({ row: row.line, column, problem });
      const numberRaw = ctx.cell(row, '社員番号');
      const number = numberRaw.normalize('NFKC');
      const employeeId = number ? employeeIds.get(number) : null;
      if (!numberRaw) err('社員番号', m('required', { field: '社員番号' }));
      else if (!employeeId) err('社員番号', m('notRegistered', { value: numberRaw }));

      const monthRaw = ctx.cell(row, '対象期間');
      let month: string | null = null;
      if (!monthRaw) err('対象期間', m('required', { field: '対象期間' }));
      else {
        const parsed = parseYearMonth(monthRaw);
        if (!parsed.ok) err('対象期間', parsed.problem as TImportMessage);
        else if (parsed.month > thisMonth) err('対象期間', m('futureMonth', { value: monthRaw }));
        else month = parsed.month;
      }
      if (employeeId && month) {
        const key = `${employeeId}|${month}`;
        const first = firstLine.get(key);
        if (first !== undefined) err('対象期間', m('duplicateMonthInFile', { line: first }));
        else firstLine.set(key, row.line);
      }

      const values = {} as Record<NumericKey, number | null>;
      for (const [key, header, check] of NUMERIC_COLUMNS) {
        const result = check(ctx.cell(row, header));
        if ('error' in result) err(header, result.error);
        else values[key] = result.value;
      }
      // once anything failed nothing is written: stop keeping rows
      if (ctx.errorCount() > 0 || !employeeId || !month) return;
      records.push({ employeeId, month, ...values });
    };

    const flush = async () => {
      const unknown = new Set<string>();
      for (const row of batch) {
        const n = ctx.cell(row, '社員番号').normalize('NFKC');
        if (n && !employeeIds.has(n)) unknown.add(n);
      }
      if (unknown.size > 0) {
        const found = await ctx.db.asTenant(ctx.tenantId, (tx) => findEmployeeIdsByNumber(tx, [...unknown]));
        for (const n of unknown) employeeIds.set(n, found.get(n) ?? null);
      }
      for (const row of batch) checkRow(row);
      validated += batch.length;
      batch = [];
      await ctx.validated(validated);
    };

    for await (const row of rows()) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    if (validated === 0) ctx.error({ row: 0, column: '-', problem: m('noDataRows') });
    return ctx.errorCount() > 0 ? [] : records;
  },

  async write(ctx, tx, records) {
    let written = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      await upsertAttendance(
        tx,
        batch.map((r) => ({ tenantId: ctx.tenantId, ...r })),
      );
      written += batch.length;
      ctx.written(written);
    }
    return { written, log: m('logAttendance', { count: written }) };
  },
};
