-- Tenant isolation (R-TEN-1, docs/decisions/002-tenancy-and-rls.md).
-- jinji_app: the role every request runs as (SET LOCAL ROLE). Not superuser, no BYPASSRLS, owns nothing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jinji_app') THEN
    CREATE ROLE jinji_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the same cluster created it at the same moment
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT jinji_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO jinji_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jinji_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jinji_current_tenant() TO jinji_app;
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants USING (id = jinji_current_tenant()) WITH CHECK (id = jinji_current_tenant());
--> statement-breakpoint
GRANT SELECT, UPDATE ON tenants TO jinji_app;
--> statement-breakpoint
-- Before login the tenant is known only by its code: resolve it without granting a view of the table.
CREATE OR REPLACE FUNCTION jinji_tenant_id_by_code(p_code text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM tenants WHERE code = p_code $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jinji_has_tenant() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM tenants) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jinji_tenant_id_by_code(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jinji_has_tenant() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jinji_tenant_id_by_code(text) TO jinji_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jinji_has_tenant() TO jinji_app;
--> statement-breakpoint
-- Every table with a tenant_id column gets RLS enabled and forced, one policy, and grants for jinji_app.
-- A table commented 'jinji:append-only' (audit trails) gets SELECT and INSERT only.
-- The migrator calls this after every migration run, so a new table cannot be left open.
CREATE OR REPLACE FUNCTION jinji_secure_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class') AS note
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (tenant_id = jinji_current_tenant()) WITH CHECK (tenant_id = jinji_current_tenant())',
        t.relname);
    END IF;
    IF coalesce(t.note, '') LIKE '%jinji:append-only%' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM jinji_app', t.relname);
      EXECUTE format('GRANT SELECT, INSERT ON %I TO jinji_app', t.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jinji_app', t.relname);
    END IF;
  END LOOP;
END $$;
