// R-TEN-1: tenant isolation is enforced by the database itself, on both engines.

import { queryRows } from '@jinji/db/client';
import { TEST_DB } from '@jinji/test-kit/database';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestTenant } from '../../test/helpers';
import type { Database } from './client';
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
  // That every table of every schema is under forced RLS with a tenant policy (the tenants table by its
  // id) is scripts/rls-catalog.test.ts's, with both apps on one database.
  it("every tenant table (and tenants) has the owner's system policy and nobody else's", async () => {
    const rows = await db.executeSql(`
      select n.nspname || '.' || c.relname as relname, pg_get_userbyid(c.relowner) as owner,
             (select array_agg(r::regrole::text) from pg_policy p, unnest(p.polroles) r
               where p.polrelid = c.oid and p.polname = 'system_access') as roles,
             (select p.polqual is not null and pg_get_expr(p.polqual, c.oid) = 'true' from pg_policy p
               where p.polrelid = c.oid and p.polname = 'system_access') as sees_all
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%' and c.relkind in ('r','p')
        and ((n.nspname = 'public' and c.relname = 'tenants') or exists (select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))`);
    const tables = rows.rows as { relname: string; owner: string; roles: string[] | null; sees_all: boolean }[];
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables)
      expect({ table: t.relname, roles: t.roles, seesAll: t.sees_all }).toEqual({
        table: t.relname,
        roles: [t.owner],
        seesAll: true,
      });
  });

  it('neither the app role nor the request login has the rights of the owner', async () => {
    const roles = await db.executeSql(`
      select r.rolname, r.rolsuper, r.rolbypassrls, r.rolinherit, r.rolcreaterole, r.rolcreatedb,
             pg_has_role(r.oid, (select relowner from pg_class where oid = 'public.employees'::regclass), 'USAGE') as owner_rights,
             (select count(*)::int from pg_class where relowner = r.oid) as owns
      from pg_roles r
      where r.rolname = 'jinji_app' or r.rolname = (select role_name from jinji_request_login)
      order by r.rolname = 'jinji_app' desc`);
    const [app, login] = roles.rows as Record<string, unknown>[];
    expect(app).toMatchObject({ rolsuper: false, rolbypassrls: false, owner_rights: false, owns: 0 });
    if (TEST_DB === 'postgres') {
      // NOINHERIT: the login holds no right until SET LOCAL ROLE jinji_app
      expect(login).toMatchObject({
        rolsuper: false,
        rolbypassrls: false,
        rolinherit: false,
        rolcreaterole: false,
        rolcreatedb: false,
        owner_rights: false,
        owns: 0,
      });
    }
  });

  it.runIf(TEST_DB === 'postgres')(
    'request SQL cannot reach the owner: RESET ROLE and SET ROLE <owner> fail',
    async () => {
      const owner = ((await db.executeSql('select current_user as u')).rows[0] as { u: string }).u;
      const attempt = (statement: SQL) =>
        db
          .asTenant(a.tenantId, async (tx) => {
            await tx.execute(statement);
            return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from user_accounts`);
          })
          .then(
            (r) => r,
            (e: Error & { cause?: Error }) => (e.cause?.message ?? e.message) as string,
          );
      // after RESET ROLE the connection is the request login, which may read no table at all
      expect(await attempt(sql`reset role`)).toMatch(/permission denied for table user_accounts/);
      expect(await attempt(sql.raw(`set role ${owner}`))).toMatch(/permission denied to set role/);
      expect(await attempt(sql`set role none`)).toMatch(/permission denied for table user_accounts/);
      // what a plain request connection is, outside any transaction
      const bare = await db.probeRequestConnection(
        `select current_user as u, has_table_privilege('user_accounts', 'select') as can_read`,
      );
      expect(bare.rows[0]).toEqual({ u: expect.stringMatching(/^jinji_req_/), can_read: false });
    },
  );

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
    const after = await db.probeRequestConnection(
      `select coalesce(current_setting('app.tenant_id', true), '') as t, current_user as u`,
    );
    expect((after.rows[0] as { t: string }).t).toBe('');
    expect((after.rows[0] as { u: string }).u).not.toBe('jinji_app');
  });
});
