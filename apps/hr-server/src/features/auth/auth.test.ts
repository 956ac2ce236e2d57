// R-AUTH-1 / SECURITY.md: sessions, CSRF, brute force, expiry — through the HTTP API as a browser would.

import { TEST_DB } from '@jinji/test-kit/database';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import type { Config } from '../../config';
import { createTenant } from '../tenants/tenants.service';
import { createAccount, disableAccount } from './auth.service';

// Counts argon2 verifies (and against which hash), so that "the same work on every path" is checked
// without timing anything.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const argon2 = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});
const verifyCalls = () => vi.mocked(verify).mock.calls.length;
/** How many password checks reached this stored hash (unknown or stopped attempts verify a dummy). */
const checksOf = (hash: string) => vi.mocked(verify).mock.calls.filter(([stored]) => stored === hash).length;

let t: TestApp;
const login = (o: Partial<Config['login']>): Config['login'] => ({
  lockThreshold: 5,
  lockMs: 1500,
  accountHourlyLimit: 20,
  ratePerMinute: 100_000,
  ...o,
});

beforeAll(async () => {
  t = await createTestApp({ login: login({}) });
  await createTestTenant(t.db, 'acme');
});
afterAll(() => t?.close());

const SID = '__Host-jinji_sid';
const INVALID_MESSAGE =
  '企業コード、ログインIDまたはパスワードが正しくありません。続けて失敗すると一定時間ログインできなくなります';

