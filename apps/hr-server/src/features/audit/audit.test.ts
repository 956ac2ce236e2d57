// 操作ログ as an auditor reads it: admin changes (マスタ, ロール, コード設定, パスワードポリシー) audited with
// before → after, targets and actors by name, master ids by name, every key labelled, the filters, and the
// CSV export (itself audited).
import {
  AUDIT_EXPORT_HEADER,
  auditChanges,
  type TAuditLogItem,
  type TAuditLogResponse,
  unlabelledAuditKeys,
} from '@jinji/contracts/hr/audit';
import { parseCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
import { sql } from 'drizzle-orm';
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
let admin: Client; // システム管理者 (表示名 admin)
let hr: Client; // 人事管理者
let hrUserId: string;
let clerkUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  hrUserId = (await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin'])).userId;
  clerkUserId = (await createTestUser(t.db, a.tenantId, 'clerk')).userId;
  await t.db.asTenant(a.tenantId, (tx) =>
    tx.execute(sql`update user_accounts set display_name = '人事 花子' where login_id = 'hr'`),
  );
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

const logs = async (qs: string): Promise<TAuditLogResponse> =>
  (await admin.request('GET', `/api/v1/audit-logs?${qs}`)).json();
const rowsFor = async (targetId: string) => (await logs(`targetId=${targetId}`)).items;
const changes = (r: TAuditLogResponse, i: TAuditLogItem) =>
  auditChanges(i.before, i.after, r.names).map((c) => [c.label, c.before, c.after]);

describe(`admin changes in 操作ログ (${TEST_DB})`, () => {
  let companyId: string;
  let deptId: string;

  it('マスタ: create, edit, delete and reorder, each with before → after and the master by name', async () => {
    companyId = (await hr.request('POST', '/api/v1/masters/company', { code: 'C1', name: '本社株式会社' })).json().id;
    deptId = (await hr.request('POST', '/api/v1/masters/department', { code: 'D1', name: '総務部', companyId })).json()
      .id;
    const edited = await hr.request('PUT', `/api/v1/masters/department/${deptId}`, {
      code: 'D1',
      name: '総務人事部',
      companyId,
      isValid: false,
    });
    expect(edited.statusCode).toBe(200);
    const page = await logs(`targetId=${deptId}`);
    const [update, create] = page.items;
    expect(create).toMatchObject({
      action: 'create',
      targetType: 'master_item',
      actorLoginId: 'hr',
      actorName: '人事 花子',
      after: { code: 'D1', name: '総務部', companyId, parentId: null },
    });
    expect(update).toMatchObject({
      action: 'update',
      targetLabel: '部署「総務人事部」',
      before: { name: '総務部', isValid: true },
      after: { name: '総務人事部', isValid: false },
    });
    expect(changes(page, update!)).toEqual([
      ['名称', '総務部', '総務人事部'],
      ['有効', '有効', '無効'],
    ]);
    // the company id in the create row reads as its name
    expect(changes(page, create!)).toContainEqual(['会社', '', '本社株式会社']);

    const a = (await hr.request('POST', '/api/v1/masters/license', { code: 'L1', name: '簿記' })).json();
    const b = (await hr.request('POST', '/api/v1/masters/license', { code: 'L2', name: '英検' })).json();
    expect((await hr.request('POST', '/api/v1/masters/license/reorder', { ids: [b.id, a.id] })).statusCode).toBe(204);
    const [moved] = await rowsFor(b.id);
    expect(moved).toMatchObject({ action: 'update', before: { sortOrder: b.sortOrder }, after: { sortOrder: 10 } });

    expect((await hr.request('DELETE', `/api/v1/masters/license/${a.id}`)).statusCode).toBe(204);
    const [deleted] = await rowsFor(a.id);
    expect(deleted).toMatchObject({
      action: 'delete',
      targetLabel: '簿記 (L1)', // the row is gone: named from its before-image
      before: { code: 'L1', name: '簿記' },
      after: null,
    });
  });

  it('マスタ CSV import: one row per item created or changed, none for unchanged lines', async () => {
    const csv = 'コード,名称,並び順,有効\r\nL2,英検,10,1\r\nL3,宅建,30,1\r\nL4,TOEIC,40,0\r\n';
    const res = await hr.request('POST', '/api/v1/masters/license/import', Buffer.from(csv), {
      'content-type': 'text/csv',
    });
    expect(res.json()).toEqual({ created: 2, updated: 1 });
    const rows = (await logs('action=create&pageSize=100')).items.filter(
      (i) => i.targetType === 'master_item' && ['宅建', 'TOEIC'].includes((i.after as { name: string }).name),
    );
    expect(rows.map((r) => (r.after as { code: string }).code).sort()).toEqual(['L3', 'L4']);
    const lic = (await hr.request('GET', '/api/v1/masters/license')).json().items;
    const l2 = lic.find((l: { code: string }) => l.code === 'L2');
    // L2 was already 英検 at sort order 10: the import changed nothing, so no new row
    expect((await rowsFor(l2.id)).map((r) => r.action)).toEqual(['update', 'create']);
  });

  it('ロール: a grant and a revoke are one row per account, roles before → after by label', async () => {
    const grant = await admin.request('PUT', '/api/v1/access/roles/employee_admin/members', {
      add: [clerkUserId, hrUserId],
    });
    expect(grant.statusCode).toBe(200);
    await admin.request('PUT', '/api/v1/access/roles/employee_admin/members', { remove: [clerkUserId] });
    const page = await logs(`targetId=${clerkUserId}`);
    expect(page.items.map((i) => [i.targetLabel, i.before, i.after])).toEqual([
      ['clerk (clerk)', { roles: ['employee_admin'] }, { roles: [] }],
      ['clerk (clerk)', { roles: [] }, { roles: ['employee_admin'] }],
    ]);
    const hrPage = await logs(`targetId=${hrUserId}`);
    expect(changes(hrPage, hrPage.items[0]!)).toEqual([['ロール', '人事管理者', '従業員管理者\n人事管理者']]);
  });

  it('コード設定 and パスワードポリシー: only the changed settings, before → after', async () => {
    const put = await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'employee_number',
      loginIdRule: null,
      employeeNumberMode: 'rule',
      employeeNumberRule: { prefix: 'E', includeHireYear: false, width: 4 },
    });
    expect(put.statusCode).toBe(200);
    const code = await logs('action=update&pageSize=1');
    expect(code.items[0]).toMatchObject({
      targetType: 'code_settings',
      targetLabel: 'コード設定',
      before: { loginIdMode: 'direct', employeeNumberMode: 'direct', employeeNumberRule: null },
      after: { loginIdMode: 'employee_number', employeeNumberMode: 'rule' },
    });
    expect(changes(code, code.items[0]!).sort()).toEqual(
      [
        ['ログインIDの付け方', '直接入力', '社員番号'],
        ['社員番号の付け方', '直接入力', 'ユーザー設定'],
        ['社員番号の生成条件・接頭辞', '', 'E'],
        ['社員番号の生成条件・入社年を含める', '', 'いいえ'],
        ['社員番号の生成条件・連番の桁数', '', '4'],
      ].sort(),
    );
    await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'direct',
      loginIdRule: null,
      employeeNumberMode: 'direct',
      employeeNumberRule: null,
    });
    expect((await logs('action=update&pageSize=1')).items[0]).toMatchObject({
      before: { employeeNumberRule: { prefix: 'E', includeHireYear: false, width: 4 } },
      after: { employeeNumberRule: null },
    });
    const policy = {
      minLength: 10,
      minUppercase: 1,
      minLowercase: 0,
      minDigits: 0,
      minSymbols: 0,
      forbidLoginId: true,
      expiryDays: 90,
      reuseCount: null,
    };
    expect((await admin.request('PUT', '/api/v1/password-policy', policy)).statusCode).toBe(200);
    const pw = await logs('action=update&pageSize=1');
    expect(pw.items[0]).toMatchObject({
      targetType: 'password_policy',
      before: { minLength: 8, minUppercase: 0, expiryDays: null },
      after: { minLength: 10, minUppercase: 1, expiryDays: 90 },
    });
    // saving the same policy again is no change and writes no row
    await admin.request('PUT', '/api/v1/password-policy', policy);
    expect((await logs('action=update&pageSize=1')).items[0]!.id).toBe(pw.items[0]!.id);
  });

  it('every key the app wrote in this tenant has a Japanese label', async () => {
    const created = await hr.request('POST', '/api/v1/employees', {
      employeeNumber: 'E-77',
      lastName: '佐藤',
      firstName: '一郎',
      lastNameKana: 'さとう',
      firstNameKana: 'いちろう',
      birthDate: '1985-05-05',
      gender: '男性',
      hireDate: '2021-04-01',
      assignment: { companyId },
    });
    expect(created.statusCode).toBe(201);
    const all = (await logs('pageSize=100')).items;
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((i) => [...unlabelledAuditKeys(i.before), ...unlabelledAuditKeys(i.after)])).toEqual([]);
  });
});

