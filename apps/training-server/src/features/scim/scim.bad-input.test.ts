// SCIM's bad input and its guarantees: tokens (none, bad, revoked, another organisation's), filters,
// content, the Bulk limit and duplicates — each a SCIM error with its scimType and nothing written —;
// idempotent PUT / PATCH (no second audit row), the rate limit per token, organisation isolation, and
// a schema fuzz of every SCIM route with a valid token (never a 5xx).
import { TEST_DB } from '@jinji/test-kit/database';
import { count, eq, like } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingTestApp } from '../../../test/helpers';
import { auditLogs, users } from '../../db/schema/index';
import { revokeScimToken } from './scim.service';
import { adminActorOf, issueTestToken, scimClient } from './scim.test-client';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let orgA: Awaited<ReturnType<typeof createOrganisation>>;
let orgB: Awaited<ReturnType<typeof createOrganisation>>;
let tokenA: { id: string; secret: string };
let a: ReturnType<typeof scimClient>;
let b: ReturnType<typeof scimClient>;

beforeAll(async () => {
  t = await trainingTestApp({ configure: (c) => ({ ...c, scim: { ratePerMinute: 10_000 } }) });
  orgA = await createOrganisation(t.db, ['admin']);
  orgB = await createOrganisation(t.db, ['admin']);
  tokenA = await issueTestToken(t.db, orgA);
  a = scimClient(t.app, tokenA.secret);
  b = scimClient(t.app, (await issueTestToken(t.db, orgB)).secret);
});
afterAll(() => t?.close());

const countOf = async (orgId: string) =>
  (await t.db.asTenant(orgId, (tx) => tx.select({ n: count() }).from(users)))[0]!.n;
const auditCount = async (orgId: string) =>
  (await t.db.asTenant(orgId, (tx) => tx.select({ n: count() }).from(auditLogs)))[0]!.n;
/** encodeURIComponent, with a lone surrogate sent as the bytes it would have (a malformed query) */
const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};
const expectScimError = (res: Awaited<ReturnType<typeof a>>, status: number, scimType?: string) => {
  expect(res.status, res.body).toBe(status);
  expect(res.json()).toMatchObject({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    ...(scimType ? { scimType } : {}),
  });
  expect(typeof res.json().detail).toBe('string');
};

