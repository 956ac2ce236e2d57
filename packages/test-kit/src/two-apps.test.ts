// The kit is named for no app (decision 009): two apps, each with its own schema, tenant column, app role
// and request login, share one database and one engine, and RLS keeps tenants — and apps — apart.
import { bindDatabase, type Database, queryRows } from '@jinji/db/client';
import { listTenantTables, secureTenantTables } from '@jinji/db/rls';
import { sql } from 'drizzle-orm';
import { pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, TEST_DB, type TestEngine, type TestTemplate } from './database';

const alphaSchema = pgSchema('kit_alpha');
const alphaNotes = alphaSchema.table('notes', { tenantId: uuid('tenant_id').notNull(), body: text('body').notNull() });
const betaSchema = pgSchema('kit_beta');
const betaNotes = betaSchema.table('notes', { orgId: uuid('org_id').notNull(), body: text('body').notNull() });

const app = <S extends Record<string, unknown>>(name: string, tenantColumn: string, tables: S) => ({
  tables,
  schema: `kit_${name}`,
  tenantColumn,
  appRole: `kit_${name}_app`,
  requestLogin: { rolePrefix: `kit_${name}_req_`, table: 'request_login' },
});
const alpha = app('alpha', 'tenant_id', { alphaNotes });
const beta = app('beta', 'org_id', { betaNotes });

const template: TestTemplate = {
  name: 'kit_two_apps',
  apps: [alpha, beta],
  build: async (engine) => {
    await engine.executeSql(
      `create schema kit_alpha; create table kit_alpha.notes (tenant_id uuid not null, body text not null);
       create schema kit_beta; create table kit_beta.notes (org_id uuid not null, body text not null);`,
    );
    for (const app of [alpha, beta]) await secureTenantTables(engine, app);
  },
};

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );

let engine: TestEngine;
let a: Database<typeof alpha.tables>;
let b: Database<typeof beta.tables>;

beforeAll(async () => {
  engine = await createTestEngine(template, { poolSize: 1 });
  a = bindDatabase(engine, alpha);
  b = bindDatabase(engine, beta);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await engine?.close();
});

describe(`two apps on one engine (${TEST_DB})`, () => {
  it('secures every tenant table of each schema, whatever its tenant column', async () => {
    expect(await listTenantTables(engine, ['tenant_id', 'org_id'])).toEqual([
      { schema: 'kit_alpha', table: 'notes', enabled: true, forced: true, policy: true },
      { schema: 'kit_beta', table: 'notes', enabled: true, forced: true, policy: true },
    ]);
  });

  it("keeps each app's tenants apart", async () => {
    await a.asTenant(T1, (tx) => tx.insert(alphaNotes).values({ tenantId: T1, body: 'a1' }));
    await b.asTenant(T1, (tx) => tx.insert(betaNotes).values({ orgId: T1, body: 'b1' }));
    expect(await a.asTenant(T1, (tx) => tx.select({ body: alphaNotes.body }).from(alphaNotes))).toEqual([
      { body: 'a1' },
    ]);
    expect(await a.asTenant(T2, (tx) => tx.select().from(alphaNotes))).toEqual([]);
    expect(await b.asTenant(T2, (tx) => tx.select().from(betaNotes))).toEqual([]);
    expect(await b.asAnonymous((tx) => tx.select().from(betaNotes))).toEqual([]);
    expect(await failure(b.asTenant(T2, (tx) => tx.insert(betaNotes).values({ orgId: T1, body: 'x' })))).toMatch(
      /row-level security/,
    );
    // the owner sees every tenant through its own policy
    expect((await a.owner.select().from(alphaNotes)).length).toBe(1);
  });

  it("one app's request path cannot read the other app's tables", async () => {
    expect(await failure(a.asTenant(T1, (tx) => tx.select().from(betaNotes)))).toMatch(
      /permission denied for (schema kit_beta|table notes)/,
    );
    expect(await failure(b.asTenant(T1, (tx) => tx.select().from(alphaNotes)))).toMatch(
      /permission denied for (schema kit_alpha|table notes)/,
    );
  });

  it.runIf(TEST_DB === 'postgres')(
    'gives each app a request login that is a member of its own app role only',
    async () => {
      const who = async (db: Database<Record<string, unknown>>) =>
        (await db.probeRequestConnection('select current_user as u')).rows[0] as { u: string };
      const loginA = (await who(a)).u;
      const loginB = (await who(b)).u;
      expect(loginA).toMatch(/^kit_alpha_req_\d+$/);
      expect(loginB).toMatch(/^kit_beta_req_\d+$/);
      const memberships = await queryRows<{ login: string; roles: string[] }>(
        a.owner,
        sql`select m.rolname::text as login, array_agg(r.rolname::text order by r.rolname) as roles
          from pg_auth_members am join pg_roles m on m.oid = am.member join pg_roles r on r.oid = am.roleid
          where m.rolname in (${loginA}, ${loginB}) group by m.rolname order by m.rolname`,
      );
      expect(memberships).toEqual([
        { login: loginA, roles: ['kit_alpha_app'] },
        { login: loginB, roles: ['kit_beta_app'] },
      ]);
      // RESET ROLE lands on the bare login, which may read nothing
      expect(
        await failure(
          a.asTenant(T1, async (tx) => {
            await tx.execute(sql`reset role`);
            return tx.select().from(alphaNotes);
          }),
        ),
      ).toMatch(/permission denied/);
    },
  );
});

describe(`clones of one template (${TEST_DB})`, () => {
  it('are independent databases, each with request logins of its own', async () => {
    const other = await createTestEngine(template, { poolSize: 1 });
    const a2 = bindDatabase(other, alpha);
    try {
      await a.asTenant(T2, (tx) => tx.insert(alphaNotes).values({ tenantId: T2, body: 'only here' }));
      expect(await a2.asTenant(T2, (tx) => tx.select().from(alphaNotes))).toEqual([]);
      if (TEST_DB === 'postgres') {
        const login = async (db: Database<typeof alpha.tables>) =>
          ((await db.probeRequestConnection('select current_user as u')).rows[0] as { u: string }).u;
        expect(await login(a2)).not.toBe(await login(a));
      }
    } finally {
      await a2.close();
      await other.close();
    }
  });
});
