// 連携設定's token routes as an administrator uses them: 発行 shows the token once (the list and the
// database never hold it), 再発行 stops the old one at once, 失効 too; only 管理者 may; every change is
// one audit row that names the token by id only.
import { createHash } from 'node:crypto';
import { TEST_DB } from '@jinji/test-kit/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { auditLogs, scimTokens, users } from '../../db/schema/index';
import { scimClient } from './scim.test-client';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;
const BASE = '/api/v1/integration/scim-tokens';

beforeAll(async () => {
  t = await trainingTestApp();
  org = await createOrganisation(t.db, ['admin', 'ippan']);
  await t.db.asTenant(org.id, (tx) => tx.update(users).set({ systemRole: 'admin' }).where(eq(users.loginId, 'admin')));
});
afterAll(() => t?.close());

const signedIn = async (loginId: string) => {
  const client = trainingClient(t.app);
  expect((await client.login(org.code, loginId, PASSWORD)).statusCode).toBe(200);
  return client;
};

describe(`連携設定: SCIM tokens (${TEST_DB})`, () => {
  it('issues a token shown once, stored only as its hash, listed without it, and usable on /scim/v2', async () => {
    const admin = await signedIn('admin');
    const issued = await admin.request('POST', BASE, { label: '人事管理システム' });
    expect(issued.statusCode).toBe(201);
    const { token, secret } = issued.json();
    expect(token).toMatchObject({ label: '人事管理システム', revokedAt: null, lastUsedAt: null });
    expect(secret).toMatch(new RegExp(`^${org.id}\\.[A-Za-z0-9_-]{43}$`));

    const list = await admin.request('GET', BASE);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: token.id, label: '人事管理システム' }] });
    expect(list.body).not.toContain(secret.split('.')[1]);
    const [stored] = await t.db.asTenant(org.id, (tx) =>
      tx.select().from(scimTokens).where(eq(scimTokens.id, token.id)),
    );
    expect(stored!.tokenHash).toBe(createHash('sha256').update(secret.split('.')[1]).digest('hex'));
    const audits = await t.db.asTenant(org.id, (tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.targetId, token.id)),
    );
    expect(audits.map((a) => [a.action, a.targetType, a.actorLabel])).toEqual([['issue', 'scim_token', 'user:admin']]);
    expect(JSON.stringify(audits)).not.toContain(secret.split('.')[1]);

    expect((await scimClient(t.app, secret)('GET', '/Users')).status).toBe(200);
    expect((await admin.request('GET', BASE)).json().items[0].lastUsedAt).not.toBeNull();
  });

  it('再発行 revokes the old token at once and issues a new one with the same name; 失効 stops it', async () => {
    const admin = await signedIn('admin');
    const first = (await admin.request('POST', BASE, { label: '再発行テスト' })).json();
    const rotated = await admin.request('POST', `${BASE}/${first.token.id}/rotate`);
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json().token).toMatchObject({ label: '再発行テスト', revokedAt: null });
    expect((await scimClient(t.app, first.secret)('GET', '/Users')).status).toBe(401);
    const next = scimClient(t.app, rotated.json().secret);
    expect((await next('GET', '/Users')).status).toBe(200);

    const revoked = await admin.request('POST', `${BASE}/${rotated.json().token.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await next('GET', '/Users')).status).toBe(401);
    // again: nothing changes, no second audit row
    const again = await admin.request('POST', `${BASE}/${rotated.json().token.id}/revoke`);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
    const actions = await t.db.asTenant(org.id, (tx) =>
      tx.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.targetId, rotated.json().token.id)),
    );
    expect(actions.map((a) => a.action)).toEqual(['issue', 'revoke']);
    // revoked tokens stay listed, after the valid ones
    const items = (await admin.request('GET', BASE)).json().items as { revokedAt: string | null }[];
    expect(items.findIndex((i) => i.revokedAt !== null)).toBeGreaterThan(
      items.findLastIndex((i) => i.revokedAt === null),
    );
  });

  it('refuses a 一般 user (403), an unknown token id (404) and an empty name (400 naming 名称)', async () => {
    const ippan = await signedIn('ippan');
    expect((await ippan.request('GET', BASE)).statusCode).toBe(403);
    expect((await ippan.request('POST', BASE, { label: 'x' })).statusCode).toBe(403);
    const admin = await signedIn('admin');
    const missing = await admin.request('POST', `${BASE}/00000000-0000-4000-8000-000000000000/revoke`);
    expect(missing.statusCode).toBe(404);
    const empty = await admin.request('POST', BASE, { label: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].message).toContain('名称');
  });

  it("another organisation's administrator can neither see nor revoke this organisation's tokens", async () => {
    const admin = await signedIn('admin');
    const mine = (await admin.request('POST', BASE, { label: '組織A' })).json();
    const other = await createOrganisation(t.db, ['admin']);
    await t.db.asTenant(other.id, (tx) => tx.update(users).set({ systemRole: 'admin' }));
    const stranger = trainingClient(t.app);
    await stranger.login(other.code, 'admin', PASSWORD);
    expect((await stranger.request('GET', BASE)).json().total).toBe(0);
    expect((await stranger.request('POST', `${BASE}/${mine.token.id}/revoke`)).statusCode).toBe(404);
    expect((await stranger.request('POST', `${BASE}/${mine.token.id}/rotate`)).statusCode).toBe(404);
    expect((await scimClient(t.app, mine.secret)('GET', '/Users')).status).toBe(200);
  });
});
