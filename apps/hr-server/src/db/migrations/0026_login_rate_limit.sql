-- The login's rate-limit hit folded into its attempt read (issue #10 item 6, decision 004 "Measured
-- 2026-12-03"): one round trip and one transaction fewer per login attempt. The hit is the kit's
-- (packages/db rate-limit.ts: jinji_rate_limit_hit, created by the migrator after every migration run and
-- granted to jinji_app), on the key the route's own limiter would use, so the limit counts as before; it
-- comes first, before the tenant is looked up, so unknown organisations and accounts are counted too. Past
-- the limit nothing else is read. The attempt's transaction commits asynchronously, as the separate hit
-- did: a crash may forget the last fraction of a second of hits and of new (zero) throttle rows; the
-- reservation (jinji_login_reserve) is still the flushed commit before the password is checked.
--
-- p_rate_key null: no hit (the retries after a lost compare-and-set and the locking transaction, whose
-- request was already counted). Returns {hits, ttlMs, attempt}; attempt null for an unknown tenant or
-- account, or when the limit is exceeded. The five-argument form of 0025 stays for now: processes of the
-- previous release still call it while a new one starts; a later migration drops it.
CREATE OR REPLACE FUNCTION jinji_login_attempt(
  p_tenant_code text, p_login_id text, p_source text, p_account_source text, p_lock boolean,
  p_rate_key bytea, p_rate_window_ms integer, p_rate_max integer
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_hits int;
  v_ttl int;
  v_tenant uuid;
  u record;
  v_rows jsonb;
  v_count int;
BEGIN
  PERFORM set_config('role', 'jinji_app', true);
  IF p_rate_key IS NOT NULL THEN
    PERFORM set_config('synchronous_commit', 'off', true);
    SELECT h.hits, h.ttl_ms INTO v_hits, v_ttl FROM public.jinji_rate_limit_hit(p_rate_key, p_rate_window_ms) h;
    IF v_hits > p_rate_max THEN
      RETURN jsonb_build_object('hits', v_hits, 'ttlMs', v_ttl, 'attempt', NULL);
    END IF;
  END IF;
  v_tenant := jinji_tenant_id_by_code(p_tenant_code);
  IF v_tenant IS NULL THEN
    RETURN jsonb_build_object('hits', v_hits, 'ttlMs', v_ttl, 'attempt', NULL);
  END IF;
  PERFORM set_config('app.tenant_id', v_tenant::text, true);
  SELECT a.id, a.password_hash, a.password_changed_at, a.is_disabled INTO u
    FROM user_accounts a WHERE a.login_id = p_login_id LIMIT 1;
  IF NOT FOUND OR u.password_hash IS NULL THEN
    RETURN jsonb_build_object('hits', v_hits, 'ttlMs', v_ttl, 'attempt', NULL);
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
  RETURN jsonb_build_object('hits', v_hits, 'ttlMs', v_ttl, 'attempt', jsonb_build_object(
    'tenantId', v_tenant, 'userId', u.id, 'passwordHash', u.password_hash,
    'passwordChangedAt', u.password_changed_at, 'isDisabled', u.is_disabled,
    'expiryDays', (SELECT p.expiry_days FROM password_policies p), 'throttles', v_rows));
END $$;
--> statement-breakpoint
-- The tenant by its code in PL/pgSQL, not SQL: an SQL function called from PL/pgSQL is parsed and planned
-- again in every transaction (its cache lives in the caller's per-transaction expression state), measured
-- 7.5 % of the backend's CPU of a login; PL/pgSQL keeps the plan for the session. Same rights (SECURITY
-- DEFINER, CREATE OR REPLACE keeps owner and grants), same answer.
CREATE OR REPLACE FUNCTION jinji_tenant_id_by_code(p_code text) RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ BEGIN RETURN (SELECT id FROM tenants WHERE code = p_code); END $$;
