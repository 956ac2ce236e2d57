// 従業員 through the API: registration under コード設定, search, detail with hidden sensitive
// sections, 異動 history, and the audit trail.

import { parseCsv } from '@jinji/office-files/csv';
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

let t: TestApp;
let admin: Client; // システム管理者
let hr: Client; // 人事管理者 (edits, sees 要配慮情報)
let clerk: Client; // 従業員管理者 (edits, no 要配慮情報)
const m: Record<string, string> = {};

const person = (over: Record<string, unknown> = {}) => ({
  lastName: '山田',
  firstName: '花子',
  lastNameKana: 'やまだ',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-02-20',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, a.tenantId, 'clerk', ['employee_admin']);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  clerk = new Client(t.app);
  await clerk.login('acme', 'clerk', STRONG_PASSWORD);
  const mk = async (kind: string, body: Record<string, unknown>) =>
    (await hr.request('POST', `/api/v1/masters/${kind}`, body)).json().id as string;
  m.company = await mk('company', { code: '001', name: '株式会社アクメ' });
  m.hq = await mk('department', { code: 'D1', name: '本社', companyId: m.company });
  m.dev = await mk('department', { code: 'D2', name: '事業開発部', companyId: m.company, parentId: m.hq });
  m.sec = await mk('department', { code: 'D3', name: '事業開発第二課', companyId: m.company, parentId: m.dev });
  m.sales = await mk('department', { code: 'D4', name: '営業部', companyId: m.company });
  m.fulltime = await mk('employment_type', { code: 'E1', name: '正社員' });
  m.disability = await mk('disability_type', { code: 'H1', name: '身体障がい' });
}, 60_000);
afterAll(() => t?.close());

const create = (c: Client, body: Record<string, unknown>) => c.request('POST', '/api/v1/employees', body);
const list = async (qs: string) => (await hr.request('GET', `/api/v1/employees?${qs}`)).json();

