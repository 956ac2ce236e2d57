// R-TEN-1 for the whole database: both apps migrated onto ONE engine, as `npm start` runs them
// (compose.ts's APP_DATABASES), and then the catalog — not a list of tables someone remembered — says
// that every table of every schema but PostgreSQL's own, the job queues' and drizzle's bookkeeping is
// under forced row-level security with a policy that compares its tenant column to the session's tenant
// (app.tenant_id via jinji_current_tenant()). A table without a tenant column passes only from the
// allow-list below, with its reason. A planted open table proves the check can fail.
import type { SqlExecutor } from '@jinji/db/client';
import { appTestTemplate } from '@jinji/test-kit/app-template';
import { createTestEngine, TEST_DB, type TestEngine } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES } from './compose';

/** Schemas that hold no app data: pg-boss's (one per app: pgboss, pgboss_training) and drizzle's bookkeeping. */
const NOT_APP_DATA = [
  'pgboss',
  'pgboss_training',
  ...APP_DATABASES.map((app) => app.migrations.migrationsSchema ?? 'drizzle'),
];

/** The tenant tables themselves: row-level security on their own id (decision 002). */
const TENANT_BY_ID = ['public.tenants', 'training.organisations'];

/**
 * Tables without a tenant column, each with its reason. They carry no RLS: instead no app role may touch
 * them at all (checked below), so the request path cannot reach them.
 */
const ALLOW_WITHOUT_TENANT: Record<string, string> = {
  'public.jinji_request_login': "the owner-only secret of HR's request login (decision 008)",
  'training.request_login': "the owner-only secret of training's request login (decision 008)",
  'public.jinji_rate_limits':
    'request-rate counters before any tenant is known (login); only through a definer function',
  'training.jinji_rate_limits':
    'request-rate counters before any tenant is known (login); only through a definer function',
};

type CatalogRow = {
  schema: string;
  table: string;
  enabled: boolean;
  forced: boolean;
  policies: number;
  columns: string[];
  /** USING and WITH CHECK of every policy that is not the owner's system_access */
  tenantPolicies: { using: string | null; check: string | null }[];
  /** app roles with any privilege on the table */
  appRoleGrants: string[];
};

const APP_ROLES = APP_DATABASES.map((app) => app.spec.appRole);
const APP_SCHEMAS: Record<string, string> = Object.fromEntries(
  APP_DATABASES.map((app) => [app.spec.schema, app.spec.tenantColumn]),
);

async function readCatalog(db: SqlExecutor): Promise<CatalogRow[]> {
  const { rows } = await db.executeSql(
    `select n.nspname as schema, c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
            (select coalesce(array_agg(a.attname::text order by a.attnum), '{}') from pg_attribute a
               where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
            (select coalesce(json_agg(json_build_object('using', pg_get_expr(p.polqual, c.oid),
                                                        'check', pg_get_expr(p.polwithcheck, c.oid))), '[]')
               from pg_policy p where p.polrelid = c.oid and p.polname <> 'system_access') as "tenantPolicies",
            (select coalesce(array_agg(r.rolname::text order by r.rolname), '{}') from pg_roles r
               where r.rolname = any($2::text[])
                 and has_table_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'))
              as "appRoleGrants"
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p')
       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       and n.nspname <> all($1::text[])
     order by 1, 2`,
    [NOT_APP_DATA, APP_ROLES],
  );
  return rows as CatalogRow[];
}

/** What is wrong with the catalog, one line per problem; [] when every table is secured. */
function problemsOf(rows: CatalogRow[]): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    const name = `${r.schema}.${r.table}`;
    const column = TENANT_BY_ID.includes(name) ? 'id' : (APP_SCHEMAS[r.schema] ?? 'tenant_id');
    if (!r.columns.includes(column)) {
      if (!(name in ALLOW_WITHOUT_TENANT)) problems.push(`${name}: no tenant column ${column}, not on the allow-list`);
      else if (r.appRoleGrants.length > 0) problems.push(`${name}: allow-listed, yet ${r.appRoleGrants} may use it`);
      continue;
    }
    if (!r.enabled) problems.push(`${name}: row-level security not enabled`);
    if (!r.forced) problems.push(`${name}: row-level security not forced`);
    if (r.policies === 0) problems.push(`${name}: no policy`);
    const compares = `(${column} = jinji_current_tenant())`;
    const tenantPolicy = r.tenantPolicies.some((p) => p.using === compares && p.check === compares);
    if (r.policies > 0 && !tenantPolicy) problems.push(`${name}: no policy compares ${column} to the session's tenant`);
  }
  return problems;
}

