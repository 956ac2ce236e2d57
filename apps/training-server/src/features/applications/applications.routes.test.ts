// The applications routes × every システム権限 of another organisation × this organisation's ids (in the
// path, the query and the body): nothing of this organisation comes back (no id, no name, no mail),
// nothing of it changes, and no answer is a 5xx. Until the lead's generic training route matrix lands
// (apps/training-server/src/route-matrix.test.ts), this is the slice's own.
import { TEST_DB } from '@jinji/test-kit/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { applications, courseSessions } from '../../db/schema/index';
import { createApplicationOrg, createSession } from './applications.fixtures';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
beforeAll(async () => {
  t = await trainingTestApp({ configure: (c) => ({ ...c, login: { ...c.login, ratePerMinute: 10_000 } }) });
});
afterAll(() => t?.close());

const OURS =
  /^\/api\/(v1\/(applications|approvals|purchase-history|application-users|attendee-sessions|course-sessions)|link\/v1\/applications)/;

describe(`applications routes × roles × another organisation's ids (${TEST_DB})`, () => {
  it("never answers with, or changes, the other organisation's applications", async () => {
    const a = await createApplicationOrg(t.db, [
      { loginId: 'admin', role: 'admin' },
      { loginId: 'boss', role: 'approver' },
      { loginId: 'hanako', approver: 'boss' },
    ]);
    const b = await createApplicationOrg(t.db, [
      { loginId: 'general' },
      { loginId: 'approver', role: 'approver' },
      { loginId: 'admin', role: 'admin' },
    ]);
    const { sessionId } = await createSession(t.db, a.id, { capacity: 1 });
    const hanako = trainingClient(t.app);
    await hanako.login(a.code, 'hanako', PASSWORD);
    const applicationId = (await hanako.request('POST', '/api/v1/applications', { sessionId })).json().id as string;
    const secrets = [applicationId, sessionId, a.ids.hanako!, 'hanako 氏名', 'hanako@example.jp', 'boss 氏名'];

    const routes = t.app.apiRoutes.filter((r) => OURS.test(r.url));
    // HR's link route takes the organisation's token, never a session: the generic matrix holds it to 401
    const all = routes.filter((r) => r.access.kind !== 'service').map((r) => ({ method: r.method, url: r.url }));
    expect(all.length).toBe(15);
    const fill = (url: string) =>
      `${url.replace(':id', applicationId).replace(':sessionId', sessionId)}?sessionId=${sessionId}&userId=${a.ids.hanako}`;
    const body = {
      sessionId,
      reason: '理由',
      entries: [{ applicationId, attendance: 'attended' }],
    };
    const seen: string[] = [];
    for (const role of ['general', 'approver', 'admin']) {
      const c = trainingClient(t.app);
      expect((await c.login(b.code, role, PASSWORD)).statusCode).toBe(200);
      for (const r of all) {
        const res = await c.request(r.method as 'GET', fill(r.url), r.method === 'GET' ? undefined : body);
        seen.push(`${role} ${r.method} ${r.url} ${res.statusCode}`);
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBeLessThan(500);
        for (const s of secrets) expect(res.body, `${role} ${r.method} ${r.url}`).not.toContain(s);
        if (r.method !== 'GET') expect([400, 403, 404], `${role} ${r.method} ${r.url}`).toContain(res.statusCode);
      }
    }
    const [row] = await t.db.asTenant(a.id, (tx) =>
      tx.select().from(applications).where(eq(applications.id, applicationId)),
    );
    expect(row).toMatchObject({ status: 'pending', attendance: null, cancelReason: null, rejectReason: null });
    const [session] = await t.db.asTenant(a.id, (tx) =>
      tx.select().from(courseSessions).where(eq(courseSessions.id, sessionId)),
    );
    expect(session!.seatsTaken).toBe(0);
    expect(seen).toHaveLength(45); // 15 routes × 3 roles
  }, 60_000);
});
