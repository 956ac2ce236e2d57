// アクセス権限管理: members are added with 【適用】+【更新】 and removed with 削除 + 【更新】.

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
let adminId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  adminId = a.userId;
  for (let i = 1; i <= 30; i++) ids[`staff${i}`] = (await createTestUser(t.db, a.tenantId, `staff${i}`)).userId;
  const other = await createTestTenant(t.db, 'other');
  ids.foreign = (await createTestUser(t.db, other.tenantId, 'foreigner')).userId;
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

describe(`access rights (${TEST_DB})`, () => {
  it('shows the matrix with the seed’s ○/- for マスタメンテナンス and the member counts', async () => {
    const res = (await admin.request('GET', '/api/v1/access/matrix')).json();
    const row = res.rows.find((r: { feature: string }) => r.feature === 'マスタメンテナンス一覧');
    expect(row.allowed).toEqual({
      system_admin: true,
      full_admin: true,
      hr_admin: true,
      employee_admin: false,
      human_capital_admin: false,
      request_approver: false,
    });
    expect(res.roles.find((r: { role: string }) => r.role === 'system_admin')).toEqual({
      role: 'system_admin',
      label: 'システム管理者',
      memberCount: 1,
    });
  });

  it('adds any number of members in one update and removes them again', async () => {
    const add = Object.entries(ids)
      .filter(([k]) => k.startsWith('staff'))
      .map(([, v]) => v);
    const res = await admin.request('PUT', '/api/v1/access/roles/hr_admin/members', { add });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'hr_admin', label: '人事管理者', total: 30 });
    const page2 = (await admin.request('GET', '/api/v1/access/roles/hr_admin/members?page=2&pageSize=20')).json();
    expect(page2.items).toHaveLength(10);
    const removed = await admin.request('PUT', '/api/v1/access/roles/hr_admin/members', {
      remove: [ids.staff1, ids.staff2],
    });
    expect(removed.json().total).toBe(28);
    const search = (await admin.request('GET', '/api/v1/access/accounts?q=staff1')).json();
    const staff10 = search.items.find((i: { loginId: string }) => i.loginId === 'staff10');
    expect(staff10.roles).toEqual(['hr_admin']);
    expect(search.items.find((i: { loginId: string }) => i.loginId === 'staff1').roles).toEqual([]);
  });

  it('refuses to remove the last システム管理者, changing nothing', async () => {
    const res = await admin.request('PUT', '/api/v1/access/roles/system_admin/members', {
      add: [],
      remove: [adminId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'LAST_SYSTEM_ADMIN',
      message: 'システム管理者を0人にすることはできません',
    });
    // with a second one added in the same update, the first can go
    const swap = await admin.request('PUT', '/api/v1/access/roles/system_admin/members', {
      add: [ids.staff3],
      remove: [adminId],
    });
    expect(swap.json().items.map((m: { loginId: string }) => m.loginId)).toEqual(['staff3']);
    // the former admin's next request no longer has the right
    expect((await admin.request('GET', '/api/v1/access/matrix')).statusCode).toBe(403);
    const staff3 = new Client(t.app);
    await staff3.login('acme', 'staff3', STRONG_PASSWORD);
    await staff3.request('PUT', '/api/v1/access/roles/system_admin/members', { add: [adminId] });
    expect((await admin.request('GET', '/api/v1/access/matrix')).statusCode).toBe(200);
  });

  it('cannot add an account of another tenant', async () => {
    const res = await admin.request('PUT', '/api/v1/access/roles/full_admin/members', { add: [ids.foreign] });
    expect(res.statusCode).toBe(404);
    const members = (await admin.request('GET', '/api/v1/access/roles/full_admin/members')).json();
    expect(members.total).toBe(0);
    const search = (await admin.request('GET', '/api/v1/access/accounts?q=foreigner')).json();
    expect(search.total).toBe(0);
  });
});