describe(`login and sessions (${TEST_DB})`, () => {
  it('logs in with 企業コード, ログインID and パスワード and returns who I am', async () => {
    const c = new Client(t.app);
    const res = await c.login('acme', 'admin', STRONG_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { loginId: 'admin' },
      tenant: { code: 'acme' },
      roles: ['system_admin'],
      mustChangePassword: false,
    });
    const me = await c.request('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().tenant.name).toBe('テスト株式会社 acme');
  });

  it('answers GET /auth/session with 200 and me: null when signed out, and with me once signed in', async () => {
    const c = new Client(t.app);
    const signedOut = await c.request('GET', '/api/v1/auth/session');
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ me: null });
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const signedIn = await c.request('GET', '/api/v1/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me).toMatchObject({ user: { loginId: 'admin' }, tenant: { code: 'acme' } });
    await c.request('POST', '/api/v1/auth/logout');
    expect((await c.request('GET', '/api/v1/auth/session')).json()).toEqual({ me: null });
  });

  it('sets a __Host- cookie that is HttpOnly, Secure, SameSite=Lax, Path=/, with ≥128 random bits', async () => {
    const c = new Client(t.app);
    const res = await c.login('acme', 'admin', STRONG_PASSWORD);
    const cookie = res.cookies.find((k) => k.name === SID);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.domain).toBeUndefined();
    const random = cookie!.value.split('.')[1]!;
    expect(Buffer.from(random, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('issues a new session id at every login', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const first = c.cookie(SID);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const second = c.cookie(SID);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // the session replaced at the second login is gone
    const replay = new Client(t.app);
    replay.setCookie(SID, first!);
    expect((await replay.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a replayed cookie after logout', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const stolen = c.cookie(SID)!;
    expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const attacker = new Client(t.app);
    attacker.setCookie(SID, stolen);
    const res = await attacker.request('GET', '/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends every session of an account when it is disabled, and refuses its login', async () => {
    const other = await createTestTenant(t.db, 'disabled-co', { loginId: 'boss', password: STRONG_PASSWORD });
    const c = new Client(t.app);
    await c.login('disabled-co', 'boss', STRONG_PASSWORD);
    await disableAccount(
      t.db,
      { kind: 'job', tenantId: other.tenantId, jobId: 'test', userId: other.userId, loginId: 'boss', roles: [] },
      other.userId,
    );
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const { rows } = await t.db.executeSql(
      `select actor_id, target_type, target_id, before, after from audit_logs where tenant_id = $1 and target_type = 'user_account'`,
      [other.tenantId],
    );
    expect(rows).toEqual([
      {
        actor_id: other.userId,
        target_type: 'user_account',
        target_id: other.userId,
        before: { loginId: 'boss', isDisabled: false },
        after: { loginId: 'boss', isDisabled: true },
      },
    ]);
    const again = await new Client(t.app).login('disabled-co', 'boss', STRONG_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('expires a session after 30 idle minutes and after 12 hours in any case', async () => {
    const idle = new Client(t.app);
    await idle.login('acme', 'admin', STRONG_PASSWORD);
    const absolute = new Client(t.app);
    await absolute.login('acme', 'admin', STRONG_PASSWORD);
    const hash = (c: Client) => c.cookie(SID)!;
    // Move time for these two sessions only (owner connection; no clock mocking in the app).
    const { createHash } = await import('node:crypto');
    const idHash = (c: Client) => createHash('sha256').update(hash(c).split('.')[1]!).digest('hex');
    await t.db.executeSql(`update sessions set last_seen_at = now() - interval '31 minutes' where id_hash = $1`, [
      idHash(idle),
    ]);
    await t.db.executeSql(`update sessions set expires_at = now() - interval '1 second' where id_hash = $1`, [
      idHash(absolute),
    ]);
    expect((await idle.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await absolute.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(t.config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
  });

  it('answers wrong passwords, unknown IDs and unknown tenants with one Japanese message', async () => {
    for (const [code, id, pw] of [
      ['acme', 'admin', 'wrong-password'],
      ['acme', 'nobody', STRONG_PASSWORD],
      ['no-such-co', 'admin', STRONG_PASSWORD],
    ] as const) {
      const res = await new Client(t.app).login(code, id, pw);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: INVALID_MESSAGE,
        requestId: expect.any(String),
      });
    }
  });

  it('names the missing field in Japanese', async () => {
    const res = await new Client(t.app).request('POST', '/api/v1/auth/login', { tenantCode: '', loginId: 'a' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'tenantCode', message: '企業コードを入力してください' },
        expect.objectContaining({ path: 'password' }),
      ]),
    );
  });
});

describe(`CSRF (${TEST_DB})`, () => {
  it('refuses a state-changing request without the token', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const res = await c.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(200); // still logged in
  });

  it('refuses a request from another origin even with the token', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const res = await c.request('POST', '/api/v1/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a token from another browser', async () => {
    const victim = new Client(t.app);
    await victim.login('acme', 'admin', STRONG_PASSWORD);
    const attacker = new Client(t.app);
    const attackerToken = await attacker.token();
    const res = await victim.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': attackerToken });
    expect(res.statusCode).toBe(403);
  });

  it('refuses every mutating /api/v1 route without the token, before anything else runs', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'admin', STRONG_PASSWORD);
    const mutating = t.app.apiRoutes.filter((r) => r.method !== 'GET');
    expect(mutating.length).toBeGreaterThanOrEqual(5);
    for (const route of mutating) {
      const res = await c.request(route.method as 'POST', route.url, {}, { 'x-csrf-token': 'forged' });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode, code: res.json().error.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
        code: 'CSRF_FAILED',
      });
    }
  });

  it('a route without a declared access cannot be registered', async () => {
    const { buildApp } = await import('../../app');
    const app = await buildApp({ config: t.config, db: t.db, logger: false });
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(/declares no config.access/);
    await app.close();
  });
});

describe(`lockout (${TEST_DB})`, () => {
  const storedHash = async (db: TestApp['db'], userId: string) =>
    (
      (await db.executeSql(`select password_hash from user_accounts where id = $1`, [userId])).rows[0] as {
        password_hash: string;
      }
    ).password_hash;
  const from = (app: TestApp, ip: string) => new Client(app.app, { remoteAddress: ip });

  it('answers unknown IDs, wrong passwords and a locked account alike, with one argon2 verify each', async () => {
    // a lock long enough that a slow machine cannot see it run out between the cases
    const slow = await createTestApp({ login: login({ lockMs: 600_000 }) });
    const co = await createTestTenant(slow.db, 'alike-co', { loginId: 'victim', password: STRONG_PASSWORD });
    for (let i = 0; i < 5; i++) await from(slow, '198.51.100.1').login('alike-co', 'victim', `guess-${i}`);
    const cases = {
      'unknown tenant': ['no-such-co', 'victim', STRONG_PASSWORD, '203.0.113.1'],
      'unknown login ID': ['alike-co', 'nobody', STRONG_PASSWORD, '203.0.113.1'],
      'wrong password': ['alike-co', 'victim', 'wrong-password', '203.0.113.1'],
      'locked, wrong password': ['alike-co', 'victim', 'wrong-password', '198.51.100.1'],
      'locked, right password': ['alike-co', 'victim', STRONG_PASSWORD, '198.51.100.1'],
    } as const;
    const answers: Record<string, unknown> = {};
    for (const [name, [code, id, pw, ip]] of Object.entries(cases)) {
      const before = verifyCalls();
      const res = await from(slow, ip).login(code, id, pw);
      // the same body for every case but the お問い合わせ番号, which is each request's own
      const { requestId, ...error } = res.json().error;
      expect(requestId).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      answers[name] = { status: res.statusCode, body: JSON.stringify({ error }), verifies: verifyCalls() - before };
    }
    const expected = {
      status: 401,
      body: JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: INVALID_MESSAGE } }),
      verifies: 1,
    };
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((k) => [k, expected])));
    expect(JSON.parse(expected.body).error.message).not.toContain('ロック');
    // the locked source recovers by itself once the lock has run out (moved into the past here)
    await slow.db.executeSql(
      `update login_throttles set locked_until = now() - interval '1 second' where user_id = $1`,
      [co.userId],
    );
    expect((await from(slow, '198.51.100.1').login('alike-co', 'victim', STRONG_PASSWORD)).statusCode).toBe(200);
    await slow.close();
  });

  it('attempts sent at the same moment cannot slip past the threshold', async () => {
    const co = await createTestTenant(t.db, 'burst-co', { loginId: 'victim', password: STRONG_PASSWORD });
    const hash = await storedHash(t.db, co.userId);
    const checksBefore = checksOf(hash);
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => from(t, '198.51.100.77').login('burst-co', 'victim', `guess-${i}`)),
    );
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([401]));
    expect(checksOf(hash) - checksBefore).toBe(5); // the threshold of this app
  });

  it('an attacker failing 100 times from one source does not keep the owner out from another', async () => {
    const real = await createTestApp({ login: login({ lockThreshold: 10, lockMs: 900_000, accountHourlyLimit: 50 }) });
    try {
      const co = await createTestTenant(real.db, 'pair-co', { loginId: 'owner', password: STRONG_PASSWORD });
      const hash = await storedHash(real.db, co.userId);
      const checksBefore = checksOf(hash);
      const attacker = from(real, '198.51.100.66');
      const statuses = new Set<number>();
      for (let i = 0; i < 100; i++) statuses.add((await attacker.login('pair-co', 'owner', `guess-${i}`)).statusCode);
      expect([...statuses]).toEqual([401]);
      expect(checksOf(hash) - checksBefore).toBe(10); // the other 90 never reached the password check
      // the attacker's source is locked out even with the right password; the owner elsewhere is not
      expect((await from(real, '198.51.100.66').login('pair-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(401);
      expect((await from(real, '192.0.2.10').login('pair-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(200);
    } finally {
      await real.close();
    }
  }, 180_000);

  it('lets at most the hourly limit of failures reach the password check, from any number of sources', async () => {
    const real = await createTestApp({ login: login({ lockThreshold: 10, lockMs: 900_000, accountHourlyLimit: 20 }) });
    try {
      const co = await createTestTenant(real.db, 'limit-co', { loginId: 'owner', password: STRONG_PASSWORD });
      const hash = await storedHash(real.db, co.userId);
      // the owner's own office, known from an earlier login
      expect((await from(real, '192.0.2.10').login('limit-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(200);
      const checksBefore = checksOf(hash);
      for (let ip = 1; ip <= 8; ip++) {
        for (let i = 0; i < 4; i++) await from(real, `198.51.100.${ip}`).login('limit-co', 'owner', `guess-${ip}-${i}`);
      }
      // 32 attempts from 8 sources, none locked on its own: 20 checked (default 50; SECURITY.md's bar is 100)
      expect(checksOf(hash) - checksBefore).toBe(20);
      // a source never seen is stopped, whatever the password; the owner's known source is not
      const stranger = await from(real, '203.0.113.9').login('limit-co', 'owner', STRONG_PASSWORD);
      expect(stranger.statusCode).toBe(401);
      expect(stranger.json().error.message).toBe(INVALID_MESSAGE);
      expect((await from(real, '192.0.2.10').login('limit-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(200);
      // the automatic lock is in the audit trail with the system as its actor
      const { rows } = await real.db.executeSql(
        `select actor_id, target_id, after->>'scope' as scope from audit_logs where target_type = 'login_lock'`,
      );
      expect(rows).toEqual([{ actor_id: null, target_id: co.userId, scope: 'account' }]);
      // an hour later the count starts again and a new source gets in
      await real.db.executeSql(
        `update login_throttles set window_started_at = now() - interval '61 minutes', locked_until = now() - interval '1 minute' where source = '*'`,
      );
      expect((await from(real, '203.0.113.9').login('limit-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(200);
    } finally {
      await real.close();
    }
  }, 180_000);

  it('a right password gives the reserved failure back; a wrong one sweeps sources quiet for a day', async () => {
    const co = await createTestTenant(t.db, 'sweep-co', { loginId: 'owner', password: STRONG_PASSWORD });
    const throttles = async () =>
      (
        await t.db.executeSql(
          `select source, failures, last_success_at is not null as known from login_throttles where user_id = $1 order by source`,
          [co.userId],
        )
      ).rows;
    expect((await from(t, '192.0.2.20').login('sweep-co', 'owner', 'guess-1')).statusCode).toBe(401);
    expect((await from(t, '192.0.2.21').login('sweep-co', 'owner', STRONG_PASSWORD)).statusCode).toBe(200);
    expect(await throttles()).toEqual([
      { source: '*', failures: 1, known: false }, // the wrong guess, not the login
      { source: '192.0.2.20', failures: 1, known: false },
      { source: '192.0.2.21', failures: 0, known: true },
    ]);
    // a day later, one more wrong guess elsewhere drops the quiet unknown source; the known one stays
    await t.db.executeSql(`update login_throttles set updated_at = now() - interval '25 hours' where user_id = $1`, [
      co.userId,
    ]);
    expect((await from(t, '192.0.2.22').login('sweep-co', 'owner', 'guess-2')).statusCode).toBe(401);
    expect((await throttles()).map((r) => (r as { source: string }).source)).toEqual(['*', '192.0.2.21', '192.0.2.22']);
  });

  it('a システム管理者 sees the lock and lifts it with 【ロック解除】, and the audit trail says who did', async () => {
    const co = await createTestTenant(t.db, 'unlock-co');
    const user = await createTestUser(t.db, co.tenantId, 'tanaka');
    for (let i = 0; i < 5; i++) await from(t, '198.51.100.5').login('unlock-co', 'tanaka', `guess-${i}`);
    expect((await from(t, '198.51.100.5').login('unlock-co', 'tanaka', STRONG_PASSWORD)).statusCode).toBe(401);

    const admin = new Client(t.app);
    await admin.login('unlock-co', 'admin', STRONG_PASSWORD);
    const search = async () =>
      (await admin.request('GET', '/api/v1/access/accounts?q=tanaka')).json().items[0] as { lockedUntil: string };
    expect(Date.parse((await search()).lockedUntil)).toBeGreaterThan(Date.now());

    // 一般 cannot unlock (not even itself)
    const plain = new Client(t.app);
    await plain.login('unlock-co', 'tanaka', STRONG_PASSWORD);
    expect((await plain.request('POST', `/api/v1/access/accounts/${user.userId}/unlock`)).statusCode).toBe(403);
    const unknown = await admin.request('POST', '/api/v1/access/accounts/00000000-0000-4000-8000-000000000000/unlock');
    expect(unknown.statusCode).toBe(404);

    expect((await admin.request('POST', `/api/v1/access/accounts/${user.userId}/unlock`)).statusCode).toBe(204);
    expect((await search()).lockedUntil).toBeNull();
    expect((await from(t, '198.51.100.5').login('unlock-co', 'tanaka', STRONG_PASSWORD)).statusCode).toBe(200);
    const audit = await admin.request('GET', `/api/v1/audit-logs?targetId=${user.userId}`);
    const rows = audit.json().items as { actorLoginId: string | null; targetType: string; after: unknown }[];
    expect(rows.map((r) => [r.actorLoginId, r.targetType, r.after])).toEqual([
      ['admin', 'login_lock', { loginId: 'tanaka', isLocked: false, lockedUntil: null }],
      [null, 'login_lock', expect.objectContaining({ isLocked: true, scope: 'source' })],
    ]);
  });

  it('rate-limits 100+ login attempts per IP with 429 and a Japanese message', async () => {
    const limited = await createTestApp({ login: login({ lockThreshold: 10, lockMs: 900_000, ratePerMinute: 30 }) });
    try {
      const co = await createTestTenant(limited.db, 'rl-co', { loginId: 'victim', password: STRONG_PASSWORD });
      const hash = await storedHash(limited.db, co.userId);
      const checksBefore = checksOf(hash);
      const c = new Client(limited.app);
      const statuses: number[] = [];
      const first = await c.login('rl-co', 'victim', 'guess-first');
      statuses.push(first.statusCode);
      // the route counts its own hit (migration 0026) and answers with the plugin's headers
      expect(first.headers['x-ratelimit-limit']).toBe('30');
      expect(first.headers['x-ratelimit-remaining']).toBe('29');
      for (let i = 1; i < 105; i++) statuses.push((await c.login('rl-co', 'victim', `guess-${i}`)).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(70);
      const last = await c.login('rl-co', 'victim', STRONG_PASSWORD);
      expect(last.statusCode).toBe(429);
      expect(last.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(last.json().error.message).toBe('リクエストが多すぎます。しばらくしてから再度お試しください');
      expect(checksOf(hash) - checksBefore).toBe(10);
    } finally {
      await limited.close();
    }
  }, 180_000);
});

describe(`password expiry (${TEST_DB})`, () => {
  it('forces a password change at login when the password is older than the policy allows', async () => {
    const co = await createTestTenant(t.db, 'expiry-co');
    const admin = new Client(t.app);
    await admin.login('expiry-co', 'admin', STRONG_PASSWORD);
    const policy = {
      minLength: 8,
      minUppercase: 0,
      minLowercase: 0,
      minDigits: 0,
      minSymbols: 0,
      forbidLoginId: true,
      expiryDays: 90,
      reuseCount: 3,
    };
    expect((await admin.request('PUT', '/api/v1/password-policy', policy)).statusCode).toBe(200);
    await t.db.executeSql(`update user_accounts set password_changed_at = now() - interval '91 days' where id = $1`, [
      co.userId,
    ]);

    const c = new Client(t.app);
    const res = await c.login('expiry-co', 'admin', STRONG_PASSWORD);
    expect(res.json().mustChangePassword).toBe(true);
    const blocked = await c.request('GET', '/api/v1/employees');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.request('GET', '/api/v1/password-policy')).statusCode).toBe(200);

    const reused = await c.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: STRONG_PASSWORD,
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.fields).toEqual([
      { path: 'newPassword', message: '直近3回分のパスワードは再利用できません' },
    ]);

    const ok = await c.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Hagoromo-Sakura-77',
    });
    expect(ok.statusCode).toBe(204);
    expect((await c.request('GET', '/api/v1/employees')).statusCode).toBe(200);
    expect((await c.request('GET', '/api/v1/auth/me')).json().mustChangePassword).toBe(false);
    // the other session of this user was ended by the change
    expect((await admin.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe(`decorated common passwords on every path that sets one (${TEST_DB})`, () => {
  const COMMON = 'よく使われているパスワード（数字・記号を付けたり文字を置き換えたりしたものを含む）は使用できません';

  it('初期設定 / tenant:create refuses <企業コード>Password1!', async () => {
    const create = createTenant(
      t.db,
      {
        tenantCode: 'pathco',
        tenantName: 'パス株式会社',
        adminLoginId: 'admin',
        adminPassword: 'pathcoPassword1!',
        adminEmail: 'admin@pathco.example.jp',
      },
      { firstRun: false },
    );
    await expect(create).rejects.toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
      fields: [{ path: 'adminPassword', message: COMMON }],
    });
  });

  it('account:create refuses P@ssw0rd2026', async () => {
    await createTestTenant(t.db, 'cli-co');
    const create = createAccount(t.db, {
      tenantCode: 'cli-co',
      loginId: 'suzuki',
      password: 'P@ssw0rd2026',
      displayName: '鈴木',
      email: null,
    });
    await expect(create).rejects.toMatchObject({ fields: [{ path: 'password', message: COMMON }] });
  });

  it('パスワード変更 refuses Password123!', async () => {
    await createTestTenant(t.db, 'change-co');
    const c = new Client(t.app);
    await c.login('change-co', 'admin', STRONG_PASSWORD);
    const res = await c.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Password123!',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ path: 'newPassword', message: COMMON }]);
  });
});
