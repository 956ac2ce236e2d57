// The batched writer of new employees (form, imports, demo): one statement per batch for all five
// tables, and all or nothing.
import { randomUUID } from 'node:crypto';
import { queryRows } from '@jinji/db/client';
import { TEST_DB } from '@jinji/test-kit/database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/helpers';
import type { Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type NewEmployeeWrite, writeNewEmployees } from './employee-writes';

let t: TestApp;
let tenantId: string;
let actor: Actor;
let company: string;

const row = (n: number, over: Partial<NewEmployeeWrite> = {}): NewEmployeeWrite => ({
  basic: {
    lastName: '山田',
    firstName: `太郎${n}`,
    lastNameKana: 'ヤマダ',
    firstNameKana: 'タロウ',
    birthDate: '1990-04-01',
    gender: '男性',
    hireDate: '2022-04-01',
    email: `w${n}@example.jp`,
  },
  employeeNumber: `W${n}`,
  loginId: `w${n}`,
  assignments: [{ startDate: '2022-04-01', companyId: company }],
  contracts: [{ startDate: '2022-04-01' }],
  audit: { employeeNumber: `W${n}` },
  ...over,
});

/** A transaction that counts the statements it is given. */
const counting = (tx: Tx) => {
  const counter = { statements: 0 };
  const proxy = new Proxy(tx, {
    get(target, key, receiver) {
      if (key === 'execute')
        return (...args: Parameters<Tx['execute']>) => {
          counter.statements++;
          return target.execute(...args);
        };
      return Reflect.get(target, key, receiver);
    },
  });
  return { tx: proxy as Tx, counter };
};

const counts = async () =>
  (
    await t.db.asTenant(tenantId, (tx) =>
      queryRows<{ e: number; u: number; a: number; c: number; l: number }>(
        tx,
        sql`select (select count(*)::int from employees where employee_number like 'W%') as e,
                (select count(*)::int from user_accounts where login_id like 'w%') as u,
                (select count(*)::int from employee_assignments) as a,
                (select count(*)::int from employee_contracts) as c,
                (select count(*)::int from audit_logs where target_type = 'employee' and action = 'create') as l`,
      ),
    )
  )[0]!;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'writes');
  tenantId = a.tenantId;
  actor = { kind: 'job', tenantId, jobId: 'writes-test', userId: a.userId, loginId: 'admin', roles: [] };
  company = (
    await t.db.asTenant(tenantId, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into master_items (tenant_id, kind, code, name) values (${tenantId}, 'company', '001', '株式会社テスト') returning id`,
      ),
    )
  )[0]!.id;
}, 60_000);
afterAll(() => t?.close());

describe(`writeNewEmployees (${TEST_DB})`, () => {
  it('writes a batch — employees, accounts, 所属, 契約 and their audit rows — in one statement', async () => {
    await t.db.asTenant(tenantId, async (raw) => {
      const { tx, counter } = counting(raw);
      const ids = await writeNewEmployees(tx, actor, [row(1), row(2), row(3, { loginId: null })]);
      expect(ids).toHaveLength(3);
      expect(counter.statements).toBe(1);
    });
    expect(await counts()).toEqual({ e: 3, u: 2, a: 3, c: 3, l: 3 });
  });

  it('leaves nothing of a batch whose one 所属 names a master that does not exist', async () => {
    const before = await counts();
    const bad = row(5, { assignments: [{ startDate: '2022-04-01', companyId: randomUUID() }] });
    await expect(t.db.asTenant(tenantId, (tx) => writeNewEmployees(tx, actor, [row(4), bad]))).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
