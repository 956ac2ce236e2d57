// Properties of the importer: export → import changes nothing (R-IMP-5/6 of issue 5), and any bytes or
// CSV shape end in a clean 正常終了 or エラー終了 — never a thrown job, never a partial write.
import { IMPORT_COLUMNS_NEW } from '@jinji/contracts/hr/imports';
import { encodeCsv } from '@jinji/office-files/csv';
import { buildXlsx } from '@jinji/office-files/xlsx';
import { TEST_DB } from '@jinji/test-kit/database';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import type { Actor } from '../../lib/actor';
import { getImport, listImportErrors, runImport, startImport } from './imports.service';

let t: TestApp;
let hr: Client;
let ctx: Actor;

beforeAll(async () => {
  t = await createTestApp({}, {});
  const a = await createTestTenant(t.db, 'prop');
  const user = await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('prop', 'hr', STRONG_PASSWORD);
  ctx = { tenantId: a.tenantId, userId: user.userId, loginId: 'hr', roles: ['hr_admin'] } as unknown as Actor;
  const co = (await hr.request('POST', '/api/v1/masters/company', { code: '001', name: '株式会社プロップ' })).json();
  await hr.request('POST', '/api/v1/masters/department', { code: '010', name: '人事部', companyId: co.id });
  await hr.request('POST', '/api/v1/masters/employment_type', { code: '01', name: '正社員' });
}, 60_000);
afterAll(() => t?.close());

/** Runs an import to its end in-process (the job queue is not needed to test the job). */
async function importFile(kind: 'employees_new' | 'employees_update', bytes: Buffer) {
  const job = await startImport(t.db, { send: async () => null }, ctx, kind, 'prop.csv', bytes);
  await runImport(t.db, { tenantId: ctx.tenantId, jobId: job.id });
  return getImport(t.db, ctx, job.id);
}
const count = async () => (await hr.request('GET', '/api/v1/employees?pageSize=1')).json().total as number;

// values as HR staff type them; CP932 lacks 〜 (U+301C), so that file format gets look-alike-free text
const chars = (pool: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max }).map((a) => a.join(''));
const KANJI = '山田髙橋﨑渡邊斎藤花子一郎美咲翔太佐々木';
const HIRA = 'あいうえおかきくけこさしすせそたちつてとやまだはなこ';
const KATA = 'アイウエオカキクケコサシスセソタチツテトヤマダハナコ';
const date = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: '' as const });

const employeeArb = (withWaveDash: boolean) =>
  fc.record({
    lastName: chars(KANJI, 1, 4),
    firstName: chars(KANJI, 1, 3),
    lastNameKana: fc.oneof(chars(HIRA, 1, 6), chars(KATA, 1, 6)),
    firstNameKana: chars(HIRA, 1, 6),
    businessLastName: optional(chars(KANJI, 1, 3)),
    birthDate: date(-5000, 12000),
    gender: fc.constantFrom('男性', '女性', 'その他', '回答しない'),
    hireDate: date(12000, 20000),
    email: optional(fc.constantFrom('a@example.jp', 'b.c@example.co.jp')),
    postalCode: optional(fc.constantFrom('130-0012', '1300012')),
    building: optional(
      fc.constantFrom('メゾン101', '=HYPERLINK("x")', '-2F', '+館', ...(withWaveDash ? ['〜ハイツ'] : ['～ハイツ'])),
    ),
    phone: optional(fc.constantFrom('03-1234-5678', '+81-3-1234-5678')),
    company: optional(fc.constantFrom('001', '株式会社プロップ')),
    employmentType: optional(fc.constantFrom('01', '正社員')),
    isStartupTarget: fc.constantFrom('0', '1', ''),
  });

let run = 0;
function newFile(prefix: string, people: ReturnType<typeof employeeArb> extends fc.Arbitrary<infer T> ? T[] : never) {
  const header = [
    '社員番号',
    '本名(姓)',
    '本名(名)',
    '本名(かな)(せい)',
    '本名(かな)(めい)',
    'ビジネスネーム(姓)',
    '生年月日',
    '性別',
    '入社日',
    'メールアドレス',
    '郵便番号',
    '建物',
    '電話番号',
    '会社',
    '部署',
    '雇用形態',
    '従業員スタートアップ対象フラグ',
  ];
  const rows = people.map((p, i) => [
    `${prefix}${i}`,
    p.lastName,
    p.firstName,
    p.lastNameKana,
    p.firstNameKana,
    p.businessLastName,
    p.birthDate.replaceAll('-', '/'),
    p.gender,
    p.hireDate,
    p.email,
    p.postalCode,
    p.building,
    p.phone,
    p.company,
    p.company ? '人事部' : '',
    p.employmentType,
    p.isStartupTarget,
  ]);
  return { header, rows, numbers: rows.map((r) => r[0]!) };
}

