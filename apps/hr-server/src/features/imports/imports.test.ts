// 一括登録: template, CP932/UTF-8 files with 和暦 and half-width kana, all-or-nothing through the
// durable job, 取込履歴, and per-row Japanese errors.

import { IMPORT_COLUMNS_NEW } from '@jinji/contracts/hr/imports';
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

/** An error as the CSV report shows it (the stored code and params are checked in import-messages.test.ts). */
const asReported = ({ code: _code, params: _params, ...e }: Record<string, unknown>) => e;

let t: TestApp;
let hr: Client;

const HEADER =
  '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,会社,部署,従業員スタートアップ対象フラグ,メールアドレス,ログインID';

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  const co = (await hr.request('POST', '/api/v1/masters/company', { code: '001', name: '株式会社アクメ' })).json();
  await hr.request('POST', '/api/v1/masters/department', { code: 'D1', name: '人事部', companyId: co.id });
}, 60_000);
afterAll(() => t?.close());

const upload = (bytes: Buffer, name: string) => uploadImport(hr, bytes, name);

const employeeCount = async () => (await hr.request('GET', '/api/v1/employees?pageSize=1')).json().total as number;

describe(`一括登録 (${TEST_DB})`, () => {
  it('offers the 新規登録用ファイル in CP932 and UTF-8 with BOM, and the input rules', async () => {
    const sjis = await hr.request('GET', '/api/v1/imports/template?encoding=cp932');
    expect(sjis.headers['content-type']).toContain('shift_jis');
    const [header] = parseCsv(sjis.rawPayload);
    expect(header?.slice(0, 6)).toEqual([
      '社員番号',
      'ログインID',
      '本名(姓)',
      '本名(名)',
      '本名(かな)(せい)',
      '本名(かな)(めい)',
    ]);
    const utf8 = await hr.request('GET', '/api/v1/imports/template?encoding=utf8');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // The saved file says which one it is: both land in the same downloads folder.
    const fileName = (res: { headers: Record<string, unknown> }) =>
      decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '');
    expect(fileName(sjis)).toBe('新規登録用ファイル_Shift_JIS.csv');
    expect(fileName(utf8)).toBe('新規登録用ファイル_UTF-8.csv');
    expect(fileName(await hr.request('GET', '/api/v1/imports/template?encoding=xlsx'))).toBe('新規登録用ファイル.xlsx');
    const rules = (await hr.request('GET', '/api/v1/imports/columns')).json().columns;
    expect(rules.find((c: { header: string }) => c.header === '生年月日')).toMatchObject({ required: true });
  });

  it('imports a CP932 file with 和暦, half-width kana and the startup flag, and records 正常終了', async () => {
    const before = await employeeCount();
    const csv = [
      HEADER,
      'A001,山田,花子,やまだ,はなこ,昭和60年4月1日,女性,2025/04/01,001,人事部,1,yamada@acme.example.jp,yamada',
      'A002,佐藤,一郎,ｻﾄｳ,ｲﾁﾛｳ,S60.4.1,男性,2025-04-01,株式会社アクメ,,0,,',
      'A003,髙橋,次郎,たかはし,じろう,19900401,男性,45748,,,,,',
    ].join('\r\n');
    const job = await upload(iconv.encode(csv, 'cp932'), '新規登録用_従業員データ.csv');
    expect(job).toMatchObject({
      status: 'succeeded',
      fileName: '新規登録用_従業員データ.csv',
      actorLoginId: 'hr',
      rowsTotal: 3,
      rowsValidated: 3,
      rowsWritten: 3,
      log: '3件を登録しました',
    });
    expect(await employeeCount()).toBe(before + 3);
    const found = (await hr.request('GET', `/api/v1/employees?q=${encodeURIComponent('サトウ')}`)).json().items;
    expect(found[0]).toMatchObject({ employeeNumber: 'A002', lastNameKana: 'サトウ', companyName: '株式会社アクメ' });
    const a1 = (await hr.request('GET', '/api/v1/employees?employeeNumber=A001')).json().items[0];
    const detail = (await hr.request('GET', `/api/v1/employees/${a1.id}`)).json();
    expect(detail).toMatchObject({ loginId: 'yamada', basic: { birthDate: '1985-04-01', isStartupTarget: true } });
    expect(detail.assignments[0].department.name).toBe('人事部');
    // the 'create' audit entry names every basic column, the codes and the file (a column missing from it
    // would vanish from the trail without any test of the write noticing)
    const admin = new Client(t.app); // the audit trail is the tenant admin's
    await admin.login('acme', 'admin', STRONG_PASSWORD);
    const created = (await admin.request('GET', `/api/v1/audit-logs?targetId=${a1.id}&action=create`)).json().items;
    expect(created).toHaveLength(1);
    // jsonb keeps its own key order: the set of keys is what the trail shows
    expect(Object.keys(created[0].after).sort()).toEqual(
      [
        ...IMPORT_COLUMNS_NEW.filter(
          (c) => !c.master && !['employeeNumber', 'loginId', 'isStartupTarget', 'isSystemUse'].includes(c.key),
        ).map((c) => c.key),
        'isStartupTarget',
        'employeeNumber',
        'loginId',
        'import',
      ].sort(),
    );
    expect(created[0].after).toMatchObject({
      lastName: '山田',
      birthDate: '1985-04-01',
      hireDate: '2025-04-01',
      email: 'yamada@acme.example.jp',
      businessLastName: null,
      isStartupTarget: true,
      employeeNumber: 'A001',
      loginId: 'yamada',
      import: '新規登録用_従業員データ.csv',
    });
    const history = (await hr.request('GET', '/api/v1/imports')).json();
    expect(history.items[0]).toMatchObject({ status: 'succeeded', fileName: '新規登録用_従業員データ.csv' });
  });

  it('writes nothing when any row is wrong, and lists every error by row and column in Japanese', async () => {
    const before = await employeeCount();
    const csv = [
      HEADER,
      'B001,正しい,行,ただしい,ぎょう,1990/01/01,女性,2025/04/01,,,,,',
      'B002,鈴木,花子,鈴木,はなこ,1985/13/01,女,2025/04/01,999,,2,,',
      'A001,重複,太郎,ちょうふく,たろう,1990/01/01,男性,2025/04/01,,,,,',
    ].join('\r\n');
    const job = await upload(Buffer.from(`\ufeff${csv}`, 'utf8'), 'errors.csv');
    expect(job).toMatchObject({ status: 'failed', rowsWritten: 0, log: 'エラー 6件（登録は行っていません）' });
    const errors = (await hr.request('GET', `/api/v1/imports/${job.id}/errors.json`)).json().items.map(asReported);
    const b002 = { row: 3, employeeNumber: 'B002', employeeName: '鈴木 花子' };
    expect(errors).toEqual([
      {
        ...b002,
        column: '本名(かな)(せい)',
        message: '本名(かな)(せい)はひらがな・カタカナで入力してください「鈴木」',
      },
      { ...b002, column: '生年月日', message: '日付として読めません「1985/13/01」（月は1〜12で入力してください）' },
      { ...b002, column: '性別', message: '性別は 男性・女性・その他・回答しない のいずれかを入力してください「女」' },
      { ...b002, column: '会社', message: 'マスタに見つかりません「999」' },
      {
        ...b002,
        column: '従業員スタートアップ対象フラグ',
        message: '従業員スタートアップ対象フラグは 1 または 0 を入力してください「2」',
      },
      {
        row: 4,
        employeeNumber: 'A001',
        employeeName: '重複 太郎',
        column: '社員番号',
        message: '既に登録されています「A001」',
      },
    ]);
    expect(await employeeCount()).toBe(before);
    const report = await hr.request('GET', `/api/v1/imports/${job.id}/errors?encoding=cp932`);
    const [head, first] = parseCsv(report.rawPayload);
    expect(head).toEqual(['行', '社員番号', '氏名', '項目', '内容']);
    expect(first).toEqual([
      '3',
      'B002',
      '鈴木 花子',
      '本名(かな)(せい)',
      '本名(かな)(せい)はひらがな・カタカナで入力してください「鈴木」',
    ]);
  });

  it('writes nothing when the only errors are ones a row cannot show alone, after thousands of good rows', async () => {
    // On PostgreSQL the write runs alongside validation: by the last rows it has written whole batches,
    // which must all be rolled back when the cross-row checks at the end find a problem.
    const before = await employeeCount();
    const good = Array.from(
      { length: 4500 },
      (_, i) => `C${String(i).padStart(5, '0')},大量,${i}郎,たいりょう,たろう,1990/01/01,男性,2025/04/01,,,,,`,
    );
    const csv = [
      HEADER,
      ...good,
      'C00000,重複,太郎,ちょうふく,たろう,1990/01/01,男性,2025/04/01,,,,,',
      'C99999,無記名,花子,むきめい,はなこ,1990/01/01,女性,2025/04/01,,,,,c99999',
    ].join('\r\n');
    const job = await upload(Buffer.from(csv), 'late-errors.csv');
    expect(job).toMatchObject({ status: 'failed', rowsWritten: 0, log: 'エラー 2件（登録は行っていません）' });
    const errors = (await hr.request('GET', `/api/v1/imports/${job.id}/errors.json`)).json().items.map(asReported);
    expect(errors).toEqual([
      {
        row: 4502,
        employeeNumber: 'C00000',
        employeeName: '重複 太郎',
        column: '社員番号',
        message: 'ファイル内で重複しています（行 2）「C00000」',
      },
      {
        row: 4503,
        employeeNumber: 'C99999',
        employeeName: '無記名 花子',
        column: 'メールアドレス',
        message: 'システムを利用する場合はメールアドレスを入力してください',
      },
    ]);
    expect(await employeeCount()).toBe(before);
  }, 60_000);

  it('applies コード設定 to new registrations: the rule wins over the file', async () => {
    const admin = new Client(t.app);
    await admin.login('acme', 'admin', STRONG_PASSWORD);
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'direct',
      loginIdRule: null,
      employeeNumberMode: 'rule',
      employeeNumberRule: { prefix: 'N', includeHireYear: false, width: 5 },
    });
    const csv = [HEADER, 'A001,規則,優先,きそく,ゆうせん,1990/01/01,女性,2025/04/01,,,,,'].join('\n');
    const job = await upload(Buffer.from(csv), 'rule.csv');
    expect(job.status).toBe('succeeded'); // A001 in the file is ignored, so no duplicate
    const row = (await hr.request('GET', `/api/v1/employees?q=${encodeURIComponent('きそく')}`)).json().items[0];
    expect(row.employeeNumber).toBe('N00001');
  });

  it('reads quoted cells with commas, quotes and line breaks, and numbers rows as a spreadsheet does', async () => {
    const csv = [
      '本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,建物,番地',
      '"改行",太郎,かいぎょう,たろう,1990/01/01,男性,2025/04/01,"メゾン青山\n201号室","1-2-3, ""東"""',
      '誤り,花子,ごり,はなこ,1990/02/30,女性,2025/04/01,,',
    ].join('\n');
    const job = await upload(iconv.encode(csv, 'cp932'), 'multiline.csv');
    expect(job.status).toBe('failed');
    const errors = (await hr.request('GET', `/api/v1/imports/${job.id}/errors.json`)).json().items.map(asReported);
    // the second record starts on line 4 of the text, but it is row 3 of the sheet
    expect(errors).toEqual([
      {
        row: 3,
        employeeNumber: null,
        employeeName: '誤り 花子',
        column: '生年月日',
        message: '日付として読めません「1990/02/30」（1990年2月は28日まで）',
      },
    ]);
    const ok = await upload(iconv.encode(csv.split('\n').slice(0, 3).join('\n'), 'cp932'), 'multiline-ok.csv');
    expect(ok.status).toBe('succeeded');
    const row = (await hr.request('GET', `/api/v1/employees?q=${encodeURIComponent('かいぎょう')}`)).json().items[0];
    const detail = (await hr.request('GET', `/api/v1/employees/${row.id}`)).json();
    expect(detail.basic).toMatchObject({ building: 'メゾン青山\n201号室', street: '1-2-3, "東"' });
  });

  it('stores a large upload in chunks, reads it back whole, and deletes the file once the job ends', async () => {
    const rows = [
      HEADER,
      'C001,大きな,ファイル,おおきな,ふぁいる,1990/01/01,女性,2025/04/01,,,,,',
      ...Array.from({ length: 250_000 }, () => ',,,,,,,,,,,,'), // blank rows (skipped) make it ~3 MB
      'C002,最後,の行,さいご,のぎょう,1990/01/01,男性,2025/04/01,,,,,',
    ];
    const file = Buffer.from(rows.join('\r\n'));
    expect(file.length).toBeGreaterThan(3 * 1024 * 1024);
    const job = await upload(file, 'large.csv');
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 2 });
    const last = (await hr.request('GET', `/api/v1/employees?q=${encodeURIComponent('さいご')}`)).json().items;
    expect(last.map((e: { lastName: string }) => e.lastName)).toEqual(['最後']);
    // the uploaded personal data does not outlive the job
    const left = await t.db.executeSql('select count(*)::int as n from import_file_chunks');
    expect(left.rows[0]).toEqual({ n: 0 });
  });

  it('refuses a file whose header is not the template, naming the missing columns', async () => {
    const job = await upload(Buffer.from('名前,誕生日\r\n山田,1990/01/01\r\n'), 'bad.csv');
    expect(job.status).toBe('failed');
    const errors = (await hr.request('GET', `/api/v1/imports/${job.id}/errors.json`)).json().items.map(asReported);
    const header = { row: 1, employeeNumber: null, employeeName: null };
    expect(errors).toContainEqual({ ...header, column: '本名(姓)', message: '必須の項目「本名(姓)」の列がありません' });
    expect(errors).toContainEqual({ ...header, column: '名前', message: '不明な項目名です「名前」' });
  });
});
