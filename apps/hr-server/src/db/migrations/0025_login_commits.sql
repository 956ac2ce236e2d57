-- A login's commits and round trips (issue #10 item 6, measured 2026-12-03 in decision 004): on a 2-core
-- machine every statement's CPU is taken from argon2, and each WAL flush (fdatasync) was a third of the
-- database's share. Three changes, the lockout's rules and counts unchanged:
--
-- jinji_login_attempt reads without locking (p_lock false), so the attempt's first statement runs alone
-- and, when the throttle rows exist, writes nothing (no transaction id, no WAL flush). Each row comes with
-- its version (xmin). The rows are inserted only when missing.
--
-- jinji_login_reserve saves the kit's reserveAttempt of those rows in one statement, only if neither row
-- changed since it was read (both versions still current, under the rows' locks taken in source order):
-- compare-and-set in place of the transaction that held the locks across the kit's decision. False when
-- another attempt got there first: the caller reads again and decides again (the auth repository; after a
-- few conflicts it falls back to the locking transaction, p_lock true). Either way every attempt is counted
-- on the rows as the previous one left them, so concurrent attempts still cannot slip past the limits.
--
-- jinji_login_success commits asynchronously (synchronous_commit off for its own transaction): if the
-- database crashes within the WAL writer's delay, the new session is lost (the user signs in again) and the
-- reserved failure stays counted — the safe direction; the count itself (jinji_login_reserve) is flushed
-- before the password is checked. It returns /auth/me's answer from the rows it has just written instead
-- of reading the new session back.
CREATE OR REPLACE FUNCTION jinji_login_attempt(
  p_tenant_code text, p_login_id text, p_source text, p_account_source text, p_lock boolean
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_tenant uuid;
  u record;
  v_rows jsonb;
  v_count int;
BEGIN
  PERFORM set_config('role', 'jinji_app', true);
  v_tenant := jinji_tenant_id_by_code(p_tenant_code);
  IF v_tenant IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('app.tenant_id', v_tenant::text, true);
  SELECT a.id, a.password_hash, a.password_changed_at, a.is_disabled INTO u
    FROM user_accounts a WHERE a.login_id = p_login_id LIMIT 1;
  IF NOT FOUND OR u.password_hash IS NULL THEN
    RETURN NULL;
  END IF;
  FOR i IN 1..2 LOOP
    IF p_lock THEN
      SELECT jsonb_agg(jsonb_build_object('source', l.source, 'failures', l.failures,
               'windowStartedAt', l.window_started_at, 'lockedUntil', l.locked_until,
               'lastSuccessAt', l.last_success_at, 'version', l.xmin::text)), count(*)
        INTO v_rows, v_count
        FROM (SELECT *, xmin FROM login_throttles
                WHERE user_id = u.id AND source IN (p_source, p_account_source)
                ORDER BY source FOR UPDATE) l;
    ELSE
      SELECT jsonb_agg(jsonb_build_object('source', l.source, 'failures', l.failures,
               'windowStartedAt', l.window_started_at, 'lockedUntil', l.locked_until,
               'lastSuccessAt', l.last_success_at, 'version', l.xmin::text)), count(*)
        INTO v_rows, v_count
        FROM login_throttles l WHERE l.user_id = u.id AND l.source IN (p_source, p_account_source);
    END IF;
    EXIT WHEN v_count = 2 OR i = 2;
    INSERT INTO login_throttles (tenant_id, user_id, source)
      VALUES (v_tenant, u.id, p_account_source), (v_tenant, u.id, p_source) ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN jsonb_build_object('tenantId', v_tenant, 'userId', u.id, 'passwordHash', u.password_hash,
    'passwordChangedAt', u.password_changed_at, 'isDisabled', u.is_disabled,
    'expiryDays', (SELECT p.expiry_days FROM password_policies p), 'throttles', v_rows);
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS jinji_login_attempt(text, text, text, text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jinji_login_reserve(
  p_tenant uuid, p_user uuid,
  p_source text, p_failures int, p_window_started_at timestamptz, p_locked_until timestamptz,
  p_last_success_at timestamptz, p_version text,
  p_account_source text, p_account_failures int, p_account_window_started_at timestamptz,
  p_account_locked_until timestamptz, p_account_last_success_at timestamptz, p_account_version text
) RETURNS boolean LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_current int;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true), set_config('role', 'jinji_app', true);
  SELECT count(*) INTO v_current FROM (
    SELECT source, xmin::text AS version FROM login_throttles
      WHERE user_id = p_user AND source IN (p_source, p_account_source) ORDER BY source FOR UPDATE) l
    WHERE (l.source = p_source AND l.version = p_version)
       OR (l.source = p_account_source AND l.version = p_account_version);
  IF v_current <> 2 THEN
    RETURN false;
  END IF;
  UPDATE login_throttles t SET failures = v.failures, window_started_at = v.window_started_at,
      locked_until = v.locked_until, last_success_at = v.last_success_at, updated_at = now()
    FROM (VALUES (p_source, p_failures, p_window_started_at, p_locked_until, p_last_success_at),
                 (p_account_source, p_account_failures, p_account_window_started_at, p_account_locked_until,
                  p_account_last_success_at))
      AS v(source, failures, window_started_at, locked_until, last_success_at)
    WHERE t.user_id = p_user AND t.source = v.source;
  RETURN true;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jinji_login_success(
  p_tenant uuid, p_user uuid, p_source text, p_account_source text, p_id_hash text, p_now timestamptz,
  p_expires_at timestamptz, p_ip text, p_user_agent text, p_is_expired boolean
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  u record;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true), set_config('role', 'jinji_app', true),
    set_config('synchronous_commit', 'off', true);
  INSERT INTO login_throttles (tenant_id, user_id, source)
    VALUES (p_tenant, p_user, p_account_source), (p_tenant, p_user, p_source) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM login_throttles WHERE user_id = p_user AND source IN (p_source, p_account_source)
    ORDER BY source FOR UPDATE;
  UPDATE login_throttles SET
      failures = CASE WHEN source = p_account_source THEN greatest(failures - 1, 0) ELSE 0 END,
      locked_until = CASE WHEN source = p_account_source THEN locked_until END,
      window_started_at = CASE WHEN source = p_account_source THEN window_started_at ELSE p_now END,
      last_success_at = CASE WHEN source = p_account_source THEN last_success_at ELSE p_now END,
      updated_at = p_now
    WHERE user_id = p_user AND source IN (p_source, p_account_source);
  UPDATE user_accounts SET last_login_at = p_now, must_change_password = must_change_password OR p_is_expired
    WHERE id = p_user
    RETURNING login_id, display_name, email, must_change_password, is_disabled INTO u;
  -- gone, or disabled since the attempt was read: no session (as jinji_session_context would end it)
  IF NOT FOUND OR u.is_disabled THEN
    RETURN NULL;
  END IF;
  INSERT INTO sessions (tenant_id, id_hash, user_id, expires_at, ip, user_agent)
    VALUES (p_tenant, p_id_hash, p_user, p_expires_at, p_ip, p_user_agent);
  RETURN jsonb_build_object(
    'userId', p_user, 'loginId', u.login_id, 'displayName', u.display_name, 'email', u.email,
    'mustChangePassword', u.must_change_password,
    'roles', coalesce((SELECT jsonb_agg(r.role) FROM role_members r WHERE r.user_id = p_user), '[]'::jsonb),
    'tenant', (SELECT jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) FROM tenants t));
END $$;