describe(`reading and filtering 操作ログ (${TEST_DB})`, () => {
  it('shows an employee as 社員番号 + 氏名 and finds the rows by 氏名, かな or 社員番号', async () => {
    const byName = await logs(`employee=${encodeURIComponent('さとう')}`);
    expect(byName.items.map((i) => i.targetLabel)).toEqual(['E-77 佐藤 一郎']);
    expect((await logs('employee=E-77')).total).toBe(1);
    expect(changes(byName, byName.items[0]!)).toContainEqual(['所属・会社', '', '本社株式会社 (C1)']);
    expect((await logs(`employee=${encodeURIComponent('存在しない人')}`)).total).toBe(0);
  });

  it('filters by 実行者 (表示名 or ログインID), 操作 and 期間, and refuses a reversed period in Japanese', async () => {
    const byActor = await logs(`actor=${encodeURIComponent('人事')}&pageSize=100`);
    expect(byActor.total).toBeGreaterThan(0);
    expect(new Set(byActor.items.map((i) => i.actorLoginId))).toEqual(new Set(['hr']));
    expect((await logs('actor=admin&action=delete')).total).toBe(0);
    expect((await logs('actor=hr&action=delete')).total).toBe(1);
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    expect((await logs(`from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await logs('from=2000-01-01&to=2000-12-31')).total).toBe(0);
    const reversed = await admin.request('GET', '/api/v1/audit-logs?from=2026-12-02&to=2026-12-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toContainEqual({
      path: 'to',
      message: '期間の終了日は開始日以降の日付を入力してください',
    });
  });

  it('exports the filtered trail as CSV, one line per changed field, in Shift_JIS too, and audits the export', async () => {
    const res = await admin.request('GET', '/api/v1/audit-logs/export?actor=hr&action=update&encoding=utf8');
    expect(res.statusCode).toBe(200);
    const [header, ...lines] = parseCsv(res.rawPayload);
    expect(header).toEqual(AUDIT_EXPORT_HEADER);
    const rename = lines.find((l) => l[4] === '名称' && l[6] === '総務人事部');
    expect(rename).toEqual([
      expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/),
      '人事 花子 (hr)',
      '更新',
      '部署「総務人事部」',
      '名称',
      '総務部',
      '総務人事部',
    ]);
    const sjis = await admin.request('GET', '/api/v1/audit-logs/export?actor=hr&action=update&encoding=cp932');
    expect(parseCsv(sjis.rawPayload)).toEqual([header, ...lines]);
    const [exported] = (await logs('action=export')).items;
    expect(exported).toMatchObject({
      targetType: 'audit_log',
      actorLoginId: 'admin',
      after: { filter: { actor: 'hr', action: 'update' }, rows: expect.any(Number), encoding: 'cp932' },
    });
  });
});
