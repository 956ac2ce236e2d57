// 取込履歴 and 取込エラー一覧 as codes (issue 9, item 19): every message an import writes is stored as a
// code of the catalogue with its parameters and reads back in Japanese (API, CSV) and in English; rows
// stored before codes existed keep their text.
import {
  IMPORT_MESSAGE_CODES,
  IMPORT_MESSAGES_EN,
  IMPORT_MESSAGES_JA,
  type TImportMessage,
} from '@jinji/contracts/hr/import-messages';
import { renderMessage, templateParams } from '@jinji/ja/messages';
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
let tenantId: string;

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  tenantId = a.tenantId;
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  const co = (await hr.request('POST', '/api/v1/masters/company', { code: '001', name: '株式会社アクメ' })).json();
  await hr.request('POST', '/api/v1/masters/department', { code: 'D1', name: '人事部', companyId: co.id });
  await hr.request('POST', '/api/v1/masters/position', { code: 'P1', name: '課長' });
  await hr.request('POST', '/api/v1/masters/position', { code: 'P2', name: '課長' });
}, 60_000);
afterAll(() => t?.close());

const HEADER_NEW =
  '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,退職日,会社,部署,役職,メールアドレス,ログインID,郵便番号,電話番号,従業員スタートアップ対象フラグ';
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}`);
const errorsOf = async (id: string) =>
  (await hr.request('GET', `/api/v1/imports/${id}/errors.json?pageSize=200`)).json().items as {
    row: number;
    column: string;
    message: string;
    code: string | null;
    params: TImportMessage['params'] | null;
  }[];
const codesIn = (m: TImportMessage): string[] => [
  m.code,
  ...Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'object' ? codesIn(v as TImportMessage) : [])),
];

describe('the catalogue', () => {
  it('has every code in Japanese and English, asking for the same parameters', () => {
    expect(Object.keys(IMPORT_MESSAGES_EN).sort()).toEqual([...IMPORT_MESSAGE_CODES].sort());
    for (const code of IMPORT_MESSAGE_CODES)
      expect([code, templateParams(IMPORT_MESSAGES_EN[code])]).toEqual([
        code,
        templateParams(IMPORT_MESSAGES_JA[code]),
      ]);
  });

  it('renders a nested reason in the reader language: 「昭和は64年1月7日まで」 / "Showa ends on…"', () => {
    const m: TImportMessage = {
      code: 'dateEraInvalid',
      params: {
        value: 'S64.2.1',
        why: {
          code: 'dateEraEnds',
          params: { era: { code: 'eraS' }, eraYear: { code: 'eraYearN', params: { n: 64 } }, month: 1, day: 7 },
        },
      },
    };
    expect(renderMessage(IMPORT_MESSAGES_JA, m)).toBe(
      '和暦の日付が正しくありません「S64.2.1」（昭和は64年1月7日まで）',
    );
    expect(renderMessage(IMPORT_MESSAGES_EN, m)).toBe(
      'Not a valid Japanese-era date: "S64.2.1" (Showa ends on month 1, day 7 of year 64)',
    );
  });
});

describe(`import messages stored as codes (${TEST_DB})`, () => {
  it('every error and log line an import writes has a code of the catalogue, in Japanese and English', async () => {
    const bad = await uploadImport(
      hr,
      csv([
        HEADER_NEW,
        // kana, date with a reason, gender, flag, master not found / ambiguous, postal, phone, too long
        'M001,山田,花子,山田,はなこ,1985/13/01,女,2025/04/01,,001,営業部,課長,m1@acme.example.jp,,1000001x,abc,2',
        // 和暦 past its era, retirement before hire, system use without email, file duplicate
        `M002,佐藤,一郎,さとう,いちろう,S64.2.1,男性,2025/04/01,2024/01/01,,,,,sato,,,0`,
        `M002,${'長'.repeat(51)},,さとう,いちろう,2099/01/01,男性,2025/04/01,,,,,,,,,`,
      ]),
      '新規登録用_エラー.csv',
    );
    expect(bad.status).toBe('failed');
    const errors = await errorsOf(bad.id);
    expect(errors.length).toBeGreaterThan(10);
    for (const e of errors) {
      // stored as a code of the catalogue (nested reasons too), never as text
      expect(e.code, e.message).not.toBeNull();
      for (const code of codesIn({ code: e.code as never, params: e.params ?? undefined }))
        expect(IMPORT_MESSAGE_CODES).toContain(code);
      const m = { code: e.code!, params: e.params ?? undefined };
      expect(e.message).toBe(renderMessage(IMPORT_MESSAGES_JA, m));
      const en = renderMessage(IMPORT_MESSAGES_EN, m);
      expect(en).not.toBe(e.message);
      expect(en).not.toContain('{{');
    }
    const codes = new Set(errors.flatMap((e) => codesIn({ code: e.code as never, params: e.params ?? undefined })));
    for (const code of [
      'quoted',
      'kana',
      'dateUnreadableBecause',
      'dateMonthRange',
      'gender',
      'flag',
      'masterNotFound',
      'masterAmbiguous',
      'postalFormat',
      'phoneFormat',
      'dateEraInvalid',
      'dateEraEnds',
      'retirementBeforeHire',
      'emailForSystemUse',
      'duplicateInFile',
      'tooLong',
      'required',
      'birthInFuture',
    ])
      expect([...codes]).toContain(code);
    const job = (await hr.request('GET', `/api/v1/imports/${bad.id}`)).json();
    expect(job).toMatchObject({ logCode: 'logErrorsNew', logParams: { count: errors.length } });
    expect(job.log).toBe(`エラー ${errors.length}件（登録は行っていません）`);
    expect(renderMessage(IMPORT_MESSAGES_EN, { code: job.logCode, params: job.logParams })).toBe(
      `${errors.length} errors (nothing was registered)`,
    );
    // the CSV report is Japanese, from the codes
    const report = parseCsv((await hr.request('GET', `/api/v1/imports/${bad.id}/errors`)).rawPayload);
    expect(report.slice(1).map((r) => r[4])).toEqual(errors.map((e) => e.message));

    // the header, the file as a whole, the update and attendance kinds, and a success
    const header = await uploadImport(hr, csv(['社員番号,本名(姓),本名(姓),謎の列', 'X,山田,山田,1']), 'header.csv');
    expect((await errorsOf(header.id)).map((e) => e.code)).toEqual(
      expect.arrayContaining(['headerMissing', 'headerUnknown', 'headerDuplicate']),
    );
    expect((await hr.request('GET', `/api/v1/imports/${header.id}`)).json().logCode).toBe('logBadHeader');
    const notXlsx = await uploadImport(hr, Buffer.from('PK\u0003\u0004broken'), 'broken.xlsx');
    expect((await errorsOf(notXlsx.id)).map((e) => e.code)).toEqual(['fileXlsxUnreadable']);
    const update = await uploadImport(
      hr,
      csv(['社員番号,本名(姓),部署', 'NOPE,山田,', ',佐藤,']),
      '更新用.csv',
      'employees_update',
    );
    expect((await errorsOf(update.id)).map((e) => e.code)).toEqual(['notRegistered', 'required']);
    const attendance = await uploadImport(
      hr,
      iconv.encode(['社員番号,対象期間,実働時間', 'NOPE,2199/01,abc'].join('\r\n'), 'cp932'),
      '勤怠実績.csv',
      'attendance',
    );
    expect((await errorsOf(attendance.id)).map((e) => e.code)).toEqual(['notRegistered', 'futureMonth', 'timeFormat']);
    const good = await uploadImport(
      hr,
      csv([HEADER_NEW, 'G001,山田,花子,やまだ,はなこ,1985/04/01,女性,2025/04/01,,001,人事部,,,,,,0']),
      '新規登録用.csv',
    );
    expect(good).toMatchObject({
      status: 'succeeded',
      logCode: 'logCreated',
      logParams: { count: 1 },
      log: '1件を登録しました',
    });

    // nothing stored as text since codes exist
    const stored = await t.db.executeSql(
      `select count(*)::int as n from import_errors where code is null or message is not null`,
    );
    expect(stored.rows[0]).toEqual({ n: 0 });
    const jobs = await t.db.executeSql(
      `select count(*)::int as n from import_jobs where status <> 'processing' and log_code is null`,
    );
    expect(jobs.rows[0]).toEqual({ n: 0 });
  });

  it('keeps the text of errors and logs stored before codes (the migration left them as they were)', async () => {
    const old = await uploadImport(hr, csv(['社員番号', '']), '古い取込.csv');
    // as a row written before migration 0019: text only
    await t.db.executeSql(
      `update import_jobs set log = '旧形式のログ', log_code = null, log_params = null where id = $1`,
      [old.id],
    );
    await t.db.executeSql(`delete from import_errors where job_id = $1`, [old.id]);
    await t.db.executeSql(
      `insert into import_errors (tenant_id, job_id, seq, row, "column", message) values ($1, $2, 0, 2, '本名(姓)', '本名(姓)を入力してください')`,
      [tenantId, old.id],
    );
    expect((await hr.request('GET', `/api/v1/imports/${old.id}`)).json()).toMatchObject({
      log: '旧形式のログ',
      logCode: null,
    });
    expect(await errorsOf(old.id)).toEqual([
      expect.objectContaining({
        row: 2,
        column: '本名(姓)',
        message: '本名(姓)を入力してください',
        code: null,
        params: null,
      }),
    ]);
  });
});
