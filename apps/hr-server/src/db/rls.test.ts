// R-TEN-1: tenant isolation is enforced by the database itself, on both engines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestTenant, TEST_DB } from '../../test/helpers';
import { type Database, queryRows } from './client';
import { userAccounts } from './schema/index';

let db: Database;
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;

beforeAll(async () => {
  db = await createTestDatabase(1); // pool of one on PostgreSQL: every transaction reuses the same connection
  a = await createTestTenant(db, 'tenant-a');
  b = await createTestTenant(db, 'tenant-b');
});
afterAll(() => db?.close());

describe(`row-level security catalog (${TEST_DB})`, () => {
  it('every table with tenant_id has RLS enabled and forced, with a policy', async () => {
    const rows = await db.executeSql(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
             exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as has_policy
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r','p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`);
    const tables = rows.rows as {
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      has_policy: boolean;
    }[];
    expect(tables.map((t) => t.relname)).toEqual(
      expect.arrayContaining([
        'employees',
        'password_history',
        'password_policies',
        'role_members',
        'sessions',
        'user_accounts',
      ]),
    );
    for (const t of tables) {
      expect({
        table: t.relname,
        enabled: t.relrowsecurity,
        forced: t.relforcerowsecurity,
        policy: t.has_policy,
      }).toEqual({
        table: t.relname,
        enabled: true,
        forced: true,
        policy: true,
      });
    }
  });

  it('the tenants table itself is isolated by id', async () => {
    const rows = await db.executeSql(
      `select relrowsecurity, relforcerowsecurity from pg_class where relname = 'tenants' and relnamespace = 'public'::regnamespace`,
    );
    expect(rows.rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('the app role is not superuser, has no BYPASSRLS and owns no table', async () => {
    const role = await db.executeSql(`select rolsuper, rolbypassrls from pg_roles where rolname = 'jinji_app'`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await db.executeSql(
      `select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = 'jinji_app')`,
    );
    expect(owned.rows[0]).toEqual({ n: 0 });
  });
});

describe(`audit trail (${TEST_DB})`, () => {
  it('the app role can append audit rows but never change or delete them', async () => {
    await db.asTenant(a.tenantId, (tx) =>
      tx.execute(
        sql`insert into audit_logs (tenant_id, action, target_type) values (${a.tenantId}, 'update', 'employee')`,
      ),
    );
    for (const statement of [sql`update audit_logs set action = 'x'`, sql`delete from audit_logs`]) {
      const error = await db
        .asTenant(a.tenantId, (tx) => tx.execute(statement))
        .then(
          () => null,
          (e: Error & { cause?: Error }) => e,
        );
      expect(error?.cause?.message ?? error?.message).toMatch(/permission denied/);
    }
    const rows = await db.asTenant(a.tenantId, (tx) =>
      queryRows<{ action: string }>(tx, sql`select action from audit_logs`),
    );
    expect(rows).toEqual([{ action: 'update' }]);
  });
});

describe(`cross-tenant access (${TEST_DB})`, () => {
  it("tenant A's context sees none of tenant B's rows", async () => {
    const seen = await db.asTenant(a.tenantId, (tx) =>
      tx.select({ tenantId: userAccounts.tenantId, loginId: userAccounts.loginId }).from(userAccounts),
    );
    expect(seen).toEqual([{ tenantId: a.tenantId, loginId: 'admin' }]);
    const tenants = await db.asTenant(a.tenantId, (tx) =>
      queryRows<{ code: string }>(tx, sql`select code from tenants`),
    );
    expect(tenants).toEqual([{ code: 'tenant-a' }]);
  });

  it("an insert of tenant B's row from tenant A's context fails", async () => {
    const error = await db
      .asTenant(a.tenantId, (tx) =>
        tx.insert(userAccounts).values({ tenantId: b.tenantId, loginId: 'intruder', displayName: 'x' }),
      )
      .then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
    // drizzle wraps the driver error; the database's own message is the cause
    expect(error?.cause?.message ?? error?.message).toMatch(/row-level security/);
    const bUsers = await db.asTenant(b.tenantId, (tx) =>
      tx.select({ loginId: userAccounts.loginId }).from(userAccounts),
    );
    expect(bUsers.map((u) => u.loginId)).toEqual(['admin']);
  });

  it("an update or delete aimed at tenant B's rows changes nothing", async () => {
    await db.asTenant(a.tenantId, async (tx) => {
      await tx.execute(sql`update user_accounts set display_name = 'hacked' where tenant_id = ${b.tenantId}`);
      await tx.execute(sql`delete from sessions where tenant_id = ${b.tenantId}`);
    });
    const bUsers = await db.asTenant(b.tenantId, (tx) =>
      tx.select({ displayName: userAccounts.displayName }).from(userAccounts),
    );
    expect(bUsers).toEqual([{ displayName: 'システム管理者' }]);
  });

  it('without a tenant context nothing is visible', async () => {
    const seen = await db.asAnonymous((tx) => tx.select().from(userAccounts));
    expect(seen).toEqual([]);
  });

  it('the tenant setting does not survive its transaction (interleaved on one connection)', async () => {
    const order: string[] = [];
    await Promise.all([
      db.asTenant(a.tenantId, async (tx) => {
        order.push((await tx.select({ t: userAccounts.tenantId }).from(userAccounts))[0]!.t);
      }),
      db.asTenant(b.tenantId, async (tx) => {
        order.push((await tx.select({ t: userAccounts.tenantId }).from(userAccounts))[0]!.t);
      }),
      db.asAnonymous(async (tx) => {
        order.push(String((await tx.select().from(userAccounts)).length));
      }),
    ]);
    expect(order.sort()).toEqual(['0', a.tenantId, b.tenantId].sort());
    const after = await db.executeSql(
      `select coalesce(current_setting('app.tenant_id', true), '') as t, current_user as u`,
    );
    expect((after.rows[0] as { t: string }).t).toBe('');
    expect((after.rows[0] as { u: string }).u).not.toBe('jinji_app');
  });
});
