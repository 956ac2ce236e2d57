// Every training API route declares its access (the kit refuses one without), a signed-out caller gets
// 401 from each non-public one, and a small schema fuzz of every route (random JSON, NUL, lone
// surrogates, 10,000 characters, wrong types) by a signed-in user never gets a 5xx.
import { TEST_DB } from '@jinji/test-kit/database';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, trainingClient, trainingTestApp } from '../test/helpers';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  t = await trainingTestApp();
  org = await createOrganisation(t.db, ['admin']);
});
afterAll(() => t?.close());

const api = () => t.app.apiRoutes.map((r) => ({ ...r, key: `${r.method} ${r.url}` }));

describe(`training routes (${TEST_DB})`, () => {
  it('lists exactly the registered routes, each with its access', () => {
    const accessOf = (a: { kind: string; permission?: string }) => a.permission ?? a.kind;
    expect(Object.fromEntries(api().map((r) => [r.key, accessOf(r.access)]))).toEqual({
      'GET /api/v1/auth/csrf': 'public',
      'GET /api/v1/auth/session': 'public',
      'GET /api/v1/auth/me': 'session',
      'POST /api/v1/auth/login': 'public',
      'POST /api/v1/auth/logout': 'session',
      'GET /api/v1/applications/form': 'applications.apply',
      'POST /api/v1/applications': 'applications.apply',
      'GET /api/v1/applications': 'applications.apply',
      'GET /api/v1/applications/:id': 'applications.apply',
      'POST /api/v1/applications/:id/cancel': 'applications.apply',
      'POST /api/v1/applications/:id/change': 'applications.apply',
      'POST /api/v1/applications/:id/approve': 'applications.approve',
      'POST /api/v1/applications/:id/reject': 'applications.approve',
      'GET /api/v1/approvals': 'applications.approve',
      'GET /api/v1/purchase-history': 'applications.apply',
      'GET /api/v1/application-users': 'applications.manage',
      'GET /api/v1/attendee-sessions': 'applications.manage',
      'GET /api/v1/course-sessions/:sessionId/attendees': 'applications.manage',
      'PUT /api/v1/course-sessions/:sessionId/attendance': 'applications.manage',
      'GET /api/v1/course-sessions/:sessionId/attendees.csv': 'applications.manage',
    });
  });

  it('answers a signed-out caller with 401 on every non-public route', async () => {
    for (const r of api().filter((x) => x.access.kind !== 'public')) {
      const res = await trainingClient(t.app).request(r.method as 'GET', r.url);
      expect({ route: r.key, status: res.statusCode, code: res.json().error.code }).toEqual({
        route: r.key,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('never answers 5xx to schema-shaped nonsense', async () => {
    const nasty = fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\u202Eexe', '𠮷野家', 'x'.repeat(10_000), '', '%zz');
    const text = fc.oneof(nasty, fc.string());
    const loginish = fc.record(
      {
        organizationCode: fc.oneof(text, fc.constant(org.code)),
        loginId: text,
        password: fc.oneof(text, fc.anything()),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(loginish, fc.anything(), fc.jsonValue());
    const client = trainingClient(t.app);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...api()), body, fc.boolean(), async (route, payload, signedIn) => {
        if (signedIn && (await client.request('GET', '/api/v1/auth/me')).statusCode !== 200) {
          await client.login(org.code, 'admin', PASSWORD);
        }
        const url = `${route.url}?q=${encodeURIComponent('%\uFFFD')}`;
        const json = JSON.stringify(payload) ?? 'null';
        const res = await client.request(route.method as 'POST', url, route.method === 'GET' ? undefined : json, {
          'content-type': 'application/json',
        });
        statuses.add(res.statusCode);
        expect(res.statusCode, `${route.key} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      {
        numRuns: 300,
        // examples run first, before any logout has rotated the client's CSRF token: one body that
        // must reach validation, so the 400 check below cannot depend on chance
        examples: [[api().find((r) => r.url === '/api/v1/auth/login')!, { organizationCode: 'a\u0000b' }, false]],
      },
    );
    expect([...statuses].sort()).toContain(400); // the bodies did reach validation
  });
});
