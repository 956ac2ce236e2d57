// Session cookie, CSRF and route access for one app, in this order for every request:
// CSRF (mutating methods) → session from cookie → the route's declared access (deny by default).
// A 'service' route is the exception: another application's bearer token, resolved by the app, and
// neither cookie nor CSRF (a browser sends no Authorization header by itself, so there is nothing to forge).
// Browsers share cookies across ports, so each app names its own (decision 009): the prefix
// 'jinji' gives `__Host-jinji_sid` / `__Host-jinji_csrf`, and `jinji_sid` / `jinji_csrf` over plain HTTP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
// the request's cookies and the reply's setCookie are @fastify/cookie's (the base app registers it)
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Each app states its permission type here under its own key (`interface AccessRegistry { hr: TPermission }`)
 * so that a route's `config.access` is checked against its permission keys. Keys per app, because a program
 * that compiles both apps (scripts/) sees both augmentations: one shared key would conflict.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation in each app
export interface AccessRegistry {}
type Permission = keyof AccessRegistry extends never ? string : AccessRegistry[keyof AccessRegistry];

/**
 * public  — no session needed
 * session — any signed-in account; `whilePasswordExpired` keeps it usable before an expired
 *           password has been changed
 * permission — only the roles the app's matrix lists for it
 * self    — any signed-in account, on its own person's data only: the route takes no id of a person
 *           (the service finds it from the session), so no id can name somebody else's
 * service — another application with a bearer token the tenant issued (decision 009); the session
 *           cookie is not read. The app's `resolveService` turns the token into its service actor.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'session'; whilePasswordExpired?: boolean }
  | { kind: 'self' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'service' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** the session's user as the app resolved it; read through the kit's authOf/requireAuth */
    auth: unknown;
  }
  interface FastifyInstance {
    /** Every API route with its declared access: the source for route × role tests. */
    apiRoutes: ApiRoute[];
  }
}

export type ApiRoute = { method: string; url: string; access: RouteAccess };

export type CookieNames = { sid: string; csrf: string };

export function cookieNames(prefix: string): { secure: CookieNames; plain: CookieNames } {
  return {
    secure: { sid: `__Host-${prefix}_sid`, csrf: `__Host-${prefix}_csrf` },
    plain: { sid: `${prefix}_sid`, csrf: `${prefix}_csrf` },
  };
}

export type AuthPluginOptions<U, S = never> = {
  /** the cookie's value → the session's user, or null when it has ended (the cookie is then cleared) */
  resolveSession(token: string): Promise<U | null>;
  /** throws the app's error when `user` may not use a route declared with `access` (not 'public' or 'service') */
  authorize(user: U | null, access: Exclude<RouteAccess, { kind: 'public' } | { kind: 'service' }>): void;
  /**
   * A 'service' route's bearer token → the app's service actor, or null (unknown, revoked): the kit
   * then throws `unauthenticated()`. Store only a hash of the token and look the hash up (an indexed
   * equality on a hash tells a caller nothing by its timing). Without it every 'service' route is refused.
   */
  resolveService?(token: string, request: FastifyRequest): Promise<S | null>;
};

export type AuthKitOptions = {
  cookiePrefix: string;
  /** the app's errors for a failed CSRF check and for a missing session (requireAuth) */
  csrfFailed(): Error;
  unauthenticated(): Error;
  /** routes under this prefix (or any of these) must declare config.access (default /api/v1) */
  apiPrefix?: string | readonly string[];
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])(:\d+)?$/;

// `__Host-` cookies must be Secure; browsers accept Secure cookies on https and on loopback.
const isSecureContext = (request: FastifyRequest) => request.protocol === 'https' || LOOPBACK.test(request.host);

function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750), or null. */
export function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer +([\x21-\x7e]+) *$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** One app's cookies, CSRF and access plugin; `U` is the app's signed-in user. */
export function createAuthKit<U, S = never>(kit: AuthKitOptions) {
  const names = cookieNames(kit.cookiePrefix);
  const apiPrefixes = [kit.apiPrefix ?? '/api/v1'].flat();
  const namesFor = (secure: boolean) => (secure ? names.secure : names.plain);
  const readCookie = (request: FastifyRequest, key: keyof CookieNames) =>
    request.cookies[names.secure[key]] ?? request.cookies[names.plain[key]];

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
    const secure = isSecureContext(request);
    const opts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
    if (token === null) reply.clearCookie(namesFor(secure).sid, opts);
    else reply.setCookie(namesFor(secure).sid, token, opts);
  }

  /** Issues a fresh CSRF token (at login, logout and on demand) and returns it. */
  function rotateCsrf(request: FastifyRequest, reply: FastifyReply): string {
    const token = randomBytes(32).toString('base64url');
    const secure = isSecureContext(request);
    reply.setCookie(namesFor(secure).csrf, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    return token;
  }

  const currentCsrf = (request: FastifyRequest, reply: FastifyReply): string =>
    readCookie(request, 'csrf') ?? rotateCsrf(request, reply);

  function isCsrfValid(request: FastifyRequest): boolean {
    const header = request.headers['x-csrf-token'];
    const cookie = readCookie(request, 'csrf');
    return (
      typeof header === 'string' &&
      cookie !== undefined &&
      header.length === cookie.length &&
      timingSafeEqual(Buffer.from(header), Buffer.from(cookie)) &&
      isSameOrigin(request)
    );
  }

  const authOf = (request: FastifyRequest): U | null => request.auth as U | null;

  /** For handlers behind a 'service' access: the token's actor (the kit refused the request without one). */
  function serviceOf(request: FastifyRequest): S {
    if (request.routeOptions.config?.access?.kind !== 'service' || !request.auth) throw kit.unauthenticated();
    return request.auth as S;
  }

  /** For handlers behind a non-public access: the session is there. */
  function requireAuth(request: FastifyRequest): U {
    const user = authOf(request);
    if (!user) throw kit.unauthenticated();
    return user;
  }

  const plugin = fp(
    async (app: FastifyInstance, opts: AuthPluginOptions<U, S>) => {
      app.decorateRequest('auth', null);
      const apiRoutes: ApiRoute[] = [];
      app.decorate('apiRoutes', apiRoutes);

      // Deny by default: an API route without a declared access cannot even be registered.
      app.addHook('onRoute', (route) => {
        if (!apiPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
        const access = route.config?.access;
        if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
        }
      });

      app.addHook('onRequest', async (request, reply) => {
        const access = request.routeOptions.config?.access;
        if (!access) return; // static files, docs, health
        if (access.kind === 'service') {
          const token = bearerOf(request);
          request.auth = token && opts.resolveService ? await opts.resolveService(token, request) : null;
          if (!request.auth) throw kit.unauthenticated();
          return;
        }
        if (MUTATING.has(request.method) && !isCsrfValid(request)) throw kit.csrfFailed();
        const token = readCookie(request, 'sid');
        if (token) {
          request.auth = await opts.resolveSession(token);
          if (!request.auth) setSessionCookie(request, reply, null);
        }
        if (access.kind !== 'public') opts.authorize(authOf(request), access);
      });
    },
    { name: `auth-${kit.cookiePrefix}`, dependencies: ['@fastify/cookie'] },
  );

  return { names, plugin, setSessionCookie, rotateCsrf, currentCsrf, authOf, requireAuth, serviceOf };
}
