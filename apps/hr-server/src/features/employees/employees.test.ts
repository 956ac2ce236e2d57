import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  TEST_DB,
  type TestApp,
} from '../../../test/helpers';
import { createSampleEmployees } from './employees.service';

let t: TestApp;

const person = (n: number) => ({
  employeeNumber: String(n).padStart(6, '0'),
  lastName: '佐藤',
  firstName: `花子${n}`,
  lastNameKana: 'サトウ',
  firstNameKana: 'ハナコ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2020-04-01',
  retirementDate: null,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  const b = await createTestTenant(t.db, 'beta');
  await createSampleEmployees(
    t.db,
    a.tenantId,
    Array.from({ length: 7 }, (_, i) => person(i + 1)),
  );
  await createSampleEmployees(t.db, b.tenantId, [person(99)]);
  await createTestUser(t.db, a.tenantId, 'ippan');
});
afterAll(() => t?.close());

describe(`従業員一覧 (${TEST_DB})`, () => {
  it("pages through the tenant's own employees only", async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const p1 = (await c.request('GET', '/api/v1/employees?page=1&pageSize=5')).json();
    expect(p1.total).toBe(7);
    expect(p1.items.map((e: { employeeNumber: string }) => e.employeeNumber)).toEqual([
      '000001',
      '000002',
      '000003',
      '000004',
      '000005',
    ]);
    const p2 = (await c.request('GET', '/api/v1/employees?page=2&pageSize=5')).json();
    expect(p2.items.map((e: { firstName: string }) => e.firstName)).toEqual(['花子6', '花子7']);
  });

  it('is refused to an employee without an admin role', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'ippan', STRONG_PASSWORD);
    expect((await c.request('GET', '/api/v1/employees')).statusCode).toBe(403);
  });

  it('is refused without a session', async () => {
    expect((await new Client(t.app).request('GET', '/api/v1/employees')).statusCode).toBe(401);
  });
});
