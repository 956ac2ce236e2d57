// R-AUTH-1 / SECURITY.md: sessions, CSRF, brute force, expiry — through the HTTP API as a browser would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createTestTenant, STRONG_PASSWORD, TEST_DB, type TestApp } from '../../../test/helpers';
import { disableAccount } from './auth.service';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ login: { lockThreshold: 5, lockMs: 1500, ratePerMinute: 1000 } });
  await createTestTenant(t.db, 'acme');
});
afterAll(() => t?.close());

const SID = '__Host-jinji_sid';

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
    await disableAccount(t.db, other.tenantId, other.userId);
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
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
        message: '企業コード、ログインIDまたはパスワードが正しくありません',
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

describe(`brute force (${TEST_DB})`, () => {
  it('locks the account after repeated failures, refuses even the right password, then lets the real user in', async () => {
    await createTestTenant(t.db, 'lock-co', { loginId: 'victim', password: STRONG_PASSWORD });
    const attacker = new Client(t.app);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attacker.login('lock-co', 'victim', `guess-${i}`)).json().error.code);
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const locked = await new Client(t.app).login('lock-co', 'victim', STRONG_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('ロック');
    await new Promise((r) => setTimeout(r, 1600));
    expect((await new Client(t.app).login('lock-co', 'victim', STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits 100+ login attempts per IP with 429 and a Japanese message', async () => {
    const limited = await createTestApp({ login: { lockThreshold: 10, lockMs: 900_000, ratePerMinute: 30 } });
    try {
      await createTestTenant(limited.db, 'rl-co', { loginId: 'victim', password: STRONG_PASSWORD });
      const c = new Client(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 105; i++) statuses.push((await c.login('rl-co', 'victim', `guess-${i}`)).statusCode);
      expect(statuses.slice(0, 10).every((s) => s === 401 || s === 423)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(70);
      const last = await c.login('rl-co', 'victim', STRONG_PASSWORD);
      expect(last.statusCode).toBe(429);
      expect(last.json().error.message).toBe('リクエストが多すぎます。しばらくしてから再度お試しください');
      // at most one lock's worth of failures reached the password check: ≤ 100 per hour per account
      const { rows } = await limited.db.executeSql(`select failed_login_count, locked_until from user_accounts`);
      expect((rows[0] as { locked_until: unknown }).locked_until).not.toBeNull();
    } finally {
      await limited.close();
    }
  });
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
