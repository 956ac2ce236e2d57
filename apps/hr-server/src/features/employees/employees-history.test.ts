// 所属・契約 history through the API: a mistyped row is corrected or deleted, a row may be inserted
// between two others, end dates always follow the next row's 適用日, and every change is in 操作ログ.

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
let hr: Client;
let other: Client; // another tenant's 人事管理者
const m = {} as Record<'company' | 'hq' | 'sales' | 'dev' | 'fulltime' | 'contract', string>;

type Row = {
  id: string;
  startDate: string;
  endDate: string | null;
  isCurrent: boolean;
  isPlanned: boolean;
  department: { name: string } | null;
};
const periods = (rows: Row[]) => rows.map((r) => [r.startDate, r.endDate, r.department?.name ?? null]);

let seq = 0;
async function newEmployee() {
  seq++;
  const res = await hr.request('POST', '/api/v1/employees', {
    lastName: '履歴',
    firstName: `太郎${seq}`,
    lastNameKana: 'りれき',
    firstNameKana: 'たろう',
    birthDate: '1990-04-01',
    gender: '男性',
    hireDate: '2022-04-01',
    employeeNumber: `H${String(seq).padStart(4, '0')}`,
    assignment: { companyId: m.company, departmentId: m.hq },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
const addAssignment = (id: string, startDate: string, departmentId: string) =>
  hr.request('POST', `/api/v1/employees/${id}/assignments`, { startDate, companyId: m.company, departmentId });
const detail = async (id: string) => (await hr.request('GET', `/api/v1/employees/${id}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  const b = await createTestTenant(t.db, 'other');
  await createTestUser(t.db, b.tenantId, 'hr', ['hr_admin']);
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  other = new Client(t.app);
  await other.login('other', 'hr', STRONG_PASSWORD);
  const mk = async (kind: string, body: Record<string, unknown>) =>
    (await hr.request('POST', `/api/v1/masters/${kind}`, body)).json().id as string;
  m.company = await mk('company', { code: '001', name: '株式会社アクメ' });
  m.hq = await mk('department', { code: 'D1', name: '本社', companyId: m.company });
  m.sales = await mk('department', { code: 'D2', name: '営業部', companyId: m.company });
  m.dev = await mk('department', { code: 'D3', name: '開発部', companyId: m.company });
  m.fulltime = await mk('employment_type', { code: 'E1', name: '正社員' });
  m.contract = await mk('employment_type', { code: 'E2', name: '契約社員' });
}, 60_000);
afterAll(() => t?.close());

describe(`所属・契約 history corrections (${TEST_DB})`, () => {
  it('corrects a 異動 mistyped as 2030 to 2024, after which the real one can be added', async () => {
    const id = await newEmployee();
    const typo = await addAssignment(id, '2030-04-01', m.sales);
    expect(typo.statusCode).toBe(200);
    const planned = typo.json().assignments[0];
    expect(planned).toMatchObject({ startDate: '2030-04-01', isPlanned: true, isCurrent: false });
    expect(typo.json().assignments[1]).toMatchObject({ isPlanned: false, isCurrent: true });

    const fixed = await hr.request('PUT', `/api/v1/employees/${id}/assignments/${planned.id}`, {
      startDate: '2024-04-01',
      companyId: m.company,
      departmentId: m.sales,
    });
    expect(fixed.statusCode).toBe(200);
    expect(periods(fixed.json().assignments)).toEqual([
      ['2024-04-01', null, '営業部'],
      ['2022-04-01', '2024-03-31', '本社'],
    ]);
    expect(fixed.json().assignments[0]).toMatchObject({ isCurrent: true, isPlanned: false });

    const real = await addAssignment(id, '2025-10-01', m.dev);
    expect(real.statusCode).toBe(200);
    expect(periods(real.json().assignments)).toEqual([
      ['2025-10-01', null, '開発部'],
      ['2024-04-01', '2025-09-30', '営業部'],
      ['2022-04-01', '2024-03-31', '本社'],
    ]);

    const log = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=update`)).json();
    const correction = log.items.find(
      (i: { before: { assignment?: unknown } | null }) => i.before?.assignment !== undefined,
    );
    expect(correction).toMatchObject({
      actorLoginId: 'hr',
      before: { assignment: { startDate: '2030-04-01', departmentId: '営業部 (D2)' } },
      after: { assignment: { startDate: '2024-04-01', departmentId: '営業部 (D2)' } },
    });
  });

  it('inserts a row between two others, and deleting the middle row closes the gap', async () => {
    const id = await newEmployee();
    await addAssignment(id, '2025-04-01', m.dev);
    const between = await addAssignment(id, '2023-10-01', m.sales);
    expect(between.statusCode).toBe(200);
    expect(periods(between.json().assignments)).toEqual([
      ['2025-04-01', null, '開発部'],
      ['2023-10-01', '2025-03-31', '営業部'],
      ['2022-04-01', '2023-09-30', '本社'],
    ]);

    const middle = between.json().assignments[1] as Row;
    const del = await hr.request('DELETE', `/api/v1/employees/${id}/assignments/${middle.id}`);
    expect(del.statusCode).toBe(200);
    expect(periods(del.json().assignments)).toEqual([
      ['2025-04-01', null, '開発部'],
      ['2022-04-01', '2025-03-31', '本社'],
    ]);

    const deletion = (await admin.request('GET', `/api/v1/audit-logs?targetId=${id}&action=delete`)).json();
    expect(deletion.items).toEqual([
      expect.objectContaining({
        actorLoginId: 'hr',
        before: { assignment: expect.objectContaining({ startDate: '2023-10-01', departmentId: '営業部 (D2)' }) },
        after: null,
      }),
    ]);
  });

  it('deleting the last row leaves the one before it open', async () => {
    const id = await newEmployee();
    const added = (await addAssignment(id, '2024-04-01', m.sales)).json();
    const res = await hr.request('DELETE', `/api/v1/employees/${id}/assignments/${added.assignments[0].id}`);
    expect(periods(res.json().assignments)).toEqual([['2022-04-01', null, '本社']]);
  });

  it('moving a row past its neighbour re-derives every end date', async () => {
    const id = await newEmployee();
    await addAssignment(id, '2023-04-01', m.sales);
    const rows = (await addAssignment(id, '2024-04-01', m.dev)).json().assignments as Row[];
    const sales = rows.find((r) => r.department?.name === '営業部')!;
    const res = await hr.request('PUT', `/api/v1/employees/${id}/assignments/${sales.id}`, {
      startDate: '2025-01-01',
      companyId: m.company,
      departmentId: m.sales,
    });
    expect(periods(res.json().assignments)).toEqual([
      ['2025-01-01', null, '営業部'],
      ['2024-04-01', '2024-12-31', '開発部'],
      ['2022-04-01', '2024-03-31', '本社'],
    ]);
  });

  it('refuses two rows with the same 適用日 and a date before 入社日, naming 適用日, and changes nothing', async () => {
    const id = await newEmployee();
    const rows = (await addAssignment(id, '2024-04-01', m.sales)).json().assignments as Row[];
    const before = periods((await detail(id)).assignments);

    const same = await hr.request('PUT', `/api/v1/employees/${id}/assignments/${rows[0]!.id}`, {
      startDate: '2022-04-01',
      departmentId: m.sales,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual([
      {
        path: 'startDate',
        message: '適用日が2022/04/01の履歴が既にあります。別の適用日を入力するか、その履歴を編集してください',
      },
    ]);
    const early = await hr.request('POST', `/api/v1/employees/${id}/assignments`, {
      startDate: '2021-04-01',
      departmentId: m.dev,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toEqual({
      path: 'startDate',
      message: '適用日は入社日（2022/04/01）以降の日付を入力してください',
    });
    expect(periods((await detail(id)).assignments)).toEqual(before);
  });

  it('two parallel 異動 on one 適用日: one is registered, the other refused', async () => {
    const id = await newEmployee();
    const res = await Promise.all([addAssignment(id, '2024-04-01', m.sales), addAssignment(id, '2024-04-01', m.dev)]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(periods((await detail(id)).assignments)).toHaveLength(2);
  });

  it('corrects and deletes 契約 rows the same way', async () => {
    const id = await newEmployee();
    await hr.request('POST', `/api/v1/employees/${id}/contracts`, {
      startDate: '2022-04-01',
      employmentTypeId: m.contract,
    });
    const res = await hr.request('POST', `/api/v1/employees/${id}/contracts`, {
      startDate: '2031-04-01',
      employmentTypeId: m.fulltime,
    });
    const [planned, first] = res.json().contracts;
    expect(planned).toMatchObject({ isPlanned: true, employmentType: expect.objectContaining({ name: '正社員' }) });
    const fixed = await hr.request('PUT', `/api/v1/employees/${id}/contracts/${planned.id}`, {
      startDate: '2024-04-01',
      employmentTypeId: m.fulltime,
    });
    expect(
      fixed.json().contracts.map((c: { startDate: string; endDate: string | null }) => [c.startDate, c.endDate]),
    ).toEqual([
      ['2024-04-01', null],
      ['2022-04-01', '2024-03-31'],
    ]);
    const del = await hr.request('DELETE', `/api/v1/employees/${id}/contracts/${first.id}`);
    expect(del.json().contracts).toEqual([expect.objectContaining({ startDate: '2024-04-01', endDate: null })]);
  });

  it("does not find another employee's or another tenant's row, and leaves it as it was", async () => {
    const a = await newEmployee();
    const b = await newEmployee();
    const rowOfB = (await detail(b)).assignments[0] as Row;
    const put = await hr.request('PUT', `/api/v1/employees/${a}/assignments/${rowOfB.id}`, {
      startDate: '2023-01-01',
      departmentId: m.dev,
    });
    expect(put.statusCode).toBe(404);
    expect(put.json().error.message).toBe('所属の履歴が見つかりません');
    expect((await hr.request('DELETE', `/api/v1/employees/${a}/assignments/${rowOfB.id}`)).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/v1/employees/${b}/assignments/${rowOfB.id}`)).statusCode).toBe(404);
    expect((await detail(b)).assignments).toEqual([rowOfB]);
  });
});