const snapshot = async (numbers: string[]) => {
  const out = [];
  for (const n of numbers) {
    const row = (await hr.request('GET', `/api/v1/employees?employeeNumber=${n}`)).json().items[0];
    const d = (await hr.request('GET', `/api/v1/employees/${row.id}`)).json();
    out.push({ basic: d.basic, assignments: d.assignments, contracts: d.contracts, updatedAt: d.updatedAt });
  }
  return out;
};

describe(`import properties (${TEST_DB})`, () => {
  it('export in the update layout, then import it: nothing changes (CSV UTF-8, CSV CP932, Excel)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('utf8', 'cp932', 'xlsx') as fc.Arbitrary<'utf8' | 'cp932' | 'xlsx'>,
        fc.constantFrom('utf8', 'cp932', 'xlsx') as fc.Arbitrary<'utf8' | 'cp932' | 'xlsx'>,
        fc.boolean(),
        async (inFormat, outFormat, waveDash) => {
          const people = fc.sample(employeeArb(waveDash), 5);
          // each run exports only its own employees (社員番号 filter), as HR would export one group
          const prefix = `R${String(++run).padStart(3, '0')}-`;
          const file = newFile(prefix, people);
          const bytes =
            inFormat === 'xlsx'
              ? await buildXlsx({
                  sheetName: '従業員データ',
                  columns: file.header.map((h) => IMPORT_COLUMNS_NEW.find((c) => c.header === h)!),
                  rows: file.rows,
                })
              : encodeCsv([file.header, ...file.rows], inFormat);
          const created = await importFile('employees_new', bytes);
          // a failure shows 取込履歴's reason and first errors (a rare CI failure left only the status)
          const problems =
            created.status === 'succeeded' ? [] : (await listImportErrors(t.db, ctx, created.id, 1, 5)).items;
          expect({ status: created.status, log: created.log, problems }).toMatchObject({ status: 'succeeded' });
          const before = await snapshot(file.numbers);

          const exported = await hr.request(
            'GET',
            `/api/v1/imports/export?encoding=${outFormat}&employeeNumber=${prefix}`,
          );
          const updated = await importFile('employees_update', exported.rawPayload);
          expect(updated).toMatchObject({ status: 'succeeded', rowsWritten: 0, rowsTotal: people.length });
          expect(await snapshot(file.numbers)).toEqual(before);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('random bytes and random CSV shapes end cleanly: 正常終了 with every row, or エラー終了 with none', async () => {
    const known = IMPORT_COLUMNS_NEW.map((c) => c.header);
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '"', '""', '\n', '\r\n', ',', '髙﨑①㈱', 'ｻﾄｳ', '昭和60年4月1日', 'S60.4.1', '45748'),
      fc.constantFrom('1985/13/01', '男性', '女性', 'a@b.jp', '=1+1', '#削除', '001', '人事部', '0', '1'),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    );
    const csvShape = fc
      .record({
        header: fc.oneof(
          fc.shuffledSubarray(known, { minLength: 1 }),
          fc.array(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 12 }),
        ),
        rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }),
        encoding: fc.constantFrom('utf8', 'cp932') as fc.Arbitrary<'utf8' | 'cp932'>,
        lineEnd: fc.constantFrom('\r\n', '\n'),
      })
      .map(({ header, rows, encoding, lineEnd }) => {
        const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        const text = [header, ...rows].map((r) => r.map(esc).join(',')).join(lineEnd);
        return encoding === 'utf8' ? Buffer.from(text) : iconv.encode(text, 'cp932');
      });
    const bytes = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 400 }).map((b) => Buffer.from(b)),
      csvShape,
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (file) => {
        const before = await count();
        // an empty file is refused at upload with a Japanese message (422); that is a clean end too
        if (file.length === 0) {
          await expect(importFile('employees_new', file)).rejects.toThrow('ファイルが空です');
          return;
        }
        const job = await importFile('employees_new', file);
        expect(['succeeded', 'failed']).toContain(job.status);
        const after = await count();
        if (job.status === 'failed') expect(after).toBe(before);
        else expect(after).toBe(before + job.rowsWritten);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
