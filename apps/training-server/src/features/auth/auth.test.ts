// Training login (decision 004 on the training system): one 401 for every failed login, the session
// routes, CSRF, and one organisation's users invisible to another's transactions.
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { users } from '../../db/schema/index';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;
let other: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  t = await trainingTestApp();
  org = await createOrganisation(t.db, ['admin', 'sato', 'locked']);
  other = await createOrganisation(t.db, ['admin']);
});
afterAll(() => t?.close());

describe(`training auth (${TEST_DB})`, () => {
  it('logs in, answers session and me, and logs out', async () => {
    const c = trainingClient(t.app);
    expect((await c.request('GET', '/api/v1/auth/session')).json()).toEqual({ me: null });
    const login = await c.login(org.code, 'sato', PASSWORD);
    expect(login.statusCode).toBe(200);
    const me = {
      user: { id: org.userIds[1], loginId: 'sato', displayName: 'sato', email: null },
      organization: { id: org.id, code: org.code, name: `研修組織 ${org.code}` },
      systemRole: 'general',
      permissions: ['courses.view', 'applications.apply'],
      mustChangePassword: false,
    };
    expect(login.json()).toEqual(me);
    expect(c.cookie('__Host-jinji_trn_sid')).toMatch(new RegExp(`^${org.id}\\.`));
    expect((await c.request('GET', '/api/v1/auth/me')).json()).toEqual(me);
    expect((await c.request('GET', '/api/v1/auth/session')).json()).toEqual({ me });
    expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.request('GET', '/api/v1/auth/session')).json()).toEqual({ me: null });
  });

  it('answers a wrong password, an unknown organisation or login ID and a lockout with the same 401', async () => {
    const attempt = (code: string, loginId: string, password: string) =>
      trainingClient(t.app, { remoteAddress: '203.0.113.9' }).login(code, loginId, password);
    const answers = [
      await attempt(org.code, 'admin', 'wrong-password'),
      await attempt('no-such-org', 'admin', PASSWORD),
      await attempt(org.code, 'nobody', PASSWORD),
    ];
    for (let i = 0; i < 3; i++) await attempt(org.code, 'locked', 'wrong-password');
    answers.push(await attempt(org.code, 'locked', PASSWORD)); // the right password, while locked
    const first = answers[0]!;
    expect(first.statusCode).toBe(401);
    // the same answer every time but the お問い合わせ番号, which is each request's own
    const withoutId = (r: typeof first) => {
      const { requestId, ...error } = r.json().error;
      expect(requestId).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      return { status: r.statusCode, body: { error } };
    };
    for (const a of answers) expect(withoutId(a)).toEqual(withoutId(first));
    expect(first.json().error.code).toBe('INVALID_CREDENTIALS');
    // another source is not locked out, and the lock is in the audit trail
    expect((await trainingClient(t.app).login(org.code, 'locked', PASSWORD)).statusCode).toBe(200);
    const audit = await t.db.executeSql(
      `select action, target_id from training.audit_logs where organisation_id = '${org.id}' and action = 'lock'`,
    );
    expect(audit.rows).toEqual([{ action: 'lock', target_id: org.userIds[2] }]);
  });

  it('refuses a mutating request without the CSRF token', async () => {
    const c = trainingClient(t.app);
    await c.login(org.code, 'admin', PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `__Host-jinji_trn_sid=${c.cookie('__Host-jinji_trn_sid')}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it("does not show one organisation's users or organisation to another (RLS)", async () => {
    const seen = await t.db.asTenant(other.id, (tx) => tx.select({ loginId: users.loginId }).from(users));
    expect(seen).toEqual([{ loginId: 'admin' }]);
    const orgs = await t.db.executeSql('select 1'); // engine alive
    expect(orgs.rows.length).toBe(1);
    const visible = await t.db.asTenant(other.id, (tx) => tx.execute('select code from training.organisations'));
    expect((visible as unknown as { rows: unknown[] }).rows).toEqual([{ code: other.code }]);
    expect(await t.db.asAnonymous((tx) => tx.select().from(users))).toEqual([]);
  });
});
