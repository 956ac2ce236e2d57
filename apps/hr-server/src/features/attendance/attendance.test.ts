// 勤怠実績 (R-IMP-6): the import handler run directly (as the pipeline runs it: validate, then write
// in one transaction when nothing failed), the months on the detail page, and tenant isolation.
import { randomUUID } from 'node:crypto';
import { formatMinutes, parseMinutes } from '@jinji/contracts/hr/attendance';
import { importMessageJa } from '@jinji/contracts/hr/import-messages';
import type { TImportProblem } from '@jinji/contracts/hr/imports';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { employeeAttendance } from '../../db/schema/index';
import type { ImportContext, ImportRow } from '../../lib/import-kinds';
import { createSampleEmployees } from '../employees/employees.service';
import { attendanceImport } from './attendance.import';

let t: TestApp;
let acme: Awaited<ReturnType<typeof createTestTenant>>;
let other: Awaited<ReturnType<typeof createTestTenant>>;
let hr: Client; // 人事管理者 of acme
let otherHr: Client; // 人事管理者 of another tenant
const ids: Record<string, string> = {};

const HEADER = ['社員番号', '対象期間', '実働時間', '残業時間', '遅刻早退回数', '欠勤日数', '休日日数', '有休残数'];

const person = (employeeNumber: string, firstName: string) => ({
  employeeNumber,
  lastName: '勤怠',
  firstName,
  lastNameKana: 'きんたい',
  firstNameKana: 'たろう',
  birthDate: '1990-04-01',
  gender: '男性',
  hireDate: '2015-04-01',
});

beforeAll(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.db, 'acme');
  other = await createTestTenant(t.db, 'other');
  await createTestUser(t.db, acme.tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, other.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  otherHr = new Client(t.app);
  await otherHr.login('other', 'hr', STRONG_PASSWORD);
  await createSampleEmployees(t.db, acme.tenantId, [
    person('E001', '一郎'),
    person('E002', '二郎'),
    person('E003', '三郎'),
    person('B100', '大量一'),
    person('B200', '大量二'),
    person('B300', '大量三'),
  ]);
  await createSampleEmployees(t.db, other.tenantId, [person('X001', '他社')]);
  const rows = (await t.db.executeSql('select employee_number, id from employees')).rows as {
    employee_number: string;
    id: string;
  }[];
  for (const r of rows) ids[r.employee_number] = r.id;
}, 60_000);
afterAll(() => t?.close());

/** What the pipeline does with a file: a context over its header, then validate → write when clean. */
async function importRows(tenantId: string, table: string[][]) {
  const [header = [], ...body] = table;
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  // the stored codes rendered as the report shows them, so the words are checked too
  const errors: { row: number; column: string; message: string }[] = [];
  const validated: number[] = [];
  let written = 0;
  const ctx: ImportContext = {
    db: t.db,
    tenantId,
    jobId: randomUUID(),
    fileName: '勤怠実績.csv',
    actor: { kind: 'job', tenantId, jobId: 'attendance-test', userId: null, loginId: 'hr', roles: [] },
    index,
    cell: (row, name) => ctx.cellAt(row, index.get(name)),
    cellAt: (row, i) => (i === undefined ? '' : (row.cells[i] ?? '').trim()),
    error: (e: TImportProblem) => errors.push({ row: e.row, column: e.column, message: importMessageJa(e.problem) }),
    errorCount: () => errors.length,
    validated: async (n) => {
      validated.push(n);
    },
    written: (n) => {
      written = n;
    },
  };
  const rows = async function* (): AsyncIterable<ImportRow> {
    for (const [i, cells] of body.entries()) yield { line: i + 2, cells };
  };
  const state = await attendanceImport.validate(ctx, rows);
  if (errors.length > 0) return { errors, validated, written, log: null };
  const result = await t.db.asTenant(tenantId, (tx) => attendanceImport.write(ctx, tx, state, rows));
  expect(result.written).toBe(written);
  return { errors, validated, written, log: importMessageJa(result.log) };
}

