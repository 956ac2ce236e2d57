-- Least privilege with an owner that is not superuser and has no BYPASSRLS (docs/decisions/008).
--
-- 1. The owner is the trusted system role (migrations, tenant creation, job bookkeeping): under FORCE
--    RLS it gets a policy of its own on every tenant table, `system_access TO <owner> USING (true)`.
--    The request path never runs as the owner (it logs in as a per-database request role, below).
CREATE OR REPLACE FUNCTION jinji_secure_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.oid, c.relname, pg_get_userbyid(c.relowner) AS owner, obj_description(c.oid, 'pg_class') AS note
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
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = 'system_access') THEN
      EXECUTE format('CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)', t.relname, t.owner);
    END IF;
    IF coalesce(t.note, '') LIKE '%jinji:append-only%' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM jinji_app', t.relname);
      EXECUTE format('GRANT SELECT, INSERT ON %I TO jinji_app', t.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jinji_app', t.relname);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- tenants is isolated by id (0001); the owner resolves codes and creates tenants through this policy,
-- which is also what the SECURITY DEFINER functions jinji_tenant_id_by_code/jinji_has_tenant run under.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = 'tenants' AND policyname = 'system_access') THEN
    EXECUTE format('CREATE POLICY system_access ON tenants TO %I USING (true) WITH CHECK (true)',
      (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.tenants'::regclass));
  END IF;
END $$;
--> statement-breakpoint
-- 2. The request login: a role of this database only (roles are cluster-wide; one per database keeps
--    test databases and several installations on one cluster apart), created by the migrator
--    (migrate.ts) with a random secret kept here. Nobody but the owner can read this table.
CREATE TABLE IF NOT EXISTS jinji_request_login (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  role_name text NOT NULL,
  secret text NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON jinji_request_login FROM PUBLIC;
--> statement-breakpoint
-- 3. Partial-name search without LEAKPROOF. Under RLS the planner keeps a non-leakproof LIKE above
--    the policy's filter, so the trigram index could only filter by tenant. This function runs as the
--    owner, whose own policy is `true`, so `search_text LIKE` becomes an index condition; it filters by
--    the caller's tenant itself. EXECUTE … USING plans with the pattern's value (the trigram index
--    needs it). An empty context finds nothing.
CREATE OR REPLACE FUNCTION jinji_employee_ids_matching(p_form text) RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_tenant uuid := jinji_current_tenant();
BEGIN
  IF v_tenant IS NULL OR p_form IS NULL OR p_form = '' THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE 'SELECT e.id FROM employees e WHERE e.tenant_id = $1 AND e.search_text LIKE $2'
    USING v_tenant, '%' || replace(replace(replace(p_form, '\', '\\'), '%', '\%'), '_', '\_') || '%';
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jinji_employee_ids_matching(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jinji_employee_ids_matching(text) TO jinji_app;
--> statement-breakpoint
-- 4. Undo 0005: nothing relies on a leakproof textlike any more, and a catalog change that only a
--    superuser can make (and that differs between installations) is gone. Same on both engines.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND (SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.textlike(text, text)'::regprocedure) THEN
    ALTER FUNCTION pg_catalog.textlike(text, text) NOT LEAKPROOF;
  END IF;
END $$;
