// 「更新用ファイル」 (R-IMP-4), Excel files (R-IMP-1/2) and the export in the update layout.

import { readTable } from '@jinji/office-files/table';
import { TEST_DB } from '@jinji/test-kit/database';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
  uploadImport,
} from '../../../test/helpers';

/** An error as the CSV report shows it (the stored code and params are checked in import-messages.test.ts). */
const asReported = ({ code: _code, params: _params, ...e }: Record<string, unknown>) => e;

let t: TestApp;
let hr: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
  const co = (await hr.request('POST', '/api/v1/masters/company', { code: '001', name: '株式会社アクメ' })).json();
  await hr.request('POST', '/api/v1/masters/department', { code: 'D1', name: '人事部', companyId: co.id });
  await hr.request('POST', '/api/v1/masters/department', { code: 'D2', name: '営業部', companyId: co.id });
  await hr.request('POST', '/api/v1/masters/employment_type', { code: 'E1', name: '正社員' });
  const csv = [
    '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,会社,部署,雇用形態,携帯電話番号,メールアドレス',
    'U001,山田,花子,やまだ,はなこ,1985/04/01,女性,2020/04/01,001,D1,正社員,090-1111-2222,yamada@acme.example.jp',
    'U002,佐藤,一郎,さとう,いちろう,1990/05/05,男性,2021/04/01,001,D1,,080-3333-4444,',
  ].join('\r\n');
  const job = await upload(Buffer.from(csv), 'seed.csv', 'employees_new');
  expect(job.status).toBe('succeeded');
}, 60_000);
afterAll(() => t?.close());

const upload = (bytes: Buffer, name: string, kind: string) => uploadImport(hr, bytes, name, kind);

const errorsOf = async (id: string) =>
  (await hr.request('GET', `/api/v1/imports/${id}/errors.json`)).json().items.map(asReported);
const detailOf = async (number: string) => {
  const row = (await hr.request('GET', `/api/v1/employees?employeeNumber=${number}`)).json().items[0];
  return (await hr.request('GET', `/api/v1/employees/${row.id}`)).json();
};

describe(`更新用ファイル (${TEST_DB})`, () => {
  it('changes only the columns present, clears with #削除, and turns a 所属 change into a new period', async () => {
    const before = await detailOf('U001');
    const csv = [
      '社員番号,携帯電話番号,部署,所属適用日,退職日',
      'U001,070-5555-6666,営業部,2026/04/01,',
      'U002,#削除,,,',
    ].join('\r\n');
    const job = await upload(iconv.encode(csv, 'cp932'), '更新用ファイル.csv', 'employees_update');
    expect(job).toMatchObject({
      status: 'succeeded',
      kind: 'employees_update',
      rowsWritten: 2,
      log: '2件を更新しました',
    });

    const u1 = await detailOf('U001');
    expect(u1.basic).toEqual({ ...before.basic, mobilePhone: '070-5555-6666' });
    expect(
      u1.assignments.map((a: { startDate: string; endDate: string | null; department: { name: string } }) => [
        a.startDate,
        a.endDate,
        a.department.name,
      ]),
    ).toEqual([
      ['2026-04-01', null, '営業部'],
      ['2020-04-01', '2026-03-31', '人事部'],
    ]);
    expect(u1.contracts[0].employmentType.name).toBe('正社員'); // untouched
    const u2 = await detailOf('U002');
    expect(u2.basic.mobilePhone).toBeNull();
    expect(u2.basic.lastName).toBe('佐藤');

    const audit = (await admin.request('GET', `/api/v1/audit-logs?targetId=${u1.id}&action=update`)).json().items;
    expect(audit[0]).toMatchObject({
      actorLoginId: 'hr',
      before: { mobilePhone: '090-1111-2222' },
      after: { mobilePhone: '070-5555-6666', assignment: { startDate: '2026-04-01', departmentId: '営業部' } },
    });
  });

  it('writes nothing when a row is wrong: unknown 社員番号, a 所属 change without 適用日, clearing a required field', async () => {
    const csv = [
      '社員番号,本名(姓),携帯電話番号,部署,所属適用日',
      'U001,,090-0000-0000,,',
      'U002,#削除,,営業部,',
      'X999,山本,,,',
      'U001,,,,',
    ].join('\n');
    const job = await upload(Buffer.from(csv), 'bad-update.csv', 'employees_update');
    expect(job).toMatchObject({ status: 'failed', rowsWritten: 0, log: 'エラー 4件（更新は行っていません）' });
    // whose row: the registered name for a known 社員番号 (the cell says #削除), the file's otherwise
    const u002 = { row: 3, employeeNumber: 'U002', employeeName: '佐藤 一郎' };
    expect(await errorsOf(job.id)).toEqual([
      { ...u002, column: '本名(姓)', message: '本名(姓)は削除できません（#削除）' },
      { ...u002, column: '所属適用日', message: '所属を変更する場合は所属適用日を入力してください' },
      {
        row: 4,
        employeeNumber: 'X999',
        employeeName: '山本',
        column: '社員番号',
        message: '登録されていない社員番号です「X999」',
      },
      {
        row: 5,
        employeeNumber: 'U001',
        employeeName: '山田 花子',
        column: '社員番号',
        message: 'ファイル内で重複しています（行 2）「U001」',
      },
    ]);
    expect((await detailOf('U001')).basic.mobilePhone).toBe('070-5555-6666');
  });

  it('refuses an 適用日 before the latest period', async () => {
    const csv = ['社員番号,部署,所属適用日', 'U001,人事部,2025/01/01'].join('\n');
    const job = await upload(Buffer.from(csv), 'old-date.csv', 'employees_update');
    expect(await errorsOf(job.id)).toEqual([
      {
        row: 2,
        employeeNumber: 'U001',
        employeeName: '山田 花子',
        column: '所属適用日',
        message: '最新の所属（2026/04/01〜）より後の日付を入力してください',
      },
    ]);
  });

  it('exports every field in the update layout; importing the export unchanged changes nothing', async () => {
    for (const encoding of ['cp932', 'xlsx'] as const) {
      const exported = await hr.request('GET', `/api/v1/imports/export?encoding=${encoding}`);
      expect(exported.statusCode).toBe(200);
      const table = await readTable(exported.rawPayload, { maxRows: 100_000 });
      const rows = [table.header, ...table.rows.map((r) => r.cells)];
      if (encoding === 'xlsx') {
        // the export is a working 更新用ファイル: rules as header notes, masters as drop-downs
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
        expect(JSON.stringify(wb.worksheets[0]!.getCell('A1').note)).toContain('必須');
        const listValues = wb.getWorksheet('リスト')!.getSheetValues().flat();
        expect(listValues).toEqual(
          expect.arrayContaining(['人事部（株式会社アクメ）', '営業部（株式会社アクメ）', '正社員']),
        );
      }
      expect(rows[0]?.[0]).toBe('社員番号');
      const u1 = rows.find((r) => r[0] === 'U001')!;
      const at = (h: string) => u1[rows[0]!.indexOf(h)];
      expect([at('本名(姓)'), at('生年月日'), at('部署'), at('雇用形態'), at('所属適用日')]).toEqual([
        '山田',
        '1985/04/01',
        'D2',
        'E1',
        '',
      ]);
      const audits = (await admin.request('GET', '/api/v1/audit-logs?action=update')).json().total;
      const job = await upload(
        exported.rawPayload,
        `roundtrip.${encoding === 'xlsx' ? 'xlsx' : 'csv'}`,
        'employees_update',
      );
      expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 0, log: '0件を更新しました（変更のない行 2件）' });
      expect((await admin.request('GET', '/api/v1/audit-logs?action=update')).json().total).toBe(audits);
    }
  });
});

