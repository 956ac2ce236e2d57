// System use for existing employees (decision 006): a ログインID can be given after registration — on
// the 基本情報 edit or in the 更新用ファイル — or made by コード設定; メールアドレス is required only then.

import { TEST_DB } from '@jinji/test-kit/database';
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

const person = (over: Record<string, unknown> = {}) => ({
  lastName: '鈴木',
  firstName: 'パート',
  lastNameKana: 'すずき',
  firstNameKana: 'ぱーと',
  birthDate: '1995-04-01',
  gender: '女性',
  hireDate: '2024-04-01',
  ...over,
});
const fieldsOf = (res: { json(): { error: { fields?: { path: string; message: string }[] } } }) =>
  Object.fromEntries((res.json().error.fields ?? []).map((f) => [f.path, f.message]));

const codeSettings = (loginIdMode: string, loginIdRule: unknown = null) =>
  admin.request('PUT', '/api/v1/code-settings', {
    loginIdMode,
    loginIdRule,
    employeeNumberMode: 'direct',
    employeeNumberRule: null,
  });
const accountOf = async (employeeId: string) =>
  (
    await t.db.executeSql(
      `select login_id, email, password_hash from user_accounts where employee_id = '${employeeId}'`,
    )
  ).rows as { login_id: string; email: string | null; password_hash: string | null }[];
const basicOf = async (id: string) => {
  const d = (await hr.request('GET', `/api/v1/employees/${id}`)).json();
  return { ...d.basic, loginId: d.loginId };
};
const editBasic = async (id: string, over: Record<string, unknown>) =>
  hr.request('PUT', `/api/v1/employees/${id}/basic`, { ...(await basicOf(id)), ...over });

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
}, 180_000);
afterAll(() => t?.close());

