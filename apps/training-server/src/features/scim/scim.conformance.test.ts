// A SCIM conformance pass over every /scim/v2 endpoint, with the examples of RFC 7643 / 7644 as fixtures
// (and the PATCH bodies Okta and Entra send): what a SCIM client reads back, and what the training
// system then holds (its 利用者: ログインID, 氏名, メール, 部署名, links, audit rows).
import { TEST_DB } from '@jinji/test-kit/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { auditLogs, users } from '../../db/schema/index';
import { issueTestToken, scimClient } from './scim.test-client';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const EXT = 'urn:jinji:params:scim:schemas:extension:training:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patchOf = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

// RFC 7644 §3.3 (creating a resource)
const RFC_CREATE = {
  schemas: [CORE],
  userName: 'bjensen',
  externalId: 'bjensen',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
};
// RFC 7643 §8.1 (minimal representation)
const RFC_MINIMAL = { schemas: [CORE], userName: 'bjensen@example.com' };
// RFC 7644 §3.5.1 (replacing with PUT)
const rfcPut = (id: string) => ({
  schemas: [CORE],
  id,
  userName: 'bjensen',
  externalId: 'bjensen',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara', middleName: 'Jane' },
  roles: [],
  emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
});

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;
let scim: ReturnType<typeof scimClient>;
let cases = 0;

beforeAll(async () => {
  t = await trainingTestApp();
  org = await createOrganisation(t.db, ['admin']);
  scim = scimClient(t.app, (await issueTestToken(t.db, org)).secret);
});
afterAll(async () => {
  console.info(`SCIM conformance cases (${TEST_DB}): ${cases}`);
  await t?.close();
});

const row = async (id: string) =>
  (await t.db.asTenant(org.id, (tx) => tx.select().from(users).where(eq(users.id, id))))[0];
const auditsOf = (id: string) =>
  t.db.asTenant(org.id, (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, id)));
const create = async (body: unknown) => {
  const res = await scim('POST', '/Users', body);
  expect(res.status, res.body).toBe(201);
  return res.json();
};
const conformance = (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    cases++;
    await fn();
  });

