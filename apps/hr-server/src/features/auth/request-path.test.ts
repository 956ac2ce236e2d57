// Issue #10 item 6: the authenticated request path is one round trip (session, user, roles and tenant
// under RLS, by one prepared statement), and a fresh session is not written. Every statement sent to
// the database is counted at the driver, so a second read of the session cannot creep back in.

import { PGlite } from '@electric-sql/pglite';
import { hashSecret } from '@jinji/auth/session-token';
import { TEST_DB } from '@jinji/test-kit/database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createTestTenant, STRONG_PASSWORD, type TestApp } from '../../../test/helpers';

type Sent = { text: string; name?: string };
const sent: Sent[] = [];
const describeQuery = (q: unknown): Sent =>
  typeof q === 'string' ? { text: q } : { text: String((q as Sent).text), name: (q as Sent).name };

// node-postgres: every client.query is one round trip (the pool calls it too). PGlite: query and exec,
// and a transaction's BEGIN, COMMIT and every statement inside it.
function countStatements(): () => void {
  const pgQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    sent.push(describeQuery(args[0]));
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  const { query, exec, transaction } = PGlite.prototype;
  PGlite.prototype.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
    sent.push({ text: String(args[0]) });
    return query.apply(this, args);
  } as typeof query;
  PGlite.prototype.exec = function (this: PGlite, ...args: Parameters<PGlite['exec']>) {
    sent.push({ text: String(args[0]) });
    return exec.apply(this, args);
  };
  PGlite.prototype.transaction = function (this: PGlite, fn) {
    sent.push({ text: 'BEGIN' }, { text: 'COMMIT' });
    return transaction.call(this, (tx) =>
      fn(
        new Proxy(tx, {
          get(target, key, receiver) {
            const v = Reflect.get(target, key, receiver);
            if (key !== 'query' && key !== 'exec') return v;
            return (...a: unknown[]) => {
              sent.push({ text: String(a[0]) });
              return (v as (...b: unknown[]) => unknown).apply(target, a);
            };
          },
        }),
      ),
    );
  } as typeof transaction;
  return () => {
    pg.Client.prototype.query = pgQuery;
    Object.assign(PGlite.prototype, { query, exec, transaction });
  };
}

