-- A login in few round trips (issue #10 item 6). SECURITY INVOKER like jinji_session_context (0015,
-- decision 008): each sets tenant and role itself, so every read and write runs as jinji_app under the
-- tenant's policies. The lockout rules stay in the auth kit (TypeScript); these only read and write.
--
-- jinji_login_attempt: in the attempt's transaction, the tenant by its code, the account by its login
-- ID, the password policy's expiry, and the account's throttle rows for the source and account-wide
-- (inserted when missing, then locked in source order — the order of every other lock on them).
-- NULL for an unknown tenant or account, or one without a password.
CREATE OR REPLACE FUNCTION jinji_login_attempt(
  p_tenant_code text, p_login_id text, p_source text, p_account_source text
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_tenant uuid;
  u record;
  v_rows jsonb;
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
  INSERT INTO login_throttles (tenant_id, user_id, source)
    VALUES (v_tenant, u.id, p_account_source), (v_tenant, u.id, p_source) ON CONFLICT DO NOTHING;
  SELECT jsonb_agg(jsonb_build_object('source', l.source, 'failures', l.failures,
           'windowStartedAt', l.window_started_at, 'lockedUntil', l.locked_until,
           'lastSuccessAt', l.last_success_at))
    INTO v_rows
    FROM (SELECT * FROM login_throttles
            WHERE user_id = u.id AND source IN (p_source, p_account_source)
            ORDER BY source FOR UPDATE) l;
  RETURN jsonb_build_object('tenantId', v_tenant, 'userId', u.id, 'passwordHash', u.password_hash,
    'passwordChangedAt', u.password_changed_at, 'isDisabled', u.is_disabled,
    'expiryDays', (SELECT p.expiry_days FROM password_policies p), 'throttles', v_rows);
END $$;
--> statement-breakpoint
-- jinji_login_success: after a right password, in one statement (its own transaction): the source's
-- count back to zero and the source known, the reserved failure of the account given back (the auth
-- kit's settleSuccess, applied to the rows as they are now, locked in source order), the last login
-- and an expired password's mustChangePassword, the new session; returns what /auth/me shows (NULL
-- when the account is gone).
CREATE OR REPLACE FUNCTION jinji_login_success(
  p_tenant uuid, p_user uuid, p_source text, p_account_source text, p_id_hash text, p_now timestamptz,
  p_expires_at timestamptz, p_ip text, p_user_agent text, p_is_expired boolean
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true), set_config('role', 'jinji_app', true);
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
    WHERE id = p_user;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO sessions (tenant_id, id_hash, user_id, expires_at, ip, user_agent)
    VALUES (p_tenant, p_id_hash, p_user, p_expires_at, p_ip, p_user_agent);
  -- what /auth/me answers, read back by the request path's own function (the new session is neither
  -- idle nor stale: nothing is touched)
  RETURN jinji_session_context(p_tenant, p_id_hash, p_now, '-infinity', '-infinity');
END $$;