describe(`SCIM bad input (${TEST_DB})`, () => {
  it('refuses a missing, malformed, unknown or revoked token with 401 and WWW-Authenticate', async () => {
    expectScimError(await scimClient(t.app, null)('GET', '/Users'), 401);
    expectScimError(await scimClient(t.app, 'not-a-token')('GET', '/Users'), 401);
    const forged = `${orgA.id}.${'A'.repeat(43)}`;
    const res = await scimClient(t.app, forged)('GET', '/Users');
    expectScimError(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    // organisation B's random part under A's id: the hash is looked up in A, where it is not
    const bSecret = (await issueTestToken(t.db, orgB, 'B2')).secret;
    const swapped = `${orgA.id}.${bSecret.split('.')[1]}`;
    expectScimError(await scimClient(t.app, swapped)('GET', '/Users'), 401);

    const revoked = await issueTestToken(t.db, orgA, '失効予定');
    const client = scimClient(t.app, revoked.secret);
    expect((await client('GET', '/Users')).status).toBe(200);
    await revokeScimToken(t.db, adminActorOf(orgA.id, orgA.userIds[0]!), revoked.id);
    expectScimError(await client('POST', '/Users', { userName: 'after-revoke' }), 401);
    expect(await countOf(orgA.id)).toBe(1);
  });

  it("organisation A's token never sees or changes B's users (RLS and the token's organisation)", async () => {
    const bUser = (await b('POST', '/Users', { userName: 'b-only', externalId: 'B-1' })).json();
    expectScimError(await a('GET', `/Users/${bUser.id}`), 404);
    expectScimError(await a('PUT', `/Users/${bUser.id}`, { userName: 'hijack' }), 404);
    expectScimError(
      await a('PATCH', `/Users/${bUser.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
      404,
    );
    expectScimError(await a('DELETE', `/Users/${bUser.id}`), 404);
    const filtered = await a('GET', `/Users?filter=${encodeURIComponent('externalId eq "B-1"')}`);
    expect(filtered.json().totalResults).toBe(0);
    const listed = await a('GET', '/Users?count=200');
    expect(listed.json().Resources.map((r: { id: string }) => r.id)).not.toContain(bUser.id);
    // the same userName / externalId may exist in A: uniqueness is per organisation
    expect((await a('POST', '/Users', { userName: 'b-only', externalId: 'B-1' })).status).toBe(201);
    const bulk = await a('POST', '/Bulk', {
      schemas: [BULK],
      Operations: [{ method: 'DELETE', path: `/Users/${bUser.id}` }],
    });
    expect(bulk.json().Operations[0].status).toBe('404');
    expect((await b('GET', `/Users/${bUser.id}`)).json().active).toBe(true);
  });

  it('refuses filters other than userName eq / externalId eq with 400 invalidFilter', async () => {
    for (const filter of [
      'userName co "b"',
      'title eq "x"',
      'userName eq "a" and externalId eq "b"',
      'userName eq',
      '((',
      'emails[type eq "work"]',
      'userName pr',
    ]) {
      const res = await a('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expectScimError(res, 400, 'invalidFilter');
    }
  });

  it('refuses a duplicate userName or externalId with 409 uniqueness, writing nothing', async () => {
    const first = await a('POST', '/Users', { userName: 'dup-login', externalId: 'DUP-1' });
    expect(first.status).toBe(201);
    const before = [await countOf(orgA.id), await auditCount(orgA.id)];
    expectScimError(await a('POST', '/Users', { userName: 'dup-login', externalId: 'DUP-2' }), 409, 'uniqueness');
    const byExternal = await a('POST', '/Users', { userName: 'dup-other', externalId: 'DUP-1' });
    expectScimError(byExternal, 409, 'uniqueness');
    expect(byExternal.json().detail).toContain('externalId');
    // a PUT that would take another user's userName changes nothing of the user either
    const second = (await a('POST', '/Users', { userName: 'dup-second' })).json();
    const after = [await countOf(orgA.id), await auditCount(orgA.id)];
    expectScimError(
      await a('PUT', `/Users/${second.id}`, { userName: 'dup-login', name: { formatted: '変更 される' } }),
      409,
      'uniqueness',
    );
    expect((await a('GET', `/Users/${second.id}`)).json()).toMatchObject({
      userName: 'dup-second',
      name: { formatted: 'dup-second' },
    });
    expect([await countOf(orgA.id), await auditCount(orgA.id)]).toEqual(after);
    expect(after).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('a PATCH or PUT that would take another user’s externalId is 409 uniqueness and changes nothing', async () => {
    const owner = (await a('POST', '/Users', { userName: 'ext-owner', externalId: 'EMP-OWN' })).json();
    const other = (await a('POST', '/Users', { userName: 'ext-other', externalId: 'EMP-OTH' })).json();
    const before = await auditCount(orgA.id);
    const patch = await a('PATCH', `/Users/${other.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: '変更 される' },
        { op: 'replace', path: 'externalId', value: 'EMP-OWN' },
      ],
    });
    expectScimError(patch, 409, 'uniqueness');
    expectScimError(
      await a('PUT', `/Users/${other.id}`, { userName: 'ext-other', externalId: 'EMP-OWN' }),
      409,
      'uniqueness',
    );
    expect((await a('GET', `/Users/${other.id}`)).json()).toMatchObject({
      externalId: 'EMP-OTH',
      userName: 'ext-other',
    });
    expect((await a('GET', `/Users/${owner.id}`)).json()).toMatchObject({ externalId: 'EMP-OWN' });
    expect(await auditCount(orgA.id)).toBe(before);
  });

  it('a filter on a value of the wrong type or an unknown operator is 400 invalidFilter', async () => {
    for (const filter of ['externalId eq 5', 'userName eq true', 'userName xx "a"', 'userName eq "a" or', '"a"']) {
      expectScimError(await a('GET', `/Users?filter=${encodeURIComponent(filter)}`), 400, 'invalidFilter');
    }
  });

  it('a Bulk over 500 operations is 413 tooMany and writes nothing', async () => {
    const before = await countOf(orgA.id);
    const res = await a('POST', '/Bulk', {
      schemas: [BULK],
      Operations: Array.from({ length: 501 }, (_, i) => ({
        method: 'POST',
        path: '/Users',
        bulkId: `b${i}`,
        data: { userName: `over-${i}` },
      })),
    });
    expectScimError(res, 413, 'tooMany');
    expect(res.json().detail).toContain('500');
    expect(await countOf(orgA.id)).toBe(before);
  });

  it('a Bulk with duplicate externalIds creates the first, answers 409 uniqueness for the second', async () => {
    const res = await a('POST', '/Bulk', {
      schemas: [BULK],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'x1', data: { userName: 'ext-dup-1', externalId: 'X-1' } },
        { method: 'POST', path: '/Users', bulkId: 'x2', data: { userName: 'ext-dup-2', externalId: 'X-1' } },
        { method: 'POST', path: '/Users', bulkId: 'x3', data: { userName: 'ext-dup-1' } },
        { method: 'POST', path: '/Users', bulkId: 'x4', data: { userName: 'ext-ok', emails: [{ value: 'bad' }] } },
        { method: 'POST', path: '/Users', bulkId: 'x1', data: { userName: 'ext-bulkid-twice' } },
        { method: 'PATCH', path: '/Users/bulkId:nothing', data: { schemas: [PATCH_OP], Operations: [] } },
        { method: 'GET', path: '/Groups' },
      ],
    });
    const ops = res.json().Operations;
    expect(
      ops.map((o: { status: string; response?: { scimType?: string } }) => [o.status, o.response?.scimType]),
    ).toEqual([
      ['201', undefined],
      ['409', 'uniqueness'],
      ['409', 'uniqueness'],
      ['400', 'invalidValue'],
      ['400', 'invalidValue'],
      ['409', 'invalidValue'],
      ['400', 'invalidPath'],
    ]);
    const rows = await t.db.asTenant(orgA.id, (tx) => tx.select().from(users).where(eq(users.externalId, 'X-1')));
    expect(rows.map((r) => r.loginId)).toEqual(['ext-dup-1']);
  });

  it('two Bulk requests racing for the same 30 users: each user is created once, the other gets 409', async () => {
    const ops = Array.from({ length: 30 }, (_, i) => ({
      method: 'POST',
      path: '/Users',
      bulkId: `r${i}`,
      data: { userName: `race-${i}`, externalId: `RACE-${i}` },
    }));
    const body = { schemas: [BULK], Operations: ops };
    const [one, two] = await Promise.all([a('POST', '/Bulk', body), a('POST', '/Bulk', body)]);
    const statuses = [one, two].map((r) => r.json().Operations.map((o: { status: string }) => o.status));
    for (let i = 0; i < 30; i++) expect([statuses[0][i], statuses[1][i]].sort()).toEqual(['201', '409']);
    const rows = await t.db.asTenant(orgA.id, (tx) =>
      tx.select({ l: users.loginId }).from(users).where(like(users.loginId, 'race-%')),
    );
    expect(rows).toHaveLength(30);
  });

  it('refuses wrong content: another media type (415), broken JSON and bad values (400), naming the field', async () => {
    expectScimError(await a('POST', '/Users', undefined, { raw: 'userName=x', contentType: 'text/plain' }), 415);
    expectScimError(await a('POST', '/Users', undefined, { raw: '{"userName":' }), 400, 'invalidSyntax');
    const noName = await a('POST', '/Users', { name: { formatted: '名前 だけ' } });
    expectScimError(noName, 400, 'invalidValue');
    expect(noName.json().detail).toContain('userName（ログインID）');
    const badMail = await a('POST', '/Users', { userName: 'bad-mail', emails: [{ value: 'not-an-address' }] });
    expectScimError(badMail, 400, 'invalidValue');
    expect(badMail.json().detail).toContain('メールアドレス');
    expectScimError(await a('POST', '/Users', { userName: 'bad-active', active: 'maybe' }), 400, 'invalidValue');
    expectScimError(await a('POST', '/Users', { userName: 'a\u0000b' }), 400, 'invalidValue');
    const user = (await a('POST', '/Users', { userName: 'patch-target' })).json();
    expectScimError(
      await a('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'userName' }] }),
      400,
      'invalidValue',
    );
    expectScimError(
      await a('PATCH', `/Users/${user.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[type eq "work"', value: 'x@example.jp' }],
      }),
      400,
      'invalidSyntax',
    );
    expectScimError(
      await a('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }),
      400,
      'noTarget',
    );
    expectScimError(await a('GET', '/Users/not-a-uuid'), 404);
    expectScimError(await a('GET', '/Groups'), 404);
    expect((await a('GET', `/Users/${user.id}`)).json().userName).toBe('patch-target');
  });

  it('repeating a PUT or a PATCH changes nothing and writes no second audit row', async () => {
    const user = (await a('POST', '/Users', { userName: 'idem', externalId: 'IDEM-1' })).json();
    const put = {
      userName: 'idem',
      externalId: 'IDEM-1',
      name: { formatted: '冪等 太郎' },
      emails: [{ value: 'idem@example.jp' }],
    };
    const first = await a('PUT', `/Users/${user.id}`, put);
    const audits = await auditCount(orgA.id);
    const second = await a('PUT', `/Users/${user.id}`, put);
    expect(second.json()).toEqual(first.json());
    const patch = { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] };
    await a('PATCH', `/Users/${user.id}`, patch);
    const afterPatch = await auditCount(orgA.id);
    expect(afterPatch).toBe(audits + 1);
    const again = await a('PATCH', `/Users/${user.id}`, patch);
    expect(again.json().active).toBe(false);
    expect(await auditCount(orgA.id)).toBe(afterPatch);
  });

  it('rate limits per token (429 in SCIM error JSON); another token is not affected', async () => {
    const limited = await trainingTestApp({ configure: (c) => ({ ...c, scim: { ratePerMinute: 3 } }) });
    try {
      const org = await createOrganisation(limited.db, ['admin']);
      const one = scimClient(limited.app, (await issueTestToken(limited.db, org, 'one')).secret);
      const two = scimClient(limited.app, (await issueTestToken(limited.db, org, 'two')).secret);
      for (let i = 0; i < 3; i++) expect((await one('GET', '/Users')).status).toBe(200);
      expectScimError(await one('GET', '/Users'), 429);
      expect((await two('GET', '/Users')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('never answers 5xx to schema-shaped nonsense on any SCIM route with a valid token', async () => {
    const user = (await a('POST', '/Users', { userName: 'fuzz-target' })).json();
    const routes = t.app.apiRoutes.filter((r) => r.access.kind === 'service');
    const nasty = fc.constantFrom('\u0000', '\uD800', '𠮷', 'x'.repeat(10_000), '', 'bulkId:x', '/Users', 'False');
    const text = fc.oneof(nasty, fc.string());
    const userish = fc.record(
      {
        userName: text,
        externalId: fc.oneof(text, fc.constant(null)),
        name: fc.oneof(fc.record({ formatted: text, familyName: text }, { requiredKeys: [] }), fc.anything()),
        emails: fc.oneof(
          fc.array(fc.record({ value: text, primary: fc.anything() }, { requiredKeys: [] })),
          fc.anything(),
        ),
        active: fc.oneof(fc.boolean(), text),
        'urn:jinji:params:scim:schemas:extension:training:2.0:User': fc.anything(),
      },
      { requiredKeys: [] },
    );
    const op = fc.record(
      {
        op: fc.constantFrom('add', 'Replace', 'remove', 'x'),
        path: fc.oneof(text, fc.constant('emails[type eq "work"].value')),
        value: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const patch = fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.array(op, { maxLength: 3 }) });
    const bulkOp = fc.record(
      {
        method: fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'GET'),
        path: fc.oneof(text, fc.constant('/Users'), fc.constant(`/Users/${user.id}`)),
        bulkId: text,
        data: fc.oneof(userish, patch, fc.anything()),
      },
      { requiredKeys: [] },
    );
    const bulk = fc.record(
      {
        schemas: fc.constant([BULK]),
        failOnErrors: fc.oneof(fc.integer(), fc.anything()),
        Operations: fc.array(bulkOp, { maxLength: 4 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(userish, patch, bulk, fc.jsonValue()),
        text,
        async (route, body, q) => {
          const url = route.url
            .replace('/scim/v2', '')
            .replace(':id', fc.sample(fc.constantFrom(user.id, q || 'x'), 1)[0]!.replaceAll('/', '_'));
          const res = await a(
            route.method as 'POST',
            `${url}?filter=${enc(q)}&startIndex=${enc(q)}`,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
          );
          expect(res.status, `${route.method} ${route.url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
