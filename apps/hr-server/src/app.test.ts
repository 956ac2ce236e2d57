// Cross-cutting behaviour of the HTTP app: health, headers, OpenAPI, web fallback, logs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryLogger } from '@jinji/server-kit/logger';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createTestTenant, STRONG_PASSWORD, type TestApp } from '../test/helpers';
import { issuePasswordLinksIn } from './features/auth/password-links.service';

let t: TestApp;
const captured = memoryLogger();
const logLines = captured.lines;

beforeAll(async () => {
  const web = mkdtempSync(path.join(tmpdir(), 'jinji-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><html lang="ja"><title>jinji</title></html>');
  t = await createTestApp({ webDist: web }, { logger: captured.logger });
});
afterAll(() => t?.close());

describe(`app (${TEST_DB})`, () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: TEST_DB });
  });

  it("answers liveness and readiness: the real database, and migrations against this build's journal", async () => {
    expect((await t.app.inject({ url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      database: TEST_DB,
      checks: [
        { name: 'database', status: 'ok' },
        { name: 'migrations', status: 'ok' },
      ],
    });
    // a database one migration behind this build (an old restore, a migration that did not run): not ready
    const [last] = (
      await t.db.executeSql(
        'select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
      )
    ).rows as { id: number; hash: string; created_at: string }[];
    await t.db.executeSql('delete from drizzle.__drizzle_migrations where id = $1', [last!.id]);
    try {
      const behind = await t.app.inject({ url: '/api/health/ready' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json().checks).toMatchObject([
        { name: 'database', status: 'ok' },
        { name: 'migrations', status: 'failed' },
      ]);
    } finally {
      await t.db.executeSql('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [
        last!.id,
        last!.hash,
        last!.created_at,
      ]);
    }
    expect((await t.app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
  });

  it('sends the security headers on pages and API responses', async () => {
    for (const url of ['/', '/login', '/api/health']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP
    }
  });

  it('sends HSTS and Secure cookies behind TLS', async () => {
    const tls = await createTestApp({ trustProxy: true });
    try {
      const res = await tls.app.inject({
        url: '/api/v1/auth/csrf',
        headers: { 'x-forwarded-proto': 'https', host: 'hr.example.jp' },
      });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.cookies[0]).toMatchObject({ name: '__Host-jinji_csrf', secure: true, httpOnly: true });
    } finally {
      await tls.close();
    }
  });

  it('serves the web app for client routes and JSON 404 for unknown API paths', async () => {
    const page = await t.app.inject({ url: '/admin/system/password-policy' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ja">');
    const api = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toEqual({
      code: 'NOT_FOUND',
      message: '対象が見つかりません',
      requestId: api.headers['x-request-id'],
    });
  });

  it('publishes an OpenAPI document generated from the zod schemas, covering every API route', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(t.app.apiRoutes.length).toBeGreaterThan(90);
    for (const route of t.app.apiRoutes) {
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[openApiPath]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'tenantCode',
      'loginId',
      'password',
    ]);
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('never writes passwords, session ids, CSRF tokens or one-time link tokens to the log', async () => {
    const { tenantId, userId } = await createTestTenant(t.db, 'log-co');
    const c = new Client(t.app);
    await c.login('log-co', 'admin', 'Wrong-Password-123');
    await c.login('log-co', 'admin', STRONG_PASSWORD);
    await c.request('POST', '/api/v1/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Secret-Next-Pass-9',
    });
    const sid = c.cookie('__Host-jinji_sid')!;
    const csrf = c.cookie('__Host-jinji_csrf')!;
    // a one-time link (decision 012) followed by someone else's browser, and a reset asked for
    const links = await t.db.asTenant(tenantId, (tx) =>
      issuePasswordLinksIn(tx, t.config, tenantId, 'reset', [userId]),
    );
    const token = links.get(userId)!.url.split('/').pop()!;
    const holder = new Client(t.app);
    await holder.request('POST', '/api/v1/auth/password-link', { token });
    await holder.request('POST', '/api/v1/auth/password-link/set', { token, newPassword: 'password' });
    await holder.request('POST', '/api/v1/auth/password-link/set', { token, newPassword: 'Link-Set-Pass-77x' });
    await holder.request('POST', '/api/v1/auth/password-reset', { tenantCode: 'log-co', loginIdOrEmail: 'admin' });
    const log = logLines.join('');
    expect(log).toContain('/api/v1/auth/login'); // the log did capture these requests
    expect(log).toContain('/api/v1/auth/password-link/set');
    for (const secret of [
      STRONG_PASSWORD,
      'Wrong-Password-123',
      'Secret-Next-Pass-9',
      sid,
      sid.split('.')[1]!,
      csrf,
      token.split('.')[1]!,
      'Link-Set-Pass-77x',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