type KeyRow = {
  schema: string;
  table: string;
  /** p primary key, u unique constraint, i unique index (not a constraint), f foreign key */
  kind: 'p' | 'u' | 'i' | 'f';
  name: string;
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
};

/** Every key of every app table: primary keys, unique constraints and indexes, foreign keys. */
async function readKeys(db: SqlExecutor): Promise<KeyRow[]> {
  const { rows } = await db.executeSql(
    `with app_tables as (
       select c.oid, n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname = any($1::text[]))
     select t.nspname as schema, t.relname as table, k.contype::text as kind, k.conname as name,
            (select array_agg(a.attname::text order by u.ord) from unnest(k.conkey) with ordinality u(att, ord)
               join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.att) as columns,
            case when k.contype = 'f' then (select rn.nspname || '.' || rc.relname from pg_class rc
               join pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = k.confrelid) end as "refTable",
            case when k.contype = 'f' then (select array_agg(a.attname::text order by u.ord)
               from unnest(k.confkey) with ordinality u(att, ord)
               join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.att) end as "refColumns"
     from app_tables t join pg_constraint k on k.conrelid = t.oid and k.contype in ('p', 'u', 'f')
     union all
     select t.nspname, t.relname, 'i', ic.relname,
            (select array_agg(coalesce(a.attname::text, '(expression)') order by u.ord)
               from unnest(i.indkey::int2[]) with ordinality u(att, ord)
               left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = u.att), null, null
     from app_tables t join pg_index i on i.indrelid = t.oid and i.indisunique
     join pg_class ic on ic.oid = i.indexrelid
     where not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
     order by 1, 2, 4`,
    [Object.keys(APP_SCHEMAS)],
  );
  return rows as KeyRow[];
}

/**
 * Citus's co-location rule (#14, docs/scale-out.md): data distributed by tenant keeps every key of a tenant
 * table on one node only when the key holds the tenant column — primary keys and unique keys include it, and
 * a foreign key to another tenant table joins on it (a foreign key to the tenant table itself is on it).
 */
function colocationProblemsOf(keys: KeyRow[], tables: CatalogRow[]): string[] {
  const columnOf = (name: string) => {
    const [schema] = name.split('.');
    return TENANT_BY_ID.includes(name) ? 'id' : (APP_SCHEMAS[schema!] ?? 'tenant_id');
  };
  const tenantTables = new Set(
    tables.filter((r) => r.columns.includes(columnOf(`${r.schema}.${r.table}`))).map((r) => `${r.schema}.${r.table}`),
  );
  const problems: string[] = [];
  for (const k of keys) {
    const name = `${k.schema}.${k.table}`;
    if (!tenantTables.has(name) || TENANT_BY_ID.includes(name)) continue;
    const column = columnOf(name);
    if (k.kind !== 'f') {
      if (!k.columns.includes(column)) problems.push(`${name}: ${k.name} (${k.columns}) lacks ${column}`);
      continue;
    }
    const ref = k.refTable!;
    const at = k.columns.indexOf(column);
    const joinsOnTenant =
      at >= 0 && (TENANT_BY_ID.includes(ref) ? k.refColumns?.[at] === 'id' : k.refColumns?.[at] === columnOf(ref));
    if (!joinsOnTenant) problems.push(`${name}: ${k.name} → ${ref} (${k.columns} → ${k.refColumns}) not on ${column}`);
  }
  return problems;
}

let engine: TestEngine;

beforeAll(async () => {
  // both apps' migrations on one engine, in npm start's order; PostgreSQL: each clone provisions both logins
  engine = await createTestEngine(appTestTemplate('apps', ...APP_DATABASES), { poolSize: 1 });
});
afterAll(() => engine?.close());

