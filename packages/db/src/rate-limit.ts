// Request-rate counters in the database (#14 item 1), so that a limit holds however many processes serve
// an app: each app's schema gets the owner-only table `jinji_rate_limits` (a fixed window per key) and the
// SECURITY DEFINER function `jinji_rate_limit_hit`, the only way in, granted to the app role. A request
// reaches it in one round trip through `public.jinji_rate_limit_<schema>`, which (like the session lookup)
// grants nothing: it only becomes the app role first; its commit is asynchronous (a database crash may forget
// the last fraction of a second of hits — a counter the memory store forgot at every restart — and the
// request does not wait for a WAL flush, measured a third of the database's CPU of a login). Keys are SHA-256 hashes (they name a route and a
// client address); a hit also sweeps a few expired rows, so the table stays small without a job. The
// migrator creates all of it after every migration run.
import { createHash } from 'node:crypto';
import type { Database, Tables } from './client';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const ident = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
};

/** The SQL that creates (or keeps) the counters and their function in `schema`; idempotent. */
export function rateLimitSql(opts: { schema: string; appRole: string }): string {
  const s = ident(opts.schema);
  const role = ident(opts.appRole);
  return `CREATE TABLE IF NOT EXISTS ${s}.jinji_rate_limits (
  key_hash bytea PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);
COMMENT ON TABLE ${s}.jinji_rate_limits IS 'request-rate counters (the kit: packages/db/src/rate-limit.ts); owner-only';
REVOKE ALL ON ${s}.jinji_rate_limits FROM PUBLIC;
CREATE OR REPLACE FUNCTION ${s}.jinji_rate_limit_hit(p_key bytea, p_window_ms integer)
  RETURNS TABLE (hits integer, ttl_ms integer)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ${s}, pg_temp
AS $f$
DECLARE
  v_window interval := make_interval(secs => p_window_ms / 1000.0);
  v_now timestamptz := clock_timestamp();
BEGIN
  DELETE FROM jinji_rate_limits
   WHERE key_hash IN (SELECT r.key_hash FROM jinji_rate_limits r
                       WHERE r.window_started_at < v_now - v_window - interval '1 hour' LIMIT 5);
  RETURN QUERY
  INSERT INTO jinji_rate_limits AS r (key_hash, window_started_at, hits) VALUES (p_key, v_now, 1)
  ON CONFLICT (key_hash) DO UPDATE SET
    window_started_at = CASE WHEN r.window_started_at + v_window <= v_now THEN v_now ELSE r.window_started_at END,
    hits = CASE WHEN r.window_started_at + v_window <= v_now THEN 1 ELSE r.hits + 1 END
  RETURNING r.hits,
    greatest(0, (extract(epoch FROM (r.window_started_at + v_window - v_now)) * 1000)::integer);
END $f$;
REVOKE ALL ON FUNCTION ${s}.jinji_rate_limit_hit(bytea, integer) FROM PUBLIC;
GRANT USAGE ON SCHEMA ${s} TO ${role};
GRANT EXECUTE ON FUNCTION ${s}.jinji_rate_limit_hit(bytea, integer) TO ${role};
CREATE OR REPLACE FUNCTION public.${ident(`jinji_rate_limit_${opts.schema}`)}(p_key bytea, p_window_ms integer)
  RETURNS TABLE (hits integer, ttl_ms integer)
  LANGUAGE plpgsql VOLATILE SET search_path = pg_temp
AS $f$ BEGIN
  PERFORM set_config('role', ${`'${opts.appRole}'`}, true), set_config('synchronous_commit', 'off', true);
  RETURN QUERY SELECT * FROM ${s}.jinji_rate_limit_hit(p_key, p_window_ms);
END $f$;`;
}

export const rateLimitKeyHash = (key: string): Buffer => createHash('sha256').update(key).digest();

/**
 * One hit on `key` in a window of `windowMs`, in one round trip on a request connection (prepared on
 * PostgreSQL): the hits so far in this window and the ms it has left.
 */
export async function hitRateLimit(
  db: Pick<Database<Tables>, 'requestStatement' | 'spec'>,
  key: string,
  windowMs: number,
): Promise<{ hits: number; ttlMs: number }> {
  const fn = `jinji_rate_limit_${db.spec.schema}`;
  const { rows } = await db.requestStatement({
    name: fn,
    text: `select hits, ttl_ms from public.${ident(fn)}($1, $2)`,
    values: [rateLimitKeyHash(key), Math.round(windowMs)],
  });
  const row = rows[0] as { hits: number; ttl_ms: number };
  return { hits: row.hits, ttlMs: row.ttl_ms };
}