describe(`system use for existing employees (${TEST_DB})`, () => {
  it('直接入力: registers without ログインID or email, then gives and changes a ログインID on the 基本情報 edit', async () => {
    await codeSettings('direct');
    const res = await hr.request('POST', '/api/v1/employees', person({ employeeNumber: 'P001' }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(await accountOf(id)).toEqual([]);

    const noMail = await editBasic(id, { loginId: 'suzuki.p' });
    expect(noMail.statusCode).toBe(400);
    expect(fieldsOf(noMail)).toEqual({ email: 'システムを利用する場合はメールアドレスを入力してください' });
    expect(await accountOf(id)).toEqual([]);

    const given = await editBasic(id, { loginId: 'suzuki.p', email: 'suzuki@acme.example.jp' });
    expect(given.statusCode).toBe(200);
    expect(given.json().loginId).toBe('suzuki.p');
    expect(await accountOf(id)).toEqual([
      { login_id: 'suzuki.p', email: 'suzuki@acme.example.jp', password_hash: null },
    ]);

    const changed = await editBasic(id, { loginId: 'suzuki.part' });
    expect(changed.json().loginId).toBe('suzuki.part');
    const audit = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=update`)).json().items;
    expect(audit[0]).toMatchObject({ before: { loginId: 'suzuki.p' }, after: { loginId: 'suzuki.part' } });

    const other = (await hr.request('POST', '/api/v1/employees', person({ employeeNumber: 'P002' }))).json().id;
    const taken = await editBasic(other, { loginId: 'suzuki.part', email: 'x@acme.example.jp' });
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken)).toEqual({ loginId: 'このログインIDは既に使われています' });
    expect(await accountOf(other)).toEqual([]);
  });

  it('a システム利用開始日 means system use: it needs a メールアドレス too', async () => {
    const res = await hr.request('POST', '/api/v1/employees', person({ systemUseStartDate: '2024-04-01' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({ email: 'システムを利用する場合はメールアドレスを入力してください' });
  });

  it('ログインID = 社員番号: 「システムを利用する」 decides; a part-timer without email is registered without an account', async () => {
    await codeSettings('employee_number');
    const part = await hr.request('POST', '/api/v1/employees', person({ employeeNumber: 'P101', isSystemUse: false }));
    expect(part.statusCode).toBe(201);
    expect(await accountOf(part.json().id)).toEqual([]);
    const user = await hr.request('POST', '/api/v1/employees', person({ employeeNumber: 'P102' }));
    expect(fieldsOf(user)).toEqual({ email: 'システムを利用する場合はメールアドレスを入力してください' });

    // later the part-timer starts using the system: the ログインID is the 社員番号
    const on = await editBasic(part.json().id, { isSystemUse: true, email: 'p101@acme.example.jp' });
    expect(on.statusCode).toBe(200);
    expect(on.json().loginId).toBe('P101');
    const change = await editBasic(part.json().id, { loginId: 'other' });
    expect(fieldsOf(change)).toEqual({ loginId: 'コード設定によりログインIDは自動で決まるため変更できません' });
  });

  it('ログインID by rule: turning system use on takes the next number of the rule', async () => {
    await codeSettings('rule', { prefix: 'U', includeHireYear: false, width: 4 });
    const res = await hr.request('POST', '/api/v1/employees', person({ employeeNumber: 'P201', isSystemUse: false }));
    expect(res.statusCode).toBe(201);
    const on = await editBasic(res.json().id, { isSystemUse: true, email: 'p201@acme.example.jp' });
    expect(on.json().loginId).toMatch(/^U\d{4}$/);
  });

  it('新規登録用ファイル: システム利用 0 registers without an account and without an email', async () => {
    await codeSettings('employee_number');
    const csv = [
      '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,システム利用,メールアドレス',
      'P301,田中,一,たなか,はじめ,1990/01/01,男性,2024/04/01,0,',
      'P302,田中,二,たなか,じろう,1990/01/01,男性,2024/04/01,,tanaka2@acme.example.jp',
    ].join('\n');
    const job = await uploadImport(hr, Buffer.from(csv), 'new.csv');
    expect(job.status).toBe('succeeded');
    const logins = (await hr.request('GET', '/api/v1/employees?employeeNumber=P30'))
      .json()
      .items.map((e: { employeeNumber: string; loginId: string | null }) => [e.employeeNumber, e.loginId]);
    expect(logins).toEqual([
      ['P301', null],
      ['P302', 'P302'],
    ]);
  });

  it('更新用ファイル: a ログインID column gives or changes one, unique in the file and the tenant', async () => {
    await codeSettings('direct');
    for (const n of ['P401', 'P402', 'P403'])
      await hr.request('POST', '/api/v1/employees', person({ employeeNumber: n, email: `${n}@acme.example.jp` }));
    const bad = [
      '社員番号,ログインID,メールアドレス',
      'P401,same,',
      'P402,same,',
      'P403,suzuki.part,',
      'P001,#削除,',
    ].join('\n');
    const failed = await uploadImport(hr, Buffer.from(bad), 'bad.csv', 'employees_update');
    expect(failed.status).toBe('failed');
    const errors = (await hr.request('GET', `/api/v1/imports/${failed.id}/errors.json`)).json().items;
    expect(errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [3, 'ファイル内で重複しています（行 2）「same」'],
      [4, '既に登録されています「suzuki.part」'],
      [5, 'ログインIDは削除できません（#削除）'],
    ]);

    const good = ['社員番号,ログインID', 'P401,p401', 'P001,suzuki.new'].join('\n');
    const job = await uploadImport(hr, Buffer.from(good), 'good.csv', 'employees_update');
    expect(job).toMatchObject({ status: 'succeeded', log: '2件を更新しました' });
    const logins = (await hr.request('GET', '/api/v1/employees?employeeNumber=P')).json().items;
    const loginOf = (n: string) => logins.find((e: { employeeNumber: string }) => e.employeeNumber === n).loginId;
    expect([loginOf('P401'), loginOf('P001'), loginOf('P402')]).toEqual(['p401', 'suzuki.new', null]);
  });
});