let t: TestApp;
let restore: () => void;
beforeAll(async () => {
  t = await createTestApp();
  await createTestTenant(t.db, 'acme');
  restore = countStatements();
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

async function statementsOf(run: () => Promise<unknown>): Promise<Sent[]> {
  sent.length = 0;
  await run();
  return [...sent];
}

const lastSeen = async (c: Client) => {
  const idHash = hashSecret(c.cookie('__Host-jinji_sid')!.split('.')[1]!);
  const { rows } = await t.db.executeSql('select last_seen_at from sessions where id_hash = $1', [idHash]);
  return { idHash, at: (rows[0] as { last_seen_at: Date }).last_seen_at };
};

describe(`the authenticated request path (${TEST_DB})`, () => {
  it('answers /auth/me and /auth/session from one prepared statement', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    for (const url of ['/api/v1/auth/me', '/api/v1/auth/session']) {
      let status = 0;
      const statements = await statementsOf(async () => {
        status = (await c.request('GET', url)).statusCode;
      });
      expect(status).toBe(200);
      expect(statements).toHaveLength(1);
      expect(statements[0]!.text).toContain('jinji_session_context');
      if (TEST_DB === 'postgres') expect(statements[0]!.name).toBe('jinji_session_context');
    }
    const me = (await c.request('GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ user: { loginId: 'admin' }, tenant: { code: 'acme' }, roles: ['system_admin'] });
  });

  it('touches a session at most once a minute, in the same round trip', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const fresh = await lastSeen(c);
    await c.request('GET', '/api/v1/auth/me');
    expect((await lastSeen(c)).at).toEqual(fresh.at); // fresh: read, not written

    await t.db.executeSql(`update sessions set last_seen_at = now() - interval '2 minutes' where id_hash = $1`, [
      fresh.idHash,
    ]);
    const stale = (await lastSeen(c)).at;
    const statements = await statementsOf(() => c.request('GET', '/api/v1/auth/me'));
    expect(statements).toHaveLength(1);
    expect((await lastSeen(c)).at.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
  });

  it('an ended session costs one round trip too, and is gone afterwards', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const { idHash } = await lastSeen(c);
    await t.db.executeSql(`update sessions set last_seen_at = now() - interval '31 minutes' where id_hash = $1`, [
      idHash,
    ]);
    let status = 0;
    const statements = await statementsOf(async () => {
      status = (await c.request('GET', '/api/v1/auth/me')).statusCode;
    });
    expect(status).toBe(401);
    expect(statements).toHaveLength(1);
    const { rows } = await t.db.executeSql('select 1 from sessions where id_hash = $1', [idHash]);
    expect(rows).toHaveLength(0);
  });
});

describe(`the login path (${TEST_DB})`, () => {
  const loginStatements = async (c: Client, tenantCode: string, loginId: string, password: string) => {
    await c.token(); // the CSRF cookie costs no statement, but keep it out of the count
    let status = 0;
    const statements = await statementsOf(async () => {
      status = (await c.request('POST', '/api/v1/auth/login', { tenantCode, loginId, password })).statusCode;
    });
    return { status, statements };
  };

  it('signs in with three round trips: the attempt read with its rate-limit hit, its reservation, then the session', async () => {
    // the first attempt from a source inserts its throttle row; a fresh browser, so no session to end
    await loginStatements(new Client(t.app, { remoteAddress: '198.51.100.10' }), 'acme', 'admin', STRONG_PASSWORD);
    const c = new Client(t.app, { remoteAddress: '198.51.100.10' });
    const { status, statements } = await loginStatements(c, 'acme', 'admin', STRONG_PASSWORD);
    expect(status).toBe(200);
    // no transaction of the app's own: each statement is its own (compare-and-set, migration 0025)
    expect(statements.map((s) => s.text.trim().split(/\s/)[0]!.toLowerCase())).toEqual(['select', 'select', 'select']);
    // the rate-limit hit rides on the attempt read (migration 0026)
    expect(statements.filter((s) => s.text.includes('jinji_rate_limit_public'))).toHaveLength(0);
    expect(statements.filter((s) => s.text.includes('jinji_login_attempt('))).toHaveLength(1);
    expect(statements.filter((s) => s.text.includes('jinji_login_reserve('))).toHaveLength(1);
    expect(statements.filter((s) => s.text.includes('jinji_login_success('))).toHaveLength(1);
    if (TEST_DB === 'postgres') {
      expect(statements.map((s) => s.name)).toEqual([
        'jinji_login_attempt',
        'jinji_login_reserve',
        'jinji_login_success',
      ]);
    }
    const me = (await c.request('GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ user: { loginId: 'admin' }, tenant: { code: 'acme' }, roles: ['system_admin'] });
  });

  it('refuses an unknown organisation or account after one statement, whose only write is the rate-limit hit', async () => {
    for (const [code, loginId] of [
      ['nosuch', 'admin'],
      ['acme', 'nosuch'],
    ] as const) {
      const { status, statements } = await loginStatements(new Client(t.app), code, loginId, STRONG_PASSWORD);
      expect(status).toBe(401);
      expect(statements).toHaveLength(1); // jinji_login_attempt, which counts the rate-limit hit too
    }
  });

  it('counts a wrong password before the check and settles it after', async () => {
    const c = new Client(t.app, { remoteAddress: '198.51.100.11' });
    const { status, statements } = await loginStatements(c, 'acme', 'admin', 'Wrong-Password-2026!');
    expect(status).toBe(401);
    // the attempt read with the rate-limit hit and its reservation (2), then the failure's settlement
    // under the tenant: begin, tenant and role, insert-if-missing and lock of the rows, the stale rows'
    // sweep, commit (6)
    expect(statements).toHaveLength(8);
  });
});
