// A tenant past the count cap, loaded like the demo (COPY): the list says 「10,000件以上」 and the
// trigram search still finds exactly the matching people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, TEST_DB, type TestApp } from '../../../test/helpers';
import { seedDemo } from '../tenants/demo';

let t: TestApp;
let c: Client;
const PASSWORD = 'Scale-Test-2026!';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { password: PASSWORD, employees: 10_050, tenantCode: 'big' });
  c = new Client(t.app);
  await c.login('big', 'admin', PASSWORD);
}, 120_000);
afterAll(() => t?.close());

describe(`a tenant of 10,050 employees (${TEST_DB})`, () => {
  it('caps the count at 10,000 and says so; filtered lists count exactly', async () => {
    const all = (await c.request('GET', '/api/v1/employees?pageSize=10')).json();
    expect(all).toMatchObject({ total: 10_000, isTotalCapped: true });
    const { rows } = await t.db.executeSql(
      `select count(*)::int as n from employees where search_text like '%サトウ%' and tenant_id = (select id from tenants where code = 'big')`,
    );
    const expected = (rows[0] as { n: number }).n;
    const found = (await c.request('GET', `/api/v1/employees?q=${encodeURIComponent('ｻﾄｳ')}&pageSize=100`)).json();
    expect(found).toMatchObject({ total: expected, isTotalCapped: false });
    expect(expected).toBeGreaterThan(100);
    expect(found.items.every((e: { lastNameKana: string }) => e.lastNameKana === 'さとう')).toBe(true);
  });

  it('plans the partial name search under row-level security as it would without it', async () => {
    const tenant = ((await t.db.executeSql(`select id from tenants where code = 'big'`)).rows[0] as { id: string }).id;
    // the scan nodes (type and index), without costs or conditions
    const scans = (rows: unknown[]) =>
      (rows as { 'QUERY PLAN': string }[])
        .map((r) => r['QUERY PLAN'])
        .filter((l) => l.includes('Scan'))
        .map((l) =>
          l
            .replace(/\(cost=.*$/, '')
            .replace(/^[\s>-]+/, '')
            .trim(),
        );
    const underRls = await t.db.asTenant(tenant, async (tx) => {
      const { sql } = await import('drizzle-orm');
      const res = await tx.execute(sql`explain select id from employees where search_text like '%サトウハナコ%'`);
      return (res as unknown as { rows: unknown[] }).rows;
    });
    const asOwner = await t.db.executeSql(
      `explain select id from employees where tenant_id = '${tenant}'::uuid and search_text like '%サトウハナコ%'`,
    );
    // the same access path: without the leakproof LIKE (migration 0005) RLS would keep the LIKE out of the index
    expect(scans(underRls)).toEqual(scans(asOwner.rows));
    const { rows } = await t.db.executeSql(`select proleakproof from pg_proc where proname = 'textlike'`);
    expect(rows[0]).toEqual({ proleakproof: true });
  });
});