describe(`Excel (${TEST_DB})`, () => {
  it('offers the template as .xlsx with rules as notes, 性別 and the masters as drop-downs (部署 with its company)', async () => {
    const res = await hr.request('GET', '/api/v1/imports/template?encoding=xlsx&kind=employees_new');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('従業員データ');
    const header = sheet.getRow(1);
    const birth = (header.values as unknown[]).indexOf('生年月日');
    expect(JSON.stringify(header.getCell(birth).note)).toContain('必須');
    const lists = wb.getWorksheet('リスト')!;
    const listValues = lists
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(listValues).toEqual(
      expect.arrayContaining(['株式会社アクメ', '人事部（株式会社アクメ）', '営業部（株式会社アクメ）', '正社員']),
    );
    expect(listValues).toEqual(expect.arrayContaining(['男性', '女性', 'その他', '回答しない']));
  });

  it('imports a filled-in .xlsx (leading zeros, an Excel date cell, a serial number)', async () => {
    const res = await hr.request('GET', '/api/v1/imports/template?encoding=xlsx&kind=employees_new');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const set = (row: number, h: string, v: ExcelJS.CellValue) => {
      sheet.getRow(row).getCell(headers.indexOf(h)).value = v;
    };
    sheet.spliceRows(2, 1);
    for (const [row, n, last, kana] of [
      [2, '000777', '髙橋', 'たかはし'],
      [3, '000778', '﨑山', 'ｻｷﾔﾏ'],
    ] as const) {
      set(row, '社員番号', n);
      set(row, '本名(姓)', last);
      set(row, '本名(名)', '太郎');
      set(row, '本名(かな)(せい)', kana);
      set(row, '本名(かな)(めい)', 'たろう');
      set(row, '生年月日', new Date(Date.UTC(1988, 6, 7)));
      set(row, '性別', '男性');
      set(row, '入社日', 45748); // 2025/04/01 as an Excel serial
      set(row, '会社', '株式会社アクメ');
      set(row, '部署', '営業部（株式会社アクメ）'); // as the drop-down offers it
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await upload(file, '新規登録用ファイル.xlsx', 'employees_new');
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 2 });
    const e = await detailOf('000777');
    expect(e.basic).toMatchObject({ lastName: '髙橋', birthDate: '1988-07-07', hireDate: '2025-04-01' });
    expect(JSON.stringify(e.assignments)).toContain('営業部');
    expect((await detailOf('000778')).basic.lastNameKana).toBe('サキヤマ');
  });

  it('reports a file that is neither CSV nor Excel, and a zip that is not a workbook, without writing', async () => {
    const job = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'broken.xlsx', 'employees_new');
    expect(job.status).toBe('failed');
    expect(await errorsOf(job.id)).toEqual([
      {
        row: 0,
        column: '-',
        message: 'Excelファイル（.xlsx）として読み込めません',
        employeeNumber: null,
        employeeName: null,
      },
    ]);
  });
});
