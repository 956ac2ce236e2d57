// Row-level security for any schema (decisions 002, 008, 009): every table of the schema that has the
// tenant column gets RLS enabled and forced, the policy `tenant_isolation` (<column> = the tenant of
// app.tenant_id), the owner's `system_access`, and DML grants for the app role — SELECT and INSERT
// only for a table commented `jinji:append-only` (audit trails). The migrator runs it after every
// migration run, so a new table cannot stay open.
import type { SqlExecutor } from './client';

export type RlsOptions = { schema: string; tenantColumn: string; appRole: string };

// The values are spliced into a DO block (which takes no parameters): only plain identifiers pass.
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function literal(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `'${name}'`;
}

/** The SQL that secures every tenant table of `schema`; idempotent. */
export function secureTenantTablesSql(opts: RlsOptions): string {
  const schema = literal(opts.schema);
  const column = literal(opts.tenantColumn);
  const role = literal(opts.appRole);
  return `DO $kit$
DECLARE
  t record;
BEGIN
  -- the app role: NOLOGIN, not superuser, no BYPASSRLS; created once per cluster
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${role}) THEN
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE', ${role});
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database of the same cluster created it at the same moment
    END;
  END IF;
  -- a non-superuser owner grants the role to its request login, so it must hold it itself
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, ${role}, 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', ${role}, current_user);
  END IF;
  -- the tenant of the transaction, for every app (decision 009: app.tenant_id in both)
  IF to_regprocedure('public.jinji_current_tenant()') IS NULL THEN
    BEGIN
      CREATE FUNCTION public.jinji_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE AS $f$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $f$;
    EXCEPTION WHEN duplicate_function OR unique_violation THEN
      NULL;
    END;
  END IF;
  EXECUTE format('GRANT EXECUTE ON FUNCTION public.jinji_current_tenant() TO %I', ${role});
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', ${schema}, ${role});
  FOR t IN
    SELECT c.relname, pg_get_userbyid(c.relowner) AS owner, obj_description(c.oid, 'pg_class') AS note
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ${column} AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', ${schema}, t.relname);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', ${schema}, t.relname);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = ${schema} AND tablename = t.relname AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I.%I USING (%I = public.jinji_current_tenant()) WITH CHECK (%I = public.jinji_current_tenant())',
        ${schema}, t.relname, ${column}, ${column});
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = ${schema} AND tablename = t.relname AND policyname = 'system_access') THEN
      EXECUTE format('CREATE POLICY system_access ON %I.%I TO %I USING (true) WITH CHECK (true)', ${schema}, t.relname, t.owner);
    END IF;
    IF coalesce(t.note, '') LIKE '%jinji:append-only%' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.%I FROM %I', ${schema}, t.relname, ${role});
      EXECUTE format('GRANT SELECT, INSERT ON %I.%I TO %I', ${schema}, t.relname, ${role});
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', ${schema}, t.relname, ${role});
    END IF;
  END LOOP;
END $kit$`;
}

export async function secureTenantTables(db: SqlExecutor, opts: RlsOptions): Promise<void> {
  await db.executeSql(secureTenantTablesSql(opts));
}

export type TenantTableState = {
  schema: string;
  table: string;
  enabled: boolean;
  forced: boolean;
  policy: boolean;
};

/**
 * Every table, in every schema but PostgreSQL's own, that has one of `tenantColumns`, with its RLS
 * state: what the catalog tests hold to enabled, forced and with a tenant policy.
 */
export async function listTenantTables(db: SqlExecutor, tenantColumns: string[]): Promise<TenantTableState[]> {
  const { rows } = await db.executeSql(
    `select n.nspname as schema, c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                    and p.policyname = 'tenant_isolation') as policy
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r','p')
       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = any($1::text[]) and not a.attisdropped)
     order by 1, 2`,
    [tenantColumns],
  );
  return rows as TenantTableState[];
}
