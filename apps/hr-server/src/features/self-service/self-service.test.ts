// マイページ and 従業員スタートアップ through the API, as the employee: own data only (another
// employee's and another tenant's ids tried in every field that carries one), no 要配慮情報, the master's
// rules (max 3 緊急連絡先), audit rows with the employee as actor, and the wizard's all-or-nothing end.
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
import { createSampleEmployees } from '../employees/employees.service';

let t: TestApp;
let hr: Client;
let alice: Client; // 一般, linked to employee A (startup flag 1)
let bob: Client; // 人事管理者 too (may see 要配慮情報 on HR pages), linked to employee B
const ids = {} as Record<'a' | 'b' | 'foreign' | 'license' | 'oldLicense' | 'disability' | 'foreignLicense', string>;
const AWARD_MARK = '社長賞SELFLEAK4Q';

const person = (over: Record<string, unknown>) => ({
  lastName: '山田',
  firstName: '花子',
  lastNameKana: 'やまだ',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-02-20',
  ...over,
});

const link = (loginId: string, employeeId: string) =>
  t.db.executeSql(`update user_accounts set employee_id = '${employeeId}' where login_id = '${loginId}'`);
const rowsOf = async (sql: string) => (await t.db.executeSql(sql)).rows as Record<string, unknown>[];
const contactsOf = (employeeId: string) =>
  rowsOf(`select name, phone from employee_emergency_contacts where employee_id = '${employeeId}' order by position`);

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, a.tenantId, 'alice');
  await createTestUser(t.db, a.tenantId, 'bob', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  const mk = async (c: Client, kind: string, body: Record<string, unknown>) =>
    (await c.request('POST', `/api/v1/masters/${kind}`, body)).json().id as string;
  ids.license = await mk(hr, 'license', { code: 'L1', name: '普通自動車第一種運転免許' });
  ids.oldLicense = await mk(hr, 'license', { code: 'L9', name: '廃止された資格' });
  await hr.request('PUT', `/api/v1/masters/license/${ids.oldLicense}`, {
    code: 'L9',
    name: '廃止された資格',
    isValid: false,
  });
  ids.disability = await mk(hr, 'disability_type', { code: 'H1', name: '身体障がい' });
  ids.a = (await hr.request('POST', '/api/v1/employees', person({ isStartupTarget: true }))).json().id;
  ids.b = (
    await hr.request(
      'POST',
      '/api/v1/employees',
      person({ lastName: '佐藤', firstName: '一郎', phone: '03-1111-2222' }),
    )
  ).json().id;
  await hr.request('PUT', `/api/v1/employees/${ids.b}/contacts`, {
    emergencyContacts: [{ name: '佐藤 花', relation: '妻', phone: '090-0000-0001' }],
  });
  await hr.request('PUT', `/api/v1/employees/${ids.b}/career`, {
    education: [{ school: '東京大学' }],
    workHistory: [],
    licenses: [{ licenseId: ids.license, acquiredOn: '2010-01-01' }],
  });
  await hr.request('PUT', `/api/v1/employees/${ids.b}/sensitive`, {
    disabilities: [{ disabilityTypeId: ids.disability, grade: '2級' }],
    awards: [{ kind: '賞', title: AWARD_MARK }],
  });
  await link('alice', ids.a);
  await link('bob', ids.b);

  // another tenant: its employee and its licence master
  const other = await createTestTenant(t.db, 'other');
  const o = new Client(t.app);
  await o.login('other', 'admin', STRONG_PASSWORD);
  ids.foreignLicense = await mk(o, 'license', { code: 'L1', name: '他社の資格' });
  await createSampleEmployees(t.db, other.tenantId, [person({ lastName: '他社', employeeNumber: 'O-1' }) as never]);
  ids.foreign = (await rowsOf(`select id from employees where employee_number = 'O-1'`))[0]!.id as string;
  await t.db.executeSql(
    `insert into employee_emergency_contacts (tenant_id, employee_id, name, phone) values ('${other.tenantId}', '${ids.foreign}', '他社 連絡', '03-9999-9999')`,
  );

  alice = new Client(t.app);
  await alice.login('acme', 'alice', STRONG_PASSWORD);
  bob = new Client(t.app);
  await bob.login('acme', 'bob', STRONG_PASSWORD);
}, 120_000);
afterAll(() => t?.close());

const NO_ID_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/v1/me/profile'],
  ['PUT', '/api/v1/me/contacts', { phone: '03-0000-0000' }],
  ['PUT', '/api/v1/me/emergency-contacts', { emergencyContacts: [] }],
  ['PUT', '/api/v1/me/career', { education: [], workHistory: [], licenses: [] }],
  ['GET', '/api/v1/me/startup'],
  ['PUT', '/api/v1/me/startup', { step: 'start' }],
  ['POST', '/api/v1/me/startup/complete'],
];