describe(`row-level security catalog of both apps on one database (${TEST_DB})`, () => {
  it('secures every table of every app schema, each by its tenant column', async () => {
    const rows = await readCatalog(engine);
    const schemas = [...new Set(rows.map((r) => r.schema))];
    console.info(`[rls-catalog ${TEST_DB}] ${schemas.length} schemas (${schemas}), ${rows.length} tables`);
    expect(schemas).toEqual(expect.arrayContaining(['public', 'training']));
    // the tables each app's own features depend on are there: the catalog read is not empty by accident
    expect(rows.map((r) => `${r.schema}.${r.table}`)).toEqual(
      expect.arrayContaining(['public.employees', 'public.sessions', 'training.users', 'training.sessions']),
    );
    expect(problemsOf(rows)).toEqual([]);
  });

  it('reports a table planted without row-level security, or without a tenant column', async () => {
    await engine.executeSql(
      `create schema planted;
       create table planted.open_notes (tenant_id uuid not null, body text);
       create table planted.global_notes (body text);
       create table training.half_open (organisation_id uuid not null);
       alter table training.half_open enable row level security;`,
    );
    try {
      expect(problemsOf(await readCatalog(engine))).toEqual([
        'planted.global_notes: no tenant column tenant_id, not on the allow-list',
        'planted.open_notes: row-level security not enabled',
        'planted.open_notes: row-level security not forced',
        'planted.open_notes: no policy',
        'training.half_open: row-level security not forced',
        'training.half_open: no policy',
      ]);
    } finally {
      await engine.executeSql('drop schema planted cascade; drop table training.half_open');
    }
    expect(problemsOf(await readCatalog(engine))).toEqual([]);
  });

  it('reports a policy that does not compare the tenant column to the session, and an allow-listed table an app role may read', async () => {
    await engine.executeSql(
      `create table training.loose (organisation_id uuid not null);
       alter table training.loose enable row level security;
       alter table training.loose force row level security;
       create policy anyone on training.loose using (true) with check (true);
       grant select on public.jinji_request_login to jinji_app;`,
    );
    try {
      expect(problemsOf(await readCatalog(engine))).toEqual([
        'public.jinji_request_login: allow-listed, yet jinji_app may use it',
        "training.loose: no policy compares organisation_id to the session's tenant",
      ]);
    } finally {
      await engine.executeSql('drop table training.loose; revoke select on public.jinji_request_login from jinji_app');
    }
  });
});

describe(`keys of both apps follow the tenant column (Citus co-location, ${TEST_DB})`, () => {
  it('every primary key, unique key and foreign key of a tenant table includes its tenant column', async () => {
    const [keys, tables] = [await readKeys(engine), await readCatalog(engine)];
    console.info(`[colocation ${TEST_DB}] ${keys.length} keys over ${tables.length} tables`);
    expect(keys.filter((k) => k.kind === 'f').length).toBeGreaterThan(20);
    expect(colocationProblemsOf(keys, tables)).toEqual([]);
  });

  it('reports a planted global unique key and a foreign key that skips the tenant column (one on it passes)', async () => {
    await engine.executeSql(
      `create table training.planted_keys (organisation_id uuid not null, id uuid not null, user_id uuid,
         code text, parent_code text, primary key (organisation_id, id), unique (code));
       create unique index planted_keys_code2 on training.planted_keys (lower(code));
       alter table training.planted_keys add constraint planted_keys_user_fk foreign key (user_id, organisation_id)
         references training.users (id, organisation_id);
       alter table training.planted_keys add constraint planted_keys_parent_fk foreign key (parent_code)
         references training.planted_keys (code);`,
    );
    try {
      expect(colocationProblemsOf(await readKeys(engine), await readCatalog(engine))).toEqual([
        'training.planted_keys: planted_keys_code2 ((expression)) lacks organisation_id',
        'training.planted_keys: planted_keys_code_key (code) lacks organisation_id',
        'training.planted_keys: planted_keys_parent_fk → training.planted_keys (parent_code → code) not on organisation_id',
      ]);
    } finally {
      await engine.executeSql('drop table training.planted_keys');
    }
  });
});
