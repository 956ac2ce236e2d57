-- The authenticated request path in one round trip (issue #10 item 6): set the tenant and the role,
-- then read the session, its user, roles and tenant under RLS — and end an idle, expired or disabled
-- session, or touch a stale one — in one statement. SECURITY INVOKER on purpose (decision 008): the
-- caller must itself be allowed to become jinji_app (the request login is), so the function grants
-- nothing; every read and write below runs as jinji_app under the tenant's policies. The limits are
-- the caller's cut-offs (the auth kit's sessionCutoffs), so the database clock is not a second judge.
CREATE OR REPLACE FUNCTION jinji_session_context(
  p_tenant uuid, p_id_hash text, p_now timestamptz, p_idle_before timestamptz, p_touch_before timestamptz
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  s record;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true), set_config('role', 'jinji_app', true);
  SELECT se.user_id, se.last_seen_at, se.expires_at, u.login_id, u.display_name, u.email, u.is_disabled,
         u.must_change_password
    INTO s
    FROM sessions se JOIN user_accounts u ON u.tenant_id = se.tenant_id AND u.id = se.user_id
    WHERE se.id_hash = p_id_hash;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF s.is_disabled OR s.expires_at <= p_now OR s.last_seen_at < p_idle_before THEN
    DELETE FROM sessions WHERE id_hash = p_id_hash;
    RETURN NULL;
  END IF;
  IF s.last_seen_at < p_touch_before THEN
    UPDATE sessions SET last_seen_at = p_now WHERE id_hash = p_id_hash;
  END IF;
  RETURN jsonb_build_object(
    'userId', s.user_id, 'loginId', s.login_id, 'displayName', s.display_name, 'email', s.email,
    'mustChangePassword', s.must_change_password,
    'roles', coalesce((SELECT jsonb_agg(r.role) FROM role_members r WHERE r.user_id = s.user_id), '[]'::jsonb),
    'tenant', (SELECT jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) FROM tenants t));
END $$;