describe(`マイページ: the employee's own record only (${TEST_DB})`, () => {
  it('shows own 基本情報 (氏名, 住所, 生年月日), contacts, career and the 資格・免許 choices (valid rows only)', async () => {
    const res = await bob.request('GET', '/api/v1/me/profile');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.basic).toMatchObject({
      lastName: '佐藤',
      firstName: '一郎',
      birthDate: '1990-04-01',
      phone: '03-1111-2222',
    });
    expect(p.contacts.emergencyContacts).toEqual([{ name: '佐藤 花', relation: '妻', phone: '090-0000-0001' }]);
    expect(p.career.licenses).toEqual([
      { licenseId: ids.license, acquiredOn: '2010-01-01', name: '普通自動車第一種運転免許' },
    ]);
    expect(p.licenseChoices.map((l: { id: string }) => l.id)).toEqual([ids.license]);
  });

  it('never carries 要配慮情報 (障がい, 賞罰), even for an employee whose role may see it on HR pages — and logs no view of it', async () => {
    const res = await bob.request('GET', '/api/v1/me/profile');
    expect(res.body).not.toContain(AWARD_MARK);
    expect(res.body).not.toContain('2級');
    expect(res.json()).not.toHaveProperty('sensitive');
    // the HR page shows it to the same account (so the marker really is there), and logs that view
    expect((await bob.request('GET', `/api/v1/employees/${ids.b}`)).body).toContain(AWARD_MARK);
    const views = await rowsOf(
      `select count(*)::int as n from audit_logs where action = 'view_sensitive' and actor_login_id = 'bob'`,
    );
    expect(views[0]!.n).toBe(1);
  });

  it('edits own 緊急連絡先; ids of another employee or tenant put anywhere in the body change nobody else', async () => {
    const before = { b: await contactsOf(ids.b), foreign: await contactsOf(ids.foreign) };
    const res = await alice.request('PUT', '/api/v1/me/emergency-contacts', {
      id: ids.b,
      employeeId: ids.b,
      tenantId: ids.foreign,
      emergencyContacts: [{ id: ids.b, employeeId: ids.b, name: '山田 太郎', relation: '父', phone: '090-1234-5678' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts.emergencyContacts).toEqual([
      { name: '山田 太郎', relation: '父', phone: '090-1234-5678' },
    ]);
    expect(await contactsOf(ids.a)).toEqual([{ name: '山田 太郎', phone: '090-1234-5678' }]);
    expect(await contactsOf(ids.b)).toEqual(before.b);
    expect(await contactsOf(ids.foreign)).toEqual(before.foreign);
  });

  it('refuses a 4th 緊急連絡先 in Japanese and keeps the three there were', async () => {
    const three = [1, 2, 3].map((i) => ({ name: `連絡先${i}`, relation: '兄', phone: `090-0000-000${i}` }));
    expect((await alice.request('PUT', '/api/v1/me/emergency-contacts', { emergencyContacts: three })).statusCode).toBe(
      200,
    );
    const res = await alice.request('PUT', '/api/v1/me/emergency-contacts', {
      emergencyContacts: [...three, { name: '連絡先4', relation: '姉', phone: '090-0000-0004' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({
      path: 'emergencyContacts',
      message: '緊急連絡先は3件まで登録できます',
    });
    expect((await contactsOf(ids.a)).map((c) => c.name)).toEqual(['連絡先1', '連絡先2', '連絡先3']);
  });

  it('refuses a licence id of another tenant, of another master, or an invalid one — with the field named; nothing written', async () => {
    const career = (licenseId: string) => ({
      education: [{ school: '早稲田大学' }],
      workHistory: [],
      licenses: [{ licenseId, acquiredOn: '2020-01-01' }],
    });
    for (const [licenseId, message] of [
      [ids.foreignLicense, '資格・免許が見つかりません'],
      [ids.disability, '資格・免許が見つかりません'],
      [ids.b, '資格・免許が見つかりません'], // an employee id where a master id belongs
      [ids.oldLicense, '無効な資格・免許は選択できません'],
    ] as const) {
      const res = await alice.request('PUT', '/api/v1/me/career', career(licenseId));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'licenses.0.licenseId', message }]);
    }
    expect(await rowsOf(`select 1 from employee_education where employee_id = '${ids.a}'`)).toEqual([]);
    const ok = await alice.request('PUT', '/api/v1/me/career', { ...career(ids.license), employeeId: ids.b });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().career.licenses[0]).toMatchObject({ licenseId: ids.license, name: '普通自動車第一種運転免許' });
    // B keeps exactly its own licence and school
    expect(await rowsOf(`select school from employee_education where employee_id = '${ids.b}'`)).toEqual([
      { school: '東京大学' },
    ]);
  });

  it("edits own phone numbers (with the master's rules) but not 氏名, 住所 or 生年月日, which it silently cannot name", async () => {
    const bad = await alice.request('PUT', '/api/v1/me/contacts', { phone: 'でんわ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('phone');
    expect(bad.json().error.fields[0].message).toContain('電話番号');
    const res = await alice.request('PUT', '/api/v1/me/contacts', {
      phone: '03-5555-6666',
      mobilePhone: '080-1111-2222',
      lastName: '改ざん',
      birthDate: '2000-01-01',
      prefecture: '大阪府',
    });
    expect(res.statusCode).toBe(200);
    const row = (
      await rowsOf(
        `select last_name, birth_date::text, prefecture, phone, mobile_phone from employees where id = '${ids.a}'`,
      )
    )[0];
    expect(row).toEqual({
      last_name: '山田',
      birth_date: '1990-04-01',
      prefecture: null,
      phone: '03-5555-6666',
      mobile_phone: '080-1111-2222',
    });
  });

  it('audits every change with the employee as the actor and their own employee as the target', async () => {
    const rows = await rowsOf(
      `select actor_login_id, target_id, after from audit_logs where actor_login_id = 'alice' and action = 'update' order by at`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.target_id))).toEqual(new Set([ids.a]));
    expect(rows.some((r) => JSON.stringify(r.after).includes('090-1234-5678'))).toBe(true);
  });

  it('HR pages of another employee stay closed to the employee', async () => {
    for (const url of [`/api/v1/employees/${ids.b}`, `/api/v1/employees/${ids.foreign}`, '/api/v1/employees']) {
      expect((await alice.request('GET', url)).statusCode).toBe(403);
    }
    expect(
      (await alice.request('PUT', `/api/v1/employees/${ids.b}/contacts`, { emergencyContacts: [] })).statusCode,
    ).toBe(403);
  });

  it('an account with no employee gets a Japanese 409 on every /me route, and nothing is written', async () => {
    const count = async () => (await rowsOf('select count(*)::int as n from audit_logs'))[0]!.n;
    const before = await count();
    for (const [method, url, body] of NO_ID_ROUTES) {
      const res = await hr.request(method as 'GET', url, body);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'NO_LINKED_EMPLOYEE' });
      expect(res.json().error.message).toContain('従業員情報が登録されていない');
    }
    expect(await count()).toBe(before);
  });
});

