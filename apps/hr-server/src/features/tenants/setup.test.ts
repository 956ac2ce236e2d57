// 初期設定: the first-run page creates the organisation and its システム管理者, once.

import { TEST_DB } from '@jinji/test-kit/database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

const body = (code: string, password = STRONG_PASSWORD) => ({
  tenantCode: code,
  tenantName: '株式会社アクメ',
  adminLoginId: 'admin',
  adminPassword: password,
  adminEmail: 'admin@acme.example.jp',
});

describe(`first-run setup (${TEST_DB})`, () => {
  it('is offered on an empty database, creates the tenant whose admin can log in, then is closed', async () => {
    const c = new Client(t.app);
    expect((await c.request('GET', '/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
    const res = await c.request('POST', '/api/v1/setup', body('acme'));
    expect(res.statusCode).toBe(201);
    expect((await c.request('GET', '/api/v1/setup/status')).json()).toEqual({ needsSetup: false });
    const login = await c.login('acme', 'admin', STRONG_PASSWORD);
    expect(login.json()).toMatchObject({ tenant: { name: '株式会社アクメ' }, roles: ['system_admin'] });
    const again = await c.request('POST', '/api/v1/setup', body('other'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'SETUP_ALREADY_DONE', message: '初期設定は完了しています' });
  });

  it('creates exactly one tenant when two first-run requests race', async () => {
    const results = await Promise.all([
      new Client(t.app).request('POST', '/api/v1/setup', body('first')),
      new Client(t.app).request('POST', '/api/v1/setup', body('second')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { rows } = await t.db.executeSql('select count(*)::int as n from tenants');
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('refuses a weak or common admin password with each rule in Japanese, and writes nothing', async () => {
    const res = await new Client(t.app).request('POST', '/api/v1/setup', body('acme', 'password'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      {
        path: 'adminPassword',
        message: 'よく使われているパスワード（数字・記号を付けたり文字を置き換えたりしたものを含む）は使用できません',
      },
    ]);
    const withId = await new Client(t.app).request('POST', '/api/v1/setup', body('acme', 'admin-Kinmokusei-9'));
    expect(withId.json().error.fields).toEqual([
      { path: 'adminPassword', message: 'ログインIDを含むことはできません' },
    ]);
    const { rows } = await t.db.executeSql('select count(*)::int as n from tenants');
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('names each invalid field in Japanese', async () => {
    const res = await new Client(t.app).request('POST', '/api/v1/setup', {
      tenantCode: 'ＡＣＭＥ',
      tenantName: '',
      adminLoginId: 'admin',
      adminPassword: STRONG_PASSWORD,
      adminEmail: 'not-an-email',
    });
    expect(res.statusCode).toBe(400);
    const paths = Object.fromEntries(
      (res.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(paths).toEqual({
      tenantCode: '企業コードは半角英小文字・数字・-_ の2〜32文字で入力してください',
      tenantName: '企業名を入力してください',
      adminEmail: 'メールアドレスの形式が正しくありません',
    });
  });
});
