-- The organisations table is isolated by its own id (the kit secures the others by organisation_id):
-- the app role sees only the current 契約組織; the code on the login form is resolved by a SECURITY
-- DEFINER function, the one read before any organisation is known.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jinji_training_app') THEN
    CREATE ROLE jinji_training_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF to_regprocedure('public.jinji_current_tenant()') IS NULL THEN
    CREATE FUNCTION public.jinji_current_tenant() RETURNS uuid
      LANGUAGE sql STABLE AS $f$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $f$;
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE training.organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training.organisations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON training.organisations USING (id = public.jinji_current_tenant()) WITH CHECK (id = public.jinji_current_tenant());
--> statement-breakpoint
CREATE POLICY system_access ON training.organisations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT USAGE ON SCHEMA training TO jinji_training_app;
--> statement-breakpoint
GRANT SELECT ON training.organisations TO jinji_training_app;
--> statement-breakpoint
COMMENT ON TABLE training.audit_logs IS 'jinji:append-only';
--> statement-breakpoint
CREATE FUNCTION training.organisation_id_by_code(p_code text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = training, pg_temp
  AS $$ SELECT id FROM organisations WHERE code = p_code $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION training.organisation_id_by_code(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION training.organisation_id_by_code(text) TO jinji_training_app;
--> statement-breakpoint
-- Every authenticated request in one statement: organisation and role set transaction-locally, then the
-- session with its user and organisation read under RLS; an ended session (idle, expired, user
-- disabled) is deleted, a stale one touched. SECURITY INVOKER: it grants nothing (decision 008). The
-- cut-offs come from the auth kit's sessionCutoffs. In public: the request login, which holds no right of
-- its own, may call it before it becomes the app role.
CREATE FUNCTION public.jinji_training_session_context(p_org uuid, p_hash text, p_now timestamptz,
  p_idle_before timestamptz, p_touch_before timestamptz) RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SET search_path = training, pg_temp
AS $$ DECLARE r record; BEGIN
  PERFORM set_config('role', 'jinji_training_app', true), set_config('app.tenant_id', p_org::text, true);
  SELECT s.user_id, s.last_seen_at AS seen, s.expires_at AS ends, u.disabled_at IS NOT NULL AS off,
         jsonb_build_object('id', u.id, 'loginId', u.login_id, 'displayName', u.display_name, 'email', u.email,
           'systemRole', u.system_role, 'organization', jsonb_build_object('id', o.id, 'code', o.code, 'name', o.name)) AS me
    INTO r
    FROM sessions s
    JOIN users u ON (u.organisation_id, u.id) = (s.organisation_id, s.user_id)
    JOIN organisations o ON o.id = s.organisation_id
    WHERE s.id_hash = p_hash;
  CASE
    WHEN NOT FOUND THEN RETURN NULL;
    WHEN r.off OR r.ends <= p_now OR r.seen < p_idle_before THEN
      DELETE FROM sessions WHERE id_hash = p_hash;
      RETURN NULL;
    WHEN r.seen < p_touch_before THEN
      UPDATE sessions SET last_seen_at = p_now WHERE id_hash = p_hash;
    ELSE NULL;
  END CASE;
  RETURN r.me;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.jinji_training_session_context(uuid, text, timestamptz, timestamptz, timestamptz) TO jinji_training_app;