describe(`従業員スタートアップ (${TEST_DB})`, () => {
  let carol: Client;
  let carolId: string;
  beforeAll(async () => {
    const tenantId = (await rowsOf(`select id from tenants where code = 'acme'`))[0]!.id as string;
    await createTestUser(t.db, tenantId, 'carol');
    carolId = (
      await hr.request(
        'POST',
        '/api/v1/employees',
        person({ lastName: '鈴木', firstName: '由紀', isStartupTarget: true }),
      )
    ).json().id;
    await link('carol', carolId);
    carol = new Client(t.app);
    await carol.login('acme', 'carol', STRONG_PASSWORD);
  });

  const masterOf = async () =>
    (
      await rowsOf(
        `select prefecture, city, is_startup_target, startup_completed_at from employees where id = '${carolId}'`,
      )
    )[0]!;

  it('starts at 事前準備リスト, keeps each step in a draft (resumed where it stopped), and leaves the master alone', async () => {
    const s0 = (await carol.request('GET', '/api/v1/me/startup')).json();
    expect(s0).toMatchObject({ isPending: true, step: 'prepare', draft: {} });
    expect(s0.profile.basic).toMatchObject({ lastName: '鈴木', birthDate: '1990-04-01' });
    for (const body of [
      { step: 'start' },
      { step: 'basic' },
      {
        step: 'emergency',
        basic: {
          postalCode: '100-0001',
          prefecture: '東京都',
          city: '千代田区',
          street: '千代田1-1',
          mobilePhone: '090-9999-8888',
        },
      },
      {
        step: 'career',
        emergency: { emergencyContacts: [{ name: '鈴木 母', relation: '母', phone: '03-3333-4444' }] },
      },
    ]) {
      const res = await carol.request('PUT', '/api/v1/me/startup', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(200);
    }
    // a new session (closing the browser) resumes at 学歴・職歴・資格免許 with the answers kept
    const again = new Client(t.app);
    await again.login('acme', 'carol', STRONG_PASSWORD);
    const s1 = (await again.request('GET', '/api/v1/me/startup')).json();
    expect(s1.step).toBe('career');
    expect(s1.draft.basic).toMatchObject({ prefecture: '東京都', city: '千代田区' });
    expect(s1.draft.emergency.emergencyContacts).toHaveLength(1);
    expect(await masterOf()).toMatchObject({ prefecture: null, city: null, is_startup_target: true });
    expect(await contactsOf(carolId)).toEqual([]);
  });

  it("checks each step with the master's rules: a 4th 緊急連絡先, a wrong postcode, another tenant's licence", async () => {
    const four = [1, 2, 3, 4].map((i) => ({ name: `連絡${i}`, phone: `090-0000-000${i}` }));
    const r1 = await carol.request('PUT', '/api/v1/me/startup', {
      step: 'career',
      emergency: { emergencyContacts: four },
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields).toContainEqual({
      path: 'emergency.emergencyContacts',
      message: '緊急連絡先は3件まで登録できます',
    });
    const r2 = await carol.request('PUT', '/api/v1/me/startup', { step: 'emergency', basic: { postalCode: 'abc' } });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0].path).toBe('basic.postalCode');
    const r3 = await carol.request('PUT', '/api/v1/me/startup', {
      step: 'confirm',
      career: { education: [], workHistory: [], licenses: [{ licenseId: ids.foreignLicense }] },
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.fields).toEqual([{ path: 'licenses.0.licenseId', message: '資格・免許が見つかりません' }]);
    // the draft still stands where it was
    expect((await carol.request('GET', '/api/v1/me/startup')).json()).toMatchObject({ step: 'career' });
  });

  it('【この内容で登録する】 writes the whole draft to the master in one go; HR sees 「スタートアップ完了」 and the date', async () => {
    const pending = (await hr.request('GET', '/api/v1/employees?startup=pending')).json();
    expect(pending.items.map((e: { id: string }) => e.id).sort()).toEqual([carolId, ids.a].sort());
    await carol.request('PUT', '/api/v1/me/startup', {
      step: 'confirm',
      career: {
        education: [{ school: '京都大学', graduatedOn: '2012-03-31' }],
        workHistory: [],
        licenses: [{ licenseId: ids.license }],
      },
    });
    const started = performance.now();
    const res = await carol.request('POST', '/api/v1/me/startup/complete');
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    console.log(`startup complete → master updated: ${ms.toFixed(1)} ms`);
    const m = await masterOf();
    expect(m).toMatchObject({ prefecture: '東京都', city: '千代田区', is_startup_target: false });
    expect(m.startup_completed_at).not.toBeNull();
    expect(await contactsOf(carolId)).toEqual([{ name: '鈴木 母', phone: '03-3333-4444' }]);
    expect(await rowsOf(`select school from employee_education where employee_id = '${carolId}'`)).toEqual([
      { school: '京都大学' },
    ]);
    expect(await rowsOf(`select 1 from startup_drafts where employee_id = '${carolId}'`)).toEqual([]);
    const audits = await rowsOf(
      `select target_type from audit_logs where actor_login_id = 'carol' and target_id = '${carolId}' and target_type = 'employee'`,
    );
    expect(audits.length).toBe(4); // 基本情報, 緊急連絡先, 学歴・職歴・資格免許, the flag
    const done = (await hr.request('GET', '/api/v1/employees?startup=done')).json();
    expect(done.items).toEqual([
      expect.objectContaining({
        id: carolId,
        isStartupTarget: false,
        startupCompletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
    const detail = (await hr.request('GET', `/api/v1/employees/${carolId}`)).json();
    expect(detail.basic.startupCompletedAt).toBe(
      m.startup_completed_at instanceof Date ? m.startup_completed_at.toISOString() : expect.any(String),
    );
    expect((await carol.request('GET', '/api/v1/me/startup')).json()).toMatchObject({ isPending: false });
    const again = await carol.request('POST', '/api/v1/me/startup/complete');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('完了しています');
  });

  it('refuses to register with a step missing, and writes nothing', async () => {
    // alice (flag 1) has saved no step
    const res = await alice.request('POST', '/api/v1/me/startup/complete');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('基本情報、緊急連絡先、学歴・職歴・資格免許の入力が終わっていません');
    expect((await rowsOf(`select is_startup_target from employees where id = '${ids.a}'`))[0]).toEqual({
      is_startup_target: true,
    });
  });
});