const months = async (c: Client, id: string, qs = '') => {
  const res = await c.request('GET', `/api/v1/employees/${id}/attendance${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Record<string, unknown>[];
};

describe(`勤怠実績の取込 (${TEST_DB})`, () => {
  it('stores each employee-month with times in minutes, days in halves, and empty cells as nothing', async () => {
    const result = await importRows(acme.tenantId, [
      HEADER,
      ['E001', '2025/04', '160:30', '12:15', '1', '0.5', '9', '12.5'],
      ['Ｅ００１', '令和7年5月', '１６８：００', '０：４５', '０', '０', '１０', '１２'],
      ['E002', '202504', '200:00', '', '', '', '', ''],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.log).toBe('3件の勤怠実績を取り込みました');
    expect(await months(hr, ids.E001!)).toEqual([
      {
        month: '2025-05',
        workedMinutes: 168 * 60,
        overtimeMinutes: 45,
        lateEarlyCount: 0,
        absenceDays: 0,
        holidayDays: 10,
        paidLeaveRemaining: 12,
      },
      {
        month: '2025-04',
        workedMinutes: 160 * 60 + 30,
        overtimeMinutes: 12 * 60 + 15,
        lateEarlyCount: 1,
        absenceDays: 0.5,
        holidayDays: 9,
        paidLeaveRemaining: 12.5,
      },
    ]);
    expect(await months(hr, ids.E002!)).toEqual([
      {
        month: '2025-04',
        workedMinutes: 200 * 60,
        overtimeMinutes: null,
        lateEarlyCount: null,
        absenceDays: null,
        holidayDays: null,
        paidLeaveRemaining: null,
      },
    ]);
  });

  it('a second file for the same month replaces that month instead of adding one', async () => {
    await importRows(acme.tenantId, [HEADER, ['E003', '2025-03', '150:00', '5:00', '2', '1', '8', '10']]);
    const again = await importRows(acme.tenantId, [HEADER, ['E003', 'R7.3', '151:15', '', '3', '0', '8', '9.5']]);
    expect(again.errors).toEqual([]);
    expect(again.log).toBe('1件の勤怠実績を取り込みました');
    expect(await months(hr, ids.E003!)).toEqual([
      {
        month: '2025-03',
        workedMinutes: 151 * 60 + 15,
        overtimeMinutes: null, // the new file left it empty
        lateEarlyCount: 3,
        absenceDays: 0,
        holidayDays: 8,
        paidLeaveRemaining: 9.5,
      },
    ]);
  });

  it('reports every bad cell in Japanese, naming the row and the column, and writes nothing', async () => {
    const result = await importRows(acme.tenantId, [
      HEADER,
      ['E003', '2024/01', 'abc', '25', '-1', '1.3', '32', 'x'],
      ['E003', '2024/13', '160:60', '745:00', '1.5', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['X001', '2024/02', '', '', '', '', '', ''], // another tenant's 社員番号
      ['NOPE', '令和元年4月', '', '', '', '', '', ''], // 令和 starts in May 2019
      ['E003', '2199/01', '', '', '', '', '', ''],
    ]);
    expect(result.errors).toEqual([
      { row: 2, column: '実働時間', message: '時間は 160:30 の形式で入力してください「abc」' },
      { row: 2, column: '残業時間', message: '時間は 160:30 の形式で入力してください「25」' },
      { row: 2, column: '遅刻早退回数', message: '0以上の整数で入力してください「-1」' },
      { row: 2, column: '欠勤日数', message: '0以上の数値を0.5単位で入力してください「1.3」' },
      { row: 2, column: '休日日数', message: '31日以内で入力してください「32」' },
      { row: 2, column: '有休残数', message: '0以上の数値を0.5単位で入力してください「x」' },
      { row: 3, column: '対象期間', message: '年月として読めません「2024/13」' },
      { row: 3, column: '実働時間', message: '時間は 160:30 の形式で入力してください「160:60」' },
      { row: 3, column: '残業時間', message: '1か月の時間としては大きすぎます（744:00まで）「745:00」' },
      { row: 3, column: '遅刻早退回数', message: '0以上の整数で入力してください「1.5」' },
      { row: 4, column: '社員番号', message: '社員番号を入力してください' },
      { row: 4, column: '対象期間', message: '対象期間を入力してください' },
      { row: 5, column: '社員番号', message: '登録されていない社員番号です「X001」' },
      { row: 6, column: '社員番号', message: '登録されていない社員番号です「NOPE」' },
      { row: 6, column: '対象期間', message: '年月として読めません「令和元年4月」' },
      { row: 7, column: '対象期間', message: '未来の年月は入力できません「2199/01」' },
    ]);
    // E003 still has only the month imported before
    expect((await months(hr, ids.E003!)).map((m) => m.month)).toEqual(['2025-03']);
  });

  it('a file with only the header is refused', async () => {
    const result = await importRows(acme.tenantId, [HEADER]);
    expect(result.errors).toEqual([{ row: 0, column: '-', message: 'データ行がありません' }]);
  });

  it('reports the same employee and month twice in one file, whatever way the month is written', async () => {
    const result = await importRows(acme.tenantId, [
      HEADER,
      ['E001', '2024/06', '160:00'],
      ['E002', '2024/06', '160:00'],
      ['E001', '2024-06', '161:00'],
      ['E001', '令和6年6月', '162:00'],
    ]);
    expect(result.errors).toEqual([
      { row: 4, column: '対象期間', message: 'ファイル内で重複しています（行 2）' },
      { row: 5, column: '対象期間', message: 'ファイル内で重複しています（行 2）' },
    ]);
  });

  it('validates and writes a large file in batches, reporting progress every 1000 rows', async () => {
    const table = [HEADER];
    for (const number of ['B100', 'B200', 'B300'])
      for (let i = 0; i < 850; i++) {
        const y = 1950 + Math.floor(i / 12); // 1950-01 … 2020-10
        table.push([number, `${y}/${(i % 12) + 1}`, `${100 + (i % 50)}:${String(i % 60).padStart(2, '0')}`]);
      }
    const result = await importRows(acme.tenantId, table);
    expect(result.errors).toEqual([]);
    expect(result.validated).toEqual([1000, 2000, 2550]);
    expect(result.written).toBe(2550);
    expect(result.log).toBe('2550件の勤怠実績を取り込みました');
    // the detail page shows the 12 newest months by default
    const items = await months(hr, ids.B300!);
    expect(items.map((m) => m.month)).toEqual([
      '2020-10',
      '2020-09',
      '2020-08',
      '2020-07',
      '2020-06',
      '2020-05',
      '2020-04',
      '2020-03',
      '2020-02',
      '2020-01',
      '2019-12',
      '2019-11',
    ]);
  });
});

describe(`勤怠実績の表示 (${TEST_DB})`, () => {
  it('returns a range of months newest first', async () => {
    await importRows(acme.tenantId, [
      HEADER,
      ['E002', '2024/12', '150:00'],
      ['E002', '2025/01', '151:00'],
      ['E002', '2025/02', '152:00'],
    ]);
    const range = await months(hr, ids.E002!, '?from=2024-12&to=2025-01');
    expect(range.map((m) => [m.month, m.workedMinutes])).toEqual([
      ['2025-01', 151 * 60],
      ['2024-12', 150 * 60],
    ]);
    expect((await months(hr, ids.E002!, '?to=2025-01')).map((m) => m.month)).toEqual(['2025-01', '2024-12']);
    expect((await months(hr, ids.E002!)).map((m) => m.month)).toEqual(['2025-04', '2025-02', '2025-01', '2024-12']);
  });

  it('refuses a malformed or reversed range', async () => {
    const bad = await hr.request('GET', `/api/v1/employees/${ids.E002}/attendance?from=2025-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'from', message: '年月は YYYY-MM の形式で指定してください' }]);
    const reversed = await hr.request('GET', `/api/v1/employees/${ids.E002}/attendance?from=2025-02&to=2025-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual([{ path: 'to', message: '開始年月は終了年月以前にしてください' }]);
  });

  it('an employee without imported months has an empty list; an unknown id is 従業員が見つかりません', async () => {
    await createSampleEmployees(t.db, acme.tenantId, [person('E900', '新人')]);
    const id = (
      (await t.db.executeSql(`select id from employees where employee_number = 'E900'`)).rows[0] as {
        id: string;
      }
    ).id;
    expect(await months(hr, id)).toEqual([]);
    const missing = await hr.request('GET', `/api/v1/employees/${randomUUID()}/attendance`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: '従業員が見つかりません' });
  });

  it("another tenant's user gets 404 for the id and its database role sees none of the rows", async () => {
    const res = await otherHr.request('GET', `/api/v1/employees/${ids.E001}/attendance`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('従業員が見つかりません');
    const seenByOther = await t.db.asTenant(other.tenantId, (tx) => tx.select().from(employeeAttendance));
    expect(seenByOther).toEqual([]);
    const seenByAcme = await t.db.asTenant(acme.tenantId, (tx) => tx.select().from(employeeAttendance));
    expect(seenByAcme.length).toBeGreaterThan(0);
    // nor can it write a row for acme's employee
    const error = await t.db
      .asTenant(other.tenantId, (tx) =>
        tx.insert(employeeAttendance).values({ tenantId: acme.tenantId, employeeId: ids.E001!, month: '2020-01' }),
      )
      .catch((e: Error) => e);
    expect(String((error as Error & { cause?: Error }).cause?.message)).toContain('row-level security');
  });
});

describe('時間 as spreadsheets write them', () => {
  it('reads hours beyond 24 and formats them back', () => {
    expect(parseMinutes('160:30')).toBe(9630);
    expect(parseMinutes('１６０：３０')).toBe(9630);
    expect(parseMinutes('0:05')).toBe(5);
    expect(parseMinutes('160:30:00')).toBe(9630); // Excel's [h]:mm:ss
    expect(parseMinutes('160:5')).toBeNull();
    expect(parseMinutes('160.5')).toBeNull();
    expect(formatMinutes(9630)).toBe('160:30');
    expect(formatMinutes(5)).toBe('0:05');
    expect(formatMinutes(0)).toBe('0:00');
  });
});
