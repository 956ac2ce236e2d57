// パスワードポリシー設定 (seed 初期設定(1)): read by everyone, edited by システム管理者 only.

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
let admin: Client;
let tenantCode: string;

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTestTenant(t.db, 'acme');
  tenantCode = tenant.code;
  await createTestUser(t.db, tenant.tenantId, 'ippan');
  await createTestUser(t.db, tenant.tenantId, 'hr', ['hr_admin']);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const seedSample = {
  minLength: 10,
  minUppercase: 1,
  minLowercase: 1,
  minDigits: 1,
  minSymbols: 1,
  forbidLoginId: true,
  expiryDays: 90,
  reuseCount: 5,
};

describe(`password policy (${TEST_DB})`, () => {
  it('shows the minimum defaults while unset', async () => {
    const res = await admin.request('GET', '/api/v1/password-policy');
    expect(res.json()).toMatchObject({ isDefault: true, policy: { minLength: 8, minUppercase: 0, expiryDays: null } });
  });

  it('is updated by the システム管理者 and then applies to password changes', async () => {
    const res = await admin.request('PUT', '/api/v1/password-policy', seedSample);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: false, policy: seedSample });

    const user = new Client(t.app);
    await user.login(tenantCode, 'ippan', STRONG_PASSWORD);
    const bad = await user.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'ippan-abc',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { message: string }) => f.message)).toEqual([
      '10文字以上で入力してください',
      '大文字を1文字以上含めてください',
      '数値を1文字以上含めてください',
      'ログインIDを含むことはできません',
      // what is left once the login ID is taken out (「-abc」) is no password either (decision 004)
      '企業コード・会社名・ログインIDに数字や記号を付けただけのパスワードは使用できません',
    ]);
    const good = await user.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Tsukimi-Dango-15',
    });
    expect(good.statusCode).toBe(204);
    expect((await new Client(t.app).login(tenantCode, 'ippan', 'Tsukimi-Dango-15')).statusCode).toBe(200);
    expect((await new Client(t.app).login(tenantCode, 'ippan', STRONG_PASSWORD)).statusCode).toBe(401);
  });

  it('is readable by everyone but editable only by the システム管理者', async () => {
    for (const loginId of ['hr']) {
      const c = new Client(t.app);
      await c.login(tenantCode, loginId, STRONG_PASSWORD);
      expect((await c.request('GET', '/api/v1/password-policy')).statusCode).toBe(200);
      const put = await c.request('PUT', '/api/v1/password-policy', { ...seedSample, minLength: 8 });
      expect(put.statusCode).toBe(403);
      expect(put.json().error).toMatchObject({ code: 'FORBIDDEN', message: 'この操作を行う権限がありません' });
    }
    const policy = await admin.request('GET', '/api/v1/password-policy');
    expect(policy.json().policy.minLength).toBe(10);
  });

  it('refuses out-of-range values with the field named in Japanese, changing nothing', async () => {
    const res = await admin.request('PUT', '/api/v1/password-policy', { ...seedSample, minLength: 4, minDigits: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'minLength', message: '最小文字数は8以上で入力してください' },
      { path: 'minDigits', message: '数値の最小使用数は0以上で入力してください' },
    ]);
    expect((await admin.request('GET', '/api/v1/password-policy')).json().policy.minLength).toBe(10);
  });

  it("a tenant's policy does not affect another tenant", async () => {
    await createTestTenant(t.db, 'other-co');
    const c = new Client(t.app);
    await c.login('other-co', 'admin', STRONG_PASSWORD);
    expect((await c.request('GET', '/api/v1/password-policy')).json().isDefault).toBe(true);
  });
});
