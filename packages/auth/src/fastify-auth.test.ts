// The kit's plugin as a second app would register it: its own cookie names, its own session lookup.
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { cookieNames, createAuthKit, type RouteAccess } from './fastify-auth';

// each app narrows `permission` to its own keys (AccessRegistry); this test stands for any of them
const adminOnly = { kind: 'permission', permission: 'x' } as unknown as RouteAccess;

type User = { id: string; isAdmin: boolean };

class KitError extends Error {
  constructor(readonly status: number) {
    super(`status ${status}`);
  }
}

async function build() {
  const kit = createAuthKit<User>({
    cookiePrefix: 'jinji_trn',
    csrfFailed: () => new KitError(403),
    unauthenticated: () => new KitError(401),
  });
  const app = Fastify();
  app.setErrorHandler((e, _req, reply) => reply.code(e instanceof KitError ? e.status : 500).send({ e: String(e) }));
  await app.register(cookie);
  await app.register(kit.plugin, {
    resolveSession: async (token) => (token === 'good' ? { id: 'u1', isAdmin: false } : null),
    authorize: (user, access) => {
      if (!user) throw new KitError(401);
      if (access.kind === 'permission' && !user.isAdmin) throw new KitError(403);
    },
  });
  app.get('/api/v1/csrf', { config: { access: { kind: 'public' } } }, async (req, reply) => ({
    token: kit.currentCsrf(req, reply),
  }));
  app.get('/api/v1/me', { config: { access: { kind: 'session' } } }, async (req) => kit.requireAuth(req));
  app.post('/api/v1/thing', { config: { access: { kind: 'session' } } }, async () => ({ ok: true }));
  app.get('/api/v1/admin', { config: { access: adminOnly } }, async () => ({}));
  await app.ready();
  return { app, kit };
}

describe('the auth kit plugin', () => {
  it('names the cookies by the prefix: __Host- on https and loopback, plain otherwise', async () => {
    expect(cookieNames('jinji')).toEqual({
      secure: { sid: '__Host-jinji_sid', csrf: '__Host-jinji_csrf' },
      plain: { sid: 'jinji_sid', csrf: 'jinji_csrf' },
    });
    const { app } = await build();
    const local = await app.inject({ url: '/api/v1/csrf', headers: { host: '127.0.0.1:3100' } });
    expect(local.headers['set-cookie']).toMatch(/^__Host-jinji_trn_csrf=.*HttpOnly; Secure; SameSite=Lax/);
    const remote = await app.inject({ url: '/api/v1/csrf', headers: { host: 'hr.example.jp' } });
    expect(remote.headers['set-cookie']).toMatch(/^jinji_trn_csrf=/);
    expect(remote.headers['set-cookie']).not.toMatch(/Secure/);
  });

  it('resolves the session through the app, clears a dead cookie, and applies the access', async () => {
    const { app } = await build();
    const me = await app.inject({
      url: '/api/v1/me',
      headers: { host: 'localhost', cookie: '__Host-jinji_trn_sid=good' },
    });
    expect(me.json()).toEqual({ id: 'u1', isAdmin: false });
    // HR's cookie is not this app's: browsers share cookies across ports
    const other = await app.inject({
      url: '/api/v1/me',
      headers: { host: 'localhost', cookie: '__Host-jinji_sid=good' },
    });
    expect(other.statusCode).toBe(401);
    const dead = await app.inject({
      url: '/api/v1/me',
      headers: { host: 'localhost', cookie: '__Host-jinji_trn_sid=old' },
    });
    expect(dead.statusCode).toBe(401);
    expect(dead.headers['set-cookie']).toMatch(/^__Host-jinji_trn_sid=;/);
    const admin = await app.inject({
      url: '/api/v1/admin',
      headers: { host: 'localhost', cookie: '__Host-jinji_trn_sid=good' },
    });
    expect(admin.statusCode).toBe(403);
  });

  it('refuses a mutating request without the double-submitted token or from another origin', async () => {
    const { app } = await build();
    const csrf = await app.inject({ url: '/api/v1/csrf', headers: { host: 'localhost' } });
    const token = csrf.json().token as string;
    const cookies = `__Host-jinji_trn_csrf=${token}; __Host-jinji_trn_sid=good`;
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/thing', headers: { host: 'localhost', cookie: cookies, ...headers } });
    expect((await post({})).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': `${token.slice(1)}x` })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': token, origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': token, origin: 'http://localhost' })).statusCode).toBe(200);
    expect((await post({ 'x-csrf-token': token })).statusCode).toBe(200);
  });

  it('refuses to register an API route without a declared access', async () => {
    const { kit } = await build();
    const app = Fastify();
    await app.register(cookie);
    await app.register(kit.plugin, { resolveSession: async () => null, authorize: () => {} });
    expect(() => app.get('/api/v1/open', async () => ({}))).toThrow(/declares no config.access/);
    app.get('/health', async () => ({})); // outside the API: nothing to declare
    expect(app.apiRoutes).toEqual([]);
  });

  it("resolves a 'service' route's bearer token through the app, without cookie or CSRF", async () => {
    type Service = { serviceId: string };
    const kit = createAuthKit<User, Service>({
      cookiePrefix: 'jinji_trn',
      csrfFailed: () => new KitError(403),
      unauthenticated: () => new KitError(401),
      apiPrefix: ['/api/v1', '/scim/v2'],
    });
    const app = Fastify();
    app.setErrorHandler((e, _req, reply) => reply.code(e instanceof KitError ? e.status : 500).send({ e: String(e) }));
    await app.register(cookie);
    await app.register(kit.plugin, {
      resolveSession: async (token) => (token === 'good' ? { id: 'u1', isAdmin: true } : null),
      authorize: (user) => {
        if (!user) throw new KitError(401);
      },
      resolveService: async (token) => (token === 'hr-token' ? { serviceId: 't1' } : null),
    });
    app.post('/scim/v2/Users', { config: { access: { kind: 'service' } } }, async (req) => kit.serviceOf(req));
    app.get('/api/v1/me', { config: { access: { kind: 'session' } } }, async (req) => kit.requireAuth(req));
    await app.ready();
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/scim/v2/Users', headers: { host: 'localhost', ...headers } });
    // no CSRF token, another origin: a bearer route reads neither
    const ok = await post({ authorization: 'Bearer hr-token', origin: 'http://evil.example' });
    expect({ status: ok.statusCode, body: ok.json() }).toEqual({ status: 200, body: { serviceId: 't1' } });
    expect((await post({ authorization: 'bearer hr-token' })).statusCode).toBe(200);
    expect((await post({ authorization: 'Bearer other' })).statusCode).toBe(401);
    expect((await post({ authorization: 'Basic aHI6dG9rZW4=' })).statusCode).toBe(401);
    // a signed-in browser's cookie does not open a service route, and a token does not open a session route
    expect((await post({ cookie: '__Host-jinji_trn_sid=good' })).statusCode).toBe(401);
    const me = await app.inject({
      url: '/api/v1/me',
      headers: { host: 'localhost', authorization: 'Bearer hr-token' },
    });
    expect(me.statusCode).toBe(401);
    expect(app.apiRoutes.map((r) => `${r.method} ${r.url} ${r.access.kind}`)).toEqual([
      'POST /scim/v2/Users service',
      'GET /api/v1/me session',
    ]);
  });
});
