// 要配慮 応対記録 (健康状態, プライベート情報): a role allowed records.manage but not employees.sensitive never
// sees them — lists, tasks, CSV, the employee tab, the detail, the audit log. By default every role with
// records.manage also has employees.sensitive, so this file takes that right from 人事管理者 (a test-only
// matrix, mocked for this file) and keeps it for 全権管理者.
import { SENSITIVE_MASK } from '@jinji/contracts/hr/audit';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { createSampleEmployees } from '../employees/employees.service';

vi.mock('@jinji/contracts/hr/access', async (importOriginal) => {
  const orig = await importOriginal<typeof import('@jinji/contracts/hr/access')>();
  const PERMISSIONS = {
    ...orig.PERMISSIONS,
    'employees.sensitive': { ...orig.PERMISSIONS['employees.sensitive'], roles: ['full_admin'] },
  };
  return {
    ...orig,
    PERMISSIONS,
    isAllowed: (roles: readonly string[], p: keyof typeof PERMISSIONS) =>
      roles.some((r) => (PERMISSIONS[p].roles as readonly string[]).includes(r)),
  };
});

const MARK = 'LEAKHEALTH4X';
let t: TestApp;
let full: Client;
let hr: Client;
let employeeId: string;
let recordId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { tenantId } = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, tenantId, 'full', ['full_admin']);
  await createTestUser(t.db, tenantId, 'hr', ['hr_admin']);
  [employeeId] = (await createSampleEmployees(t.db, tenantId, [
    {
      employeeNumber: 'E1',
      lastName: '佐藤',
      firstName: '花子',
      lastNameKana: 'さとう',
      firstNameKana: 'はなこ',
      birthDate: '1990-04-01',
      gender: '女性',
      hireDate: '2020-04-01',
    },
  ])) as [string];
  full = new Client(t.app);
  await full.login('acme', 'full', STRONG_PASSWORD);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  const cats = (await full.request('GET', '/api/v1/records/form-options')).json().categories;
  const id = (code: string) => cats.find((c: { code: string }) => c.code === code).id;
  const res = await full.request('POST', '/api/v1/records', {
    targetIds: [employeeId],
    categoryId: id('04'),
    title: `通院のため休暇${MARK}`,
    body: `診断書あり${MARK}`,
    isCompleted: false,
    dueOn: '2099-01-01',
  });
  expect(res.statusCode).toBe(201);
  recordId = res.json().id;
  expect(res.json().isSensitive).toBe(true);
  await full.request('POST', '/api/v1/records', { targetIds: [employeeId], categoryId: id('01'), title: '契約更新' });
  // the category is renamed: its records stay 要配慮 (the flag was decided when written)
  await t.db.executeSql(`update master_items set name = '体調' where id = '${id('04')}'`);
}, 120_000);
afterAll(() => t?.close());

describe(`要配慮 応対記録 (${TEST_DB})`, () => {
  it('全権管理者 sees it everywhere, and the view is logged', async () => {
    const list = (await full.request('GET', '/api/v1/records')).json();
    expect(list.items.map((i: { title: string }) => i.title)).toContain(`通院のため休暇${MARK}`);
    expect((await full.request('GET', `/api/v1/records/${recordId}`)).statusCode).toBe(200);
    const views = (
      await t.db.executeSql(
        `select after from audit_logs where action = 'view_sensitive' and target_type = 'record' order by at`,
      )
    ).rows as { after: { screen: string; recordIds: string[] } }[];
    expect(views.map((v) => v.after.screen)).toEqual(['対応記録一覧', '応対記録']);
    expect(views[0]!.after.recordIds).toEqual([recordId]);
    const created = (
      await t.db.executeSql(`select is_sensitive from audit_logs where target_id = '${recordId}' and action = 'create'`)
    ).rows;
    expect(created).toEqual([{ is_sensitive: true }]);
  });

  it('a role without employees.sensitive never gets it: lists, tasks, CSV, employee tab, detail, options, audit log', async () => {
    const bodies = await Promise.all(
      [
        '/api/v1/records',
        `/api/v1/records?employeeId=${employeeId}`,
        '/api/v1/records/tasks',
        '/api/v1/records/export',
        '/api/v1/records/export?encoding=cp932',
        `/api/v1/employees/${employeeId}/records`,
        `/api/v1/records/${recordId}`,
      ].map((url) => hr.request('GET', url)),
    );
    for (const b of bodies) expect(b.body).not.toContain(MARK);
    expect(bodies[0]!.json().items.map((i: { title: string }) => i.title)).toEqual(['契約更新']);
    expect(bodies[2]!.json().total).toBe(0);
    expect(bodies[5]!.json().total).toBe(1);
    expect(bodies[6]!.statusCode).toBe(404);
    const options = (await hr.request('GET', '/api/v1/records/form-options')).json();
    expect(options.categories.map((c: { code: string }) => c.code)).not.toContain('04');
    expect(options.categories.map((c: { code: string }) => c.code)).not.toContain('02');
    // nor change it, nor write one
    expect((await hr.request('POST', `/api/v1/records/${recordId}/complete`)).statusCode).toBe(404);
    expect((await hr.request('DELETE', `/api/v1/records/${recordId}`)).statusCode).toBe(404);
    const cats = (await full.request('GET', '/api/v1/records/form-options')).json().categories;
    const write = await hr.request('POST', '/api/v1/records', {
      targetIds: [employeeId],
      categoryId: cats.find((c: { code: string }) => c.code === '02').id,
      title: '家族のこと',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toBe('「プライベート情報」の応対記録は要配慮情報を扱える権限が必要です');
  });

  it('the システム管理者 reads its audit rows masked (JSON and CSV)', async () => {
    const admin = new Client(t.app);
    await admin.login('acme', 'admin', STRONG_PASSWORD);
    const logs = await admin.request('GET', `/api/v1/audit-logs?targetId=${recordId}`);
    expect(logs.statusCode).toBe(200);
    expect(logs.body).not.toContain(MARK);
    const row = logs.json().items.find((i: { action: string }) => i.action === 'create');
    expect(row).toMatchObject({ isSensitive: true, isMasked: true, after: { recordTitle: SENSITIVE_MASK } });
    const csv = await admin.request('GET', '/api/v1/audit-logs/export');
    expect(csv.body).not.toContain(MARK);
  });
});
