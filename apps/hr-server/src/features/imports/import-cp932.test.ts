// Shift_JIS never loses data silently: both CP932 exports (従業員一覧 and 更新用ファイル) name the cells
// they cannot hold before writing anything, and re-importing a CP932 export changes nothing when the
// only difference is the documented CP932 mapping (〜 → ～).

import { parseCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
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

let t: TestApp;
let hr: Client;
let admin: Client;

const person = (over: Record<string, unknown>) => ({
  firstName: '花子',
  lastNameKana: 'よしの',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-04-01',
  ...over,
});
const exportCount = async () => (await admin.request('GET', '/api/v1/audit-logs?action=export')).json().total;
const updateCount = async () => (await admin.request('GET', '/api/v1/audit-logs?action=update')).json().total;
const detailOf = async (number: string) => {
  const row = (await hr.request('GET', `/api/v1/employees?employeeNumber=${number}`)).json().items[0];
  return (await hr.request('GET', `/api/v1/employees/${row.id}`)).json();
};

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
  for (const body of [
    person({ employeeNumber: 'S001', lastName: '山田', lastNameKana: 'やまだ', building: 'ハイツ〜101' }),
    person({ employeeNumber: 'S002', lastName: '𠮷野' }),
  ]) {
    expect((await hr.request('POST', '/api/v1/employees', body)).statusCode).toBe(201);
  }
}, 60_000);
afterAll(() => t?.close());

const EXPORTS = [
  ['従業員一覧', '/api/v1/employees/export'],
  ['更新用ファイル', '/api/v1/imports/export'],
] as const;

describe(`Shift_JIS exports (${TEST_DB})`, () => {
  for (const [name, path] of EXPORTS) {
    it(`${name}: 𠮷野 is reported with 行, 項目 and 社員番号, and nothing is written`, async () => {
      const check = await hr.request('GET', `${path}/cp932-check`);
      expect(check.statusCode).toBe(200);
      // S001 is line 2, S002 line 3 (header = line 1); 〜 of S001 has a CP932 form, so it is not listed
      expect(check.json()).toEqual({
        cells: [{ row: 3, column: '本名(姓)', employeeNumber: 'S002', characters: '𠮷' }],
        total: 1,
      });

      const exportsBefore = await exportCount();
      const refused = await hr.request('GET', `${path}?encoding=cp932`);
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['content-type']).toContain('application/json');
      expect(refused.json().error).toMatchObject({
        code: 'CP932_UNENCODABLE',
        message: 'Shift_JISで保存できない文字が1か所にあります。UTF-8またはExcelで出力してください',
        fields: [{ path: '3:本名(姓)', message: '3行目 本名(姓)（社員番号 S002）の「𠮷」はShift_JISで保存できません' }],
      });
      expect(await exportCount()).toBe(exportsBefore); // no export happened

      const utf8 = await hr.request('GET', `${path}?encoding=utf8`);
      expect(utf8.statusCode).toBe(200);
      const [header, ...lines] = parseCsv(utf8.rawPayload);
      const lastName = header!.indexOf('本名(姓)');
      expect(lines.map((r) => r[lastName])).toContain('𠮷野');
      expect(await exportCount()).toBe(exportsBefore + 1);
    });
  }

  it('the check follows the list filters: without 𠮷野 the CP932 export is written', async () => {
    const check = await hr.request('GET', '/api/v1/employees/export/cp932-check?employeeNumber=S001');
    expect(check.json()).toEqual({ cells: [], total: 0 });
    const file = await hr.request('GET', '/api/v1/employees/export?encoding=cp932&employeeNumber=S001');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('shift_jis');
  });
});

describe(`re-importing a Shift_JIS 更新用ファイル (${TEST_DB})`, () => {
  const cp932Export = async () => {
    const res = await hr.request('GET', '/api/v1/imports/export?encoding=cp932&employeeNumber=S001');
    expect(res.statusCode).toBe(200);
    return parseCsv(res.rawPayload);
  };
  const asCp932 = (rows: string[][]) =>
    iconv.encode(rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n'), 'cp932');

  it('a round trip of 〜 (read back as ～) changes nothing and writes no audit row', async () => {
    const rows = await cp932Export();
    const building = rows[1]![rows[0]!.indexOf('建物')];
    expect(building).toBe('ハイツ\uFF5E101'); // what Excel shows after opening the CP932 file
    const audits = await updateCount();
    const job = await uploadImport(hr, asCp932(rows), 'roundtrip.csv', 'employees_update');
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 0, log: '0件を更新しました（変更のない行 1件）' });
    expect(await updateCount()).toBe(audits);
    expect((await detailOf('S001')).basic.building).toBe('ハイツ\u301C101');
  });

  it('a real change still counts, and keeps the stored 〜 of the cells it did not change', async () => {
    const rows = await cp932Export();
    rows[1]![rows[0]!.indexOf('携帯電話番号')] = '090-1234-5678';
    const audits = await updateCount();
    const job = await uploadImport(hr, asCp932(rows), 'change.csv', 'employees_update');
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 1 });
    const detail = await detailOf('S001');
    expect(detail.basic).toMatchObject({ mobilePhone: '090-1234-5678', building: 'ハイツ\u301C101' });
    const log = (await admin.request('GET', `/api/v1/audit-logs?targetId=${detail.id}&action=update`)).json();
    expect(await updateCount()).toBe(audits + 1);
    expect(log.items[0]).toMatchObject({ before: { mobilePhone: null }, after: { mobilePhone: '090-1234-5678' } });
    expect(Object.keys(log.items[0].after)).not.toContain('building');

    rows[1]![rows[0]!.indexOf('建物')] = 'ハイツ\uFF5E202';
    const edited = await uploadImport(hr, asCp932(rows), 'building.csv', 'employees_update');
    expect(edited).toMatchObject({ status: 'succeeded', rowsWritten: 1 });
    expect((await detailOf('S001')).basic.building).toBe('ハイツ\uFF5E202');
  });
});