describe(`employee registration (${TEST_DB})`, () => {
  it('registers with the required fields, 所属 and 契約 from 入社日, and a login account', async () => {
    const res = await create(hr, {
      ...person(),
      employeeNumber: '000101',
      loginId: 'yamada.h',
      email: 'yamada@acme.example.jp',
      systemUseStartDate: '2022-04-01',
      assignment: { companyId: m.company, departmentId: m.sec },
      contract: { employmentTypeId: m.fulltime },
    });
    expect(res.statusCode).toBe(201);
    const detail = (await hr.request('GET', `/api/v1/employees/${res.json().id}`)).json();
    expect(detail).toMatchObject({ employeeNumber: '000101', loginId: 'yamada.h', status: 'active' });
    expect(detail.assignments).toEqual([
      expect.objectContaining({
        startDate: '2022-02-20',
        endDate: null,
        isCurrent: true,
        department: expect.objectContaining({ name: '事業開発第二課' }),
      }),
    ]);
    expect(detail.contracts[0].employmentType.name).toBe('正社員');
  });

  it('fills 社員番号 and ログインID from コード設定, over what was entered', async () => {
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'employee_number',
      loginIdRule: null,
      employeeNumberMode: 'rule',
      employeeNumberRule: { prefix: 'EMP', includeHireYear: false, width: 4 },
    });
    const res = await create(hr, {
      ...person({ firstName: '太郎', firstNameKana: 'たろう', gender: '男性' }),
      employeeNumber: 'typed',
      email: 'taro@acme.example.jp',
      loginId: 'typed',
    });
    const detail = (await hr.request('GET', `/api/v1/employees/${res.json().id}`)).json();
    expect(detail.employeeNumber).toBe('EMP0001');
    expect(detail.loginId).toBe('EMP0001');
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'direct',
      loginIdRule: null,
      employeeNumberMode: 'direct',
      employeeNumberRule: null,
    });
  });

  it('hands out unique numbers to parallel registrations (HTTP)', async () => {
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'rule',
      loginIdRule: { prefix: 'par', includeHireYear: false, width: 5 },
      employeeNumberMode: 'rule',
      employeeNumberRule: { prefix: 'P', includeHireYear: true, width: 4 },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create(hr, { ...person({ firstName: `並列${i}` }), email: `p${i}@acme.example.jp` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const rows = (await list('q=%E4%B8%A6%E5%88%97&pageSize=50')).items as {
      employeeNumber: string;
      loginId: string;
    }[];
    expect(new Set(rows.map((r) => r.employeeNumber)).size).toBe(20);
    expect(new Set(rows.map((r) => r.loginId)).size).toBe(20);
    expect(rows.every((r) => /^P2022\d{4}$/.test(r.employeeNumber) && /^par\d{5}$/.test(r.loginId))).toBe(true);
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'direct',
      loginIdRule: null,
      employeeNumberMode: 'direct',
      employeeNumberRule: null,
    });
  });

  it('names every bad field in Japanese and writes nothing', async () => {
    const before = (await list('')).total;
    const res = await create(hr, {
      lastName: '',
      firstName: '花子',
      lastNameKana: '山田',
      firstNameKana: 'はなこ',
      birthDate: '2999-01-01',
      gender: '女性',
      hireDate: '2022-02-20',
      retirementDate: '2020-01-01',
      email: 'not-mail',
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(
      (res.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(fields).toMatchObject({
      lastName: '本名(姓)を入力してください',
      lastNameKana: '本名(かな)(せい)はひらがな・カタカナで入力してください',
      email: 'メールアドレスの形式が正しくありません',
    });
    const dates = await create(hr, {
      ...person(),
      birthDate: '2999-01-01',
      hireDate: '2022-02-20',
      retirementDate: '2020-01-01',
    });
    const dateFields = (dates.json().error.fields as { path: string; message: string }[]).map(
      (f) => `${f.path}:${f.message}`,
    );
    expect(dateFields).toEqual(
      expect.arrayContaining([
        'birthDate:生年月日に未来の日付は入力できません',
        'retirementDate:退職日は入社日以降の日付を入力してください',
      ]),
    );
    expect((await list('')).total).toBe(before);
  });

  it('refuses a duplicate 社員番号 or ログインID, naming the field', async () => {
    const dupNumber = await create(hr, { ...person(), employeeNumber: '000101' });
    expect(dupNumber.statusCode).toBe(409);
    expect(dupNumber.json().error.fields).toEqual([
      { path: 'employeeNumber', message: 'この社員番号は既に使われています' },
    ]);
    const dupLogin = await create(hr, {
      ...person(),
      employeeNumber: '000199',
      loginId: 'yamada.h',
      email: 'x@acme.example.jp',
    });
    expect(dupLogin.json().error.fields).toEqual([{ path: 'loginId', message: 'このログインIDは既に使われています' }]);
    expect((await list('employeeNumber=000199')).total).toBe(0);
  });

  it('is refused to a role without 新規登録・編集', async () => {
    expect((await create(admin, person())).statusCode).toBe(403);
  });
});

describe(`従業員一覧 search (${TEST_DB})`, () => {
  beforeAll(async () => {
    await create(hr, {
      ...person({
        lastName: '佐藤',
        firstName: '一郎',
        lastNameKana: 'サトウ',
        firstNameKana: 'イチロウ',
        gender: '男性',
      }),
      employeeNumber: '000201',
      assignment: { companyId: m.company, departmentId: m.sales },
    });
    await create(hr, {
      ...person({
        lastName: '佐藤',
        firstName: '次郎',
        lastNameKana: 'ｻﾄｳ',
        firstNameKana: 'ｼﾞﾛｳ',
        gender: '男性',
        hireDate: '2099-04-01',
      }),
      employeeNumber: '000202',
    });
    await create(hr, {
      ...person({
        lastName: '斎藤',
        firstName: '三郎',
        lastNameKana: 'さいとう',
        firstNameKana: 'さぶろう',
        gender: '男性',
        hireDate: '2000-04-01',
        retirementDate: '2010-03-31',
      }),
      employeeNumber: '000203',
    });
  });

  it('finds 「ｻﾄｳ」「さとう」「サトウ」 alike, and by kanji', async () => {
    const numbers = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}`)).items.map((e: { employeeNumber: string }) => e.employeeNumber).sort();
    for (const q of ['ｻﾄｳ', 'さとう', 'サトウ', '佐藤']) expect(await numbers(q)).toEqual(['000201', '000202']);
    expect(await numbers('じろう')).toEqual(['000202']);
  });

  it('filters by department including its sub-departments, by company and by status', async () => {
    const byDept = (await list(`departmentId=${m.hq}`)).items.map((e: { employeeNumber: string }) => e.employeeNumber);
    expect(byDept).toEqual(['000101']); // registered in 事業開発第二課, two levels below 本社
    expect((await list(`departmentId=${m.sales}`)).items[0].departmentName).toBe('営業部');
    expect((await list(`companyId=${m.company}`)).total).toBe(2);
    const status = async (s: string) =>
      (await list(`status=${s}`)).items.map((e: { employeeNumber: string }) => e.employeeNumber);
    expect(await status('upcoming')).toEqual(['000202']);
    expect(await status('retired')).toEqual(['000203']);
    expect(await status('active')).not.toContain('000203');
  });

  it('filters by 従業員データ作成日 and sorts and pages', async () => {
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect((await list(`createdFrom=${today}&createdTo=${today}`)).total).toBe((await list('')).total);
    expect((await list('createdTo=2000-01-01')).total).toBe(0);
    const byHire = (await list('sort=hireDate&order=desc&pageSize=2')).items.map(
      (e: { hireDate: string }) => e.hireDate,
    );
    expect(byHire).toEqual(['2099-04-01', '2022-02-20']);
    const p2 = await list('sort=employeeNumber&pageSize=2&page=2');
    expect(p2.page).toBe(2);
    expect(p2.items).toHaveLength(2);
  });

  it('refuses a reversed 従業員データ作成日 range (開始 after 終了) with a Japanese message, in the list and the exports', async () => {
    const qs = 'createdFrom=2026-12-02&createdTo=2026-12-01';
    for (const url of [
      `/api/v1/employees?${qs}`,
      `/api/v1/employees/export?${qs}`,
      `/api/v1/imports/export?kind=employees_update&${qs}`,
    ]) {
      const res = await hr.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields).toContainEqual({
        path: 'createdTo',
        message: '従業員データ作成日（終了）は従業員データ作成日（開始）以降の日付を入力してください',
      });
    }
  });

  it('exports the filtered list as CSV, escaping formulas, and records the export', async () => {
    await create(hr, {
      ...person({ lastName: '=HYPERLINK("x")', lastNameKana: 'いこーる' }),
      employeeNumber: '000301',
    });
    const res = await hr.request(
      'GET',
      '/api/v1/employees/export?encoding=cp932&q=%E3%81%84%E3%81%93%E3%83%BC%E3%82%8B',
    );
    const rows = parseCsv(res.rawPayload);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '')).toBe(
      '従業員一覧_Shift_JIS.csv',
    );
    expect(rows[0]?.slice(0, 3)).toEqual(['社員番号', '本名(姓)', '本名(名)']);
    expect(rows[1]?.slice(0, 2)).toEqual(['000301', `'=HYPERLINK("x")`]);
    const logs = (await admin.request('GET', '/api/v1/audit-logs?action=export')).json();
    expect(logs.items[0]).toMatchObject({
      actorLoginId: 'hr',
      action: 'export',
      after: expect.objectContaining({ rows: 1 }),
    });
  });
});

describe(`従業員情報（詳細） (${TEST_DB})`, () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await create(hr, {
        ...person({ lastName: '高橋', lastNameKana: 'たかはし' }),
        employeeNumber: '000401',
        assignment: { companyId: m.company, departmentId: m.dev },
      })
    ).json().id;
    await hr.request('PUT', `/api/v1/employees/${id}/sensitive`, {
      disabilities: [{ disabilityTypeId: m.disability, grade: '3級' }],
      awards: [{ kind: '賞', title: '社長賞', awardedOn: '2023-03-31' }],
    });
  });

  it('returns 要配慮情報 only to roles allowed to see it, and logs each view', async () => {
    const forHr = (await hr.request('GET', `/api/v1/employees/${id}`)).json();
    expect(forHr.sensitive.disabilities).toEqual([
      { disabilityTypeId: m.disability, grade: '3級', name: '身体障がい' },
    ]);
    const forClerk = (await clerk.request('GET', `/api/v1/employees/${id}`)).json();
    expect(forClerk.sensitive).toBeNull();
    expect(JSON.stringify(forClerk)).not.toContain('社長賞');
    expect(
      (await clerk.request('PUT', `/api/v1/employees/${id}/sensitive`, { disabilities: [], awards: [] })).statusCode,
    ).toBe(403);
    // one row per response that carried 要配慮情報: the PUT's response in beforeAll, then this GET
    const views = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=view_sensitive`)).json();
    expect(views.items.map((v: { actorLoginId: string }) => v.actorLoginId)).toEqual(['hr', 'hr']);
    await hr.request('PUT', `/api/v1/employees/${id}/sensitive`, {
      disabilities: [{ disabilityTypeId: m.disability, grade: '2級' }],
      awards: [],
    });
    const after = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=view_sensitive`)).json();
    expect(after.total).toBe(3); // the update's own before-image is not a view
  });

  it('keeps 所属 as effective-dated history: a 異動 closes the previous period the day before', async () => {
    const res = await hr.request('POST', `/api/v1/employees/${id}/assignments`, {
      startDate: '2024-04-01',
      companyId: m.company,
      departmentId: m.sales,
    });
    expect(res.statusCode).toBe(200);
    const rows = res
      .json()
      .assignments.map((a: { startDate: string; endDate: string | null; department: { name: string } }) => [
        a.startDate,
        a.endDate,
        a.department.name,
      ]);
    expect(rows).toEqual([
      ['2024-04-01', null, '営業部'],
      ['2022-02-20', '2024-03-31', '事業開発部'],
    ]);
    const sameDay = await hr.request('POST', `/api/v1/employees/${id}/assignments`, {
      startDate: '2024-04-01',
      departmentId: m.hq,
    });
    expect(sameDay.statusCode).toBe(400);
    expect(sameDay.json().error.fields[0].message).toBe(
      '適用日が2024/04/01の履歴が既にあります。別の適用日を入力するか、その履歴を編集してください',
    );
  });

  it('writes who, when and before → after for a change, and the app cannot rewrite it', async () => {
    const detail = (await hr.request('GET', `/api/v1/employees/${id}`)).json();
    await hr.request('PUT', `/api/v1/employees/${id}/basic`, { ...detail.basic, lastName: '髙橋', city: '墨田区' });
    const log = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=update`)).json();
    const change = log.items.find((i: { before: Record<string, unknown> }) => i.before && 'lastName' in i.before);
    expect(change).toMatchObject({
      actorLoginId: 'hr',
      before: { lastName: '高橋', city: null },
      after: { lastName: '髙橋', city: '墨田区' },
    });
    expect((await hr.request('GET', '/api/v1/audit-logs')).statusCode).toBe(403);
  });

  it('saves 緊急連絡先 and 学歴・職歴・資格免許 as lists', async () => {
    const contacts = await hr.request('PUT', `/api/v1/employees/${id}/contacts`, {
      emergencyContacts: [{ name: '高橋 一郎', relation: '父', phone: '03-1234-5678' }],
    });
    expect(contacts.statusCode).toBe(200);
    expect(contacts.json().contacts.emergencyContacts).toEqual([
      { name: '高橋 一郎', relation: '父', phone: '03-1234-5678' },
    ]);
    const career = await hr.request('PUT', `/api/v1/employees/${id}/career`, {
      education: [{ school: '東京大学', faculty: '経済学部', graduatedOn: '2012-03-31' }],
      workHistory: [{ company: '株式会社前職', role: '営業', fromDate: '2012-04-01', toDate: '2022-01-31' }],
      licenses: [],
    });
    expect(career.json().career.education[0].school).toBe('東京大学');
  });

  it('limits 緊急連絡先 to three', async () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `連絡先${i}`, phone: '03-0000-0000' }));
    const res = await hr.request('PUT', `/api/v1/employees/${id}/contacts`, { emergencyContacts: four });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toBe('緊急連絡先は3件まで登録できます');
  });
});