describe(`SCIM conformance (${TEST_DB})`, () => {
  conformance('RFC 7643 §5: ServiceProviderConfig names patch, bulk (500), filter and the bearer scheme', async () => {
    const res = await scim('GET', '/ServiceProviderConfig');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    const body = res.json();
    expect(body.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    expect(body.patch.supported).toBe(true);
    expect(body.bulk).toMatchObject({ supported: true, maxOperations: 500 });
    expect(body.filter.supported).toBe(true);
    expect(body.authenticationSchemes[0].type).toBe('oauthbearertoken');
  });

  conformance(
    'RFC 7643 §7: Schemas documents the core User and jinji’s extension (nameKana, departmentName)',
    async () => {
      const res = await scim('GET', '/Schemas');
      expect(res.status).toBe(200);
      const ids = res.json().Resources.map((s: { id: string }) => s.id);
      expect(ids).toEqual([CORE, EXT]);
      const ext = await scim('GET', `/Schemas/${EXT}`);
      expect(ext.json().attributes.map((a: { name: string }) => a.name)).toEqual(['nameKana', 'departmentName']);
      expect(ext.json().attributes[0].description).toContain('氏名カナ');
      expect((await scim('GET', '/Schemas/urn:nothing')).status).toBe(404);
    },
  );

  conformance('RFC 7643 §6: ResourceTypes lists User with the extension', async () => {
    const list = await scim('GET', '/ResourceTypes');
    expect(list.json().Resources).toHaveLength(1);
    const user = await scim('GET', '/ResourceTypes/User');
    expect(user.json()).toMatchObject({ endpoint: '/Users', schema: CORE, schemaExtensions: [{ schema: EXT }] });
  });

  conformance('RFC 7644 §3.3: POST /Users creates a linked 利用者 with the defaults, 201 + Location', async () => {
    const res = await scim('POST', '/Users', { ...RFC_CREATE, userName: 'bjensen-create', externalId: 'E-0001' });
    expect(res.status).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(body.meta.location);
    expect(body).toMatchObject({
      userName: 'bjensen-create',
      externalId: 'E-0001',
      name: { formatted: 'Ms. Barbara J Jensen III' },
      active: true,
      [EXT]: { departmentName: '不明' },
      meta: { resourceType: 'User' },
    });
    const stored = await row(body.id);
    expect(stored).toMatchObject({
      loginId: 'bjensen-create',
      displayName: 'Ms. Barbara J Jensen III',
      systemRole: 'general',
      gender: 'unanswered',
      departmentName: '不明',
      externalId: 'E-0001',
      passwordHash: null,
    });
    expect(stored!.linkedAt).toBeInstanceOf(Date);
    const audits = await auditsOf(body.id);
    expect(audits.map((a) => [a.action, a.actorLabel.split(':')[0], a.actorUserId])).toEqual([
      ['create', 'service', null],
    ]);
  });

  conformance('RFC 7643 §8.1: the minimal User (userName only) is created, 氏名 = userName', async () => {
    const body = await create(RFC_MINIMAL);
    expect(body.name.formatted).toBe('bjensen@example.com');
    expect(body.emails).toBeUndefined();
  });

  conformance('RFC 7644 §3.1: application/json is accepted too, the answer is application/scim+json', async () => {
    const res = await scim(
      'POST',
      '/Users',
      { userName: 'json-user', name: { formatted: '山田 太郎' } },
      {
        contentType: 'application/json',
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.json().name).toEqual({ formatted: '山田 太郎', familyName: '山田', givenName: '太郎' });
  });

  conformance(
    'jinji: name.familyName + givenName make 氏名 「姓 名」; emails[primary] is the メールアドレス',
    async () => {
      const body = await create({
        userName: 'okta-style',
        name: { familyName: '佐藤', givenName: '花子' },
        emails: [
          { value: 'home@example.jp', type: 'home' },
          { value: 'sato@example.jp', type: 'work', primary: true },
        ],
        [EXT]: { nameKana: 'サトウ ハナコ', departmentName: '営業部' },
      });
      expect((await row(body.id))!).toMatchObject({
        displayName: '佐藤 花子',
        email: 'sato@example.jp',
        nameKana: 'サトウ ハナコ',
        departmentName: '営業部',
      });
    },
  );

  conformance('RFC 7644 §3.4.1: GET /Users/{id} returns the resource as created', async () => {
    const created = await create({ ...RFC_CREATE, userName: 'bjensen-get', externalId: 'E-0002' });
    const res = await scim('GET', `/Users/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual(created);
  });

  conformance('RFC 7644 §3.4.2.2: filter userName eq "…" finds exactly that user', async () => {
    const created = await create({ ...RFC_CREATE, userName: 'bjensen-filter', externalId: 'E-0003' });
    const res = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "bjensen-filter"')}`);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [{ id: created.id }],
    });
  });

  conformance(
    'RFC 7644 §3.4.2.2: filter externalId eq "…" (HR’s employee key), and one that matches nothing',
    async () => {
      const created = await create({ ...RFC_CREATE, userName: 'bjensen-ext', externalId: 'E-0004' });
      const found = await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "E-0004"')}`);
      expect(found.json().Resources.map((r: { id: string }) => r.id)).toEqual([created.id]);
      const none = await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "E-none"')}`);
      expect(none.json()).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    },
  );

  conformance('RFC 7644 §3.4.2.4: startIndex / count page the list in a stable order', async () => {
    const all = (await scim('GET', '/Users?count=200')).json();
    const page = (await scim('GET', '/Users?startIndex=2&count=2')).json();
    expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: 2, itemsPerPage: 2 });
    expect(page.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.Resources.slice(1, 3).map((r: { id: string }) => r.id),
    );
    const countOnly = (await scim('GET', '/Users?count=0')).json();
    expect(countOnly).toMatchObject({ totalResults: all.totalResults, Resources: [] });
  });

  conformance('RFC 7644 §3.5.1: PUT replaces; the first address (no primary) becomes the メールアドレス', async () => {
    const created = await create({ ...RFC_CREATE, userName: 'bjensen-put', externalId: 'E-0005' });
    const res = await scim('PUT', `/Users/${created.id}`, {
      ...rfcPut(created.id),
      userName: 'bjensen-put2',
      externalId: 'E-0005',
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      userName: 'bjensen-put2',
      emails: [{ value: 'bjensen@example.com', primary: true }],
    });
    expect((await row(created.id))!.loginId).toBe('bjensen-put2');
  });

  conformance('RFC 7644 §3.5.2.1: PATCH add without path (emails, nickname) keeps the primary address', async () => {
    const created = await create({
      ...RFC_CREATE,
      userName: 'patch-add',
      externalId: 'E-0006',
      emails: [{ value: 'work@example.com', type: 'work', primary: true }],
    });
    const res = await scim(
      'PATCH',
      `/Users/${created.id}`,
      patchOf({
        op: 'add',
        value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' },
      }),
    );
    expect(res.status, res.body).toBe(200);
    expect((await row(created.id))!.email).toBe('work@example.com');
  });

  conformance('RFC 7644 §3.5.2.3: PATCH replace emails[type eq "work"].value', async () => {
    const created = await create({
      ...RFC_CREATE,
      userName: 'patch-email',
      externalId: 'E-0007',
      emails: [{ value: 'old@example.com', type: 'work', primary: true }],
    });
    const res = await scim(
      'PATCH',
      `/Users/${created.id}`,
      patchOf({ op: 'replace', path: 'emails[type eq "work"].value', value: 'new@example.com' }),
    );
    expect(res.json().emails).toEqual([{ value: 'new@example.com', type: 'work', primary: true }]);
    expect((await row(created.id))!.email).toBe('new@example.com');
  });

  conformance('RFC 7644 §3.5.2.3: PATCH replace name.familyName rebuilds 氏名', async () => {
    const created = await create({ userName: 'patch-name', name: { familyName: '山田', givenName: '太郎' } });
    await scim('PATCH', `/Users/${created.id}`, patchOf({ op: 'replace', path: 'name.familyName', value: '鈴木' }));
    expect((await row(created.id))!.displayName).toBe('鈴木 太郎');
  });

  conformance(
    'RFC 7644 §3.5.2: PATCH the extension by its URN path (add nameKana, replace departmentName)',
    async () => {
      const created = await create({ userName: 'patch-ext', name: { formatted: '田中 一郎' } });
      const res = await scim(
        'PATCH',
        `/Users/${created.id}`,
        patchOf(
          { op: 'add', path: `${EXT}:nameKana`, value: 'タナカ イチロウ' },
          { op: 'replace', path: `${EXT}:departmentName`, value: '人事部' },
        ),
      );
      expect(res.json()[EXT]).toEqual({ nameKana: 'タナカ イチロウ', departmentName: '人事部' });
      expect((await row(created.id))!).toMatchObject({ nameKana: 'タナカ イチロウ', departmentName: '人事部' });
    },
  );

  conformance('RFC 7644 §3.5.2.2: PATCH remove emails[type eq "work"] clears the メールアドレス', async () => {
    const created = await create({
      userName: 'patch-remove',
      emails: [{ value: 'gone@example.com', type: 'work', primary: true }],
    });
    const res = await scim('PATCH', `/Users/${created.id}`, patchOf({ op: 'remove', path: 'emails[type eq "work"]' }));
    expect(res.status, res.body).toBe(200);
    expect((await row(created.id))!.email).toBeNull();
  });

  conformance(
    'Okta: PATCH replace {"active": false} without path disables the user and ends its sessions',
    async () => {
      const created = await create({ userName: 'okta-off', name: { formatted: '停止 予定' } });
      const { hashPassword } = await import('@jinji/auth/passwords');
      await t.db.asTenant(org.id, async (tx) =>
        tx
          .update(users)
          .set({ passwordHash: await hashPassword(PASSWORD) })
          .where(eq(users.id, created.id)),
      );
      const browser = trainingClient(t.app);
      expect((await browser.login(org.code, 'okta-off', PASSWORD)).statusCode).toBe(200);
      const res = await scim('PATCH', `/Users/${created.id}`, patchOf({ op: 'replace', value: { active: false } }));
      expect(res.json().active).toBe(false);
      expect((await row(created.id))!.disabledAt).toBeInstanceOf(Date);
      expect((await browser.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await browser.login(org.code, 'okta-off', PASSWORD)).statusCode).toBe(401);
    },
  );

  conformance('Entra: {"op":"Replace","path":"active","value":"False"} disables, "True" enables again', async () => {
    const created = await create({ userName: 'entra-off', name: { formatted: 'エントラ 利用者' } });
    const off = await scim('PATCH', `/Users/${created.id}`, patchOf({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.json().active).toBe(false);
    const on = await scim('PATCH', `/Users/${created.id}`, patchOf({ op: 'Replace', path: 'active', value: 'True' }));
    expect(on.json().active).toBe(true);
    expect((await row(created.id))!.disabledAt).toBeNull();
  });

  conformance(
    'Entra: several operations at once (Add displayName, Replace emails[type eq "work"].value, Add externalId)',
    async () => {
      const created = await create({ userName: 'entra-multi' });
      const res = await scim(
        'PATCH',
        `/Users/${created.id}`,
        patchOf(
          { op: 'Add', path: 'displayName', value: '高橋 次郎' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'takahashi@example.jp' },
          { op: 'Add', path: 'externalId', value: 'E-entra' },
        ),
      );
      expect(res.status, res.body).toBe(200);
      expect((await row(created.id))!).toMatchObject({
        displayName: '高橋 次郎',
        email: 'takahashi@example.jp',
        externalId: 'E-entra',
      });
    },
  );

  conformance('RFC 7644 §3.6: DELETE → 204, then GET → 404 in SCIM error JSON', async () => {
    const created = await create({ userName: 'to-delete' });
    expect((await scim('DELETE', `/Users/${created.id}`)).status).toBe(204);
    const gone = await scim('GET', `/Users/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
    expect(await row(created.id)).toBeUndefined();
  });

  conformance(
    'RFC 7644 §3.7: Bulk POST with bulkId, PATCH /Users/bulkId:…, PUT and DELETE of existing users',
    async () => {
      const bob = await create({ userName: 'Bob-bulk' });
      const gone = await create({ userName: 'Gone-bulk' });
      const res = await scim('POST', '/Bulk', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        failOnErrors: 1,
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'qwerty', data: { schemas: [CORE], userName: 'Alice' } },
          {
            method: 'PATCH',
            path: '/Users/bulkId:qwerty',
            data: patchOf({ op: 'replace', path: 'displayName', value: 'Alice Smith' }),
          },
          {
            method: 'PUT',
            path: `/Users/${bob.id}`,
            version: 'W/"3694e05e9dff591"',
            data: { schemas: [CORE], id: bob.id, userName: 'Bob-bulk', name: { formatted: 'Bob Smith' } },
          },
          { method: 'DELETE', path: `/Users/${gone.id}`, version: 'W/"0ee8add0a938e1a"' },
        ],
      });
      expect(res.status, res.body).toBe(200);
      const ops = res.json().Operations;
      expect(res.json().schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:BulkResponse']);
      expect(ops.map((o: { method: string; status: string }) => `${o.method} ${o.status}`)).toEqual([
        'POST 201',
        'PATCH 200',
        'PUT 200',
        'DELETE 204',
      ]);
      expect(ops[0].bulkId).toBe('qwerty');
      const aliceId = ops[0].location.split('/').pop();
      expect(ops[1].location).toBe(ops[0].location);
      expect((await row(aliceId))!).toMatchObject({
        loginId: 'Alice',
        displayName: 'Alice Smith',
        departmentName: '不明',
      });
      expect((await row(bob.id))!.displayName).toBe('Bob Smith');
      expect(await row(gone.id)).toBeUndefined();
    },
  );

  conformance('RFC 7644 §3.7.3: failOnErrors 1 stops after the first error; what ran before it stays', async () => {
    await create({ userName: 'taken-bulk' });
    const res = await scim('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      failOnErrors: 1,
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'a', data: { userName: 'bulk-first' } },
        { method: 'POST', path: '/Users', bulkId: 'b', data: { userName: 'taken-bulk' } },
        { method: 'POST', path: '/Users', bulkId: 'c', data: { userName: 'bulk-never' } },
      ],
    });
    const ops = res.json().Operations;
    expect(ops.map((o: { status: string }) => o.status)).toEqual(['201', '409']);
    expect(ops[1].response).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const names = await t.db.asTenant(org.id, (tx) => tx.select({ l: users.loginId }).from(users));
    expect(names.map((n) => n.l)).toContain('bulk-first');
    expect(names.map((n) => n.l)).not.toContain('bulk-never');
  });

  conformance(
    'jinji: HR takes over a user made in the training system — filter, PUT with externalId → linked',
    async () => {
      const [own] = await t.db.asTenant(org.id, (tx) =>
        tx
          .insert(users)
          .values({ organisationId: org.id, loginId: 'made-here', displayName: '研修 太郎', departmentName: '研修部' })
          .returning(),
      );
      expect(own!.linkedAt).toBeNull();
      const found = (await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "made-here"')}`)).json();
      expect(found.Resources[0]).toMatchObject({
        id: own!.id,
        name: { formatted: '研修 太郎' },
        [EXT]: { departmentName: '研修部' },
      });
      const put = await scim('PUT', `/Users/${own!.id}`, {
        userName: 'made-here',
        externalId: 'E-9001',
        name: { familyName: '研修', givenName: '太郎' },
        emails: [{ value: 'kenshu@example.jp', primary: true }],
        [EXT]: { nameKana: 'ケンシュウ タロウ' },
      });
      expect(put.status, put.body).toBe(200);
      const linked = await row(own!.id);
      // the four HR-owned fields (locked in 利用者情報 from now on) are HR's; 部署名 is kept
      expect(linked).toMatchObject({
        externalId: 'E-9001',
        email: 'kenshu@example.jp',
        nameKana: 'ケンシュウ タロウ',
        departmentName: '研修部',
      });
      expect(linked!.linkedAt).toBeInstanceOf(Date);
      const [audit] = await auditsOf(own!.id);
      expect(audit).toMatchObject({ action: 'update', after: { linked: true, externalId: 'E-9001' } });
    },
  );

  conformance('RFC 7644 §3.12: errors carry schemas Error, status as a string, scimType and a detail', async () => {
    await create({ userName: 'dup-user' });
    const res = await scim('POST', '/Users', { userName: 'dup-user' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: expect.stringContaining('userName（ログインID）'),
    });
  });

  it('every SCIM route is in the OpenAPI document, with its bearer security, body and response schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }>
      >;
      components: { securitySchemes: Record<string, { scheme?: string }> };
    };
    expect(doc.components.securitySchemes.scimBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const scimRoutes = t.app.apiRoutes.filter((r) => r.url.startsWith('/scim/v2') && r.access.kind === 'service');
    expect(scimRoutes.length).toBe(12);
    for (const r of scimRoutes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${path}`).toBeDefined();
      expect(op!.security).toEqual([{ scimBearer: [] }]);
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['400', '401']));
      if (['POST', 'PUT', 'PATCH'].includes(r.method)) expect(op!.requestBody, `${r.method} ${path}`).toBeDefined();
    }
    const user = doc.paths['/scim/v2/Users/{id}']!.get!.responses['200'] as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(Object.values(user.content)[0]!.schema.properties)).toEqual(
      expect.arrayContaining(['userName', 'externalId', 'emails', 'active', EXT]),
    );
  });
});

describe(`a provisioned user in 利用者情報 (${TEST_DB})`, () => {
  it('is found by the keyword search on its 氏名カナ, folded like any other user, after create and after PATCH', async () => {
    const created = await create({
      schemas: [CORE, EXT],
      userName: 'torii.michiru',
      externalId: 'E-20001',
      name: { familyName: '鳥居', givenName: 'みちる' },
      [EXT]: { nameKana: 'トリイ ミチル', departmentName: '人事部' },
    });
    const admin = trainingClient(t.app);
    await admin.login(org.code, 'admin', PASSWORD);
    const find = async (q: string) =>
      (await admin.request('GET', `/api/v1/users?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((u: { id: string }) => u.id);
    expect(await find('とりい')).toEqual([created.id]);
    const patched = await scim(
      'PATCH',
      `/Users/${created.id}`,
      patchOf({ op: 'replace', path: 'name.familyName', value: '髙島' }),
    );
    expect(patched.status, patched.body).toBe(200);
    expect(await find('高島')).toEqual([created.id]);
  });
});
