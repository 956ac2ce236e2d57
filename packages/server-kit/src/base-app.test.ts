// The base app without any app on it: the SPA fallback and static web, cache and security headers,
// and the OpenAPI document titled by the app.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaseAppOptions, createBaseApp } from './base-app';

const options = (overrides: Partial<BaseAppOptions> = {}): BaseAppOptions => ({
  config: { logLevel: 'silent', trustProxy: false },
  databaseErrors: { findDatabaseError: () => null, isFailedQuery: () => false, isUnavailable: () => false },
  openapi: {
    title: 'Test API',
    version: '1.2.3',
    description: 'テスト用',
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-test_sid' } },
  },
  web: { dist: '/nonexistent', missingText: 'the web app is not built' },
  logger: false,
  ...overrides,
});

let dist: string;
let app: Awaited<ReturnType<typeof createBaseApp>>;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'kit-web-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="ja"><title>kit</title></html>');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets/app.js'), 'console.log(1)');
  app = await createBaseApp(
    options({ web: { dist, missingText: 'unused' }, config: { logLevel: 'silent', trustProxy: true } }),
  );
  app.get('/api/thing', async () => ({ ok: true }));
  await app.ready();
});
afterAll(() => app?.close());

describe('SPA fallback', () => {
  it('answers a client route with index.html, to revalidate', async () => {
    for (const url of ['/', '/some/client/route', '/login?next=%2F']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<html lang="ja">');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the built files as they are', async () => {
    const res = await app.inject({ url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it('never falls back under /api, nor for other methods: JSON 404 with no-store', async () => {
    for (const [method, url] of [
      ['GET', '/api'],
      ['GET', '/api/v1/nothing'],
      ['GET', '/apinothing'],
      ['POST', '/some/client/route'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({
        error: { code: 'NOT_FOUND', message: '対象が見つかりません', requestId: res.headers['x-request-id'] },
      });
    }
    expect((await app.inject({ url: '/api/v1/nothing' })).headers['cache-control']).toBe('no-store');
  });

  it('says the web app is not built when its folder has no index.html', async () => {
    const bare = await createBaseApp(options());
    try {
      const res = await bare.inject({ url: '/anything' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toBe('the web app is not built');
    } finally {
      await bare.close();
    }
  });
});

describe('headers', () => {
  it('sends no-store on API answers, the CSP everywhere, HSTS only over TLS', async () => {
    const api = await app.inject({ url: '/api/thing' });
    expect(api.headers['cache-control']).toBe('no-store');
    for (const res of [api, await app.inject({ url: '/' })]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const tls = await app.inject({ url: '/api/thing', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('OpenAPI', () => {
  it("publishes the app's title, description and security schemes at /api/docs", async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    expect(doc.info).toEqual({ title: 'Test API', version: '1.2.3', description: 'テスト用' });
    expect(doc.components.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: '__Host-test_sid' },
    });
    expect(doc.paths['/api/thing']).toBeDefined();
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
