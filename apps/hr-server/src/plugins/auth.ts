// Session cookie, CSRF and route access in one place, in this order for every request:
// CSRF (mutating methods) → session from cookie → the route's declared access.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isAllowed } from '@jinji/contracts/hr/access';
import { AppError } from '@jinji/server-kit/app-error';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { RouteAccess } from '../features/access-control/permissions';
import { resolveSession } from '../features/auth/auth.service';
import type { AuthContext } from '../lib/auth-context';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access: the source for route × role tests. */
    apiRoutes: ApiRoute[];
  }
}

export type ApiRoute = { method: string; url: string; access: RouteAccess };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])(:\d+)?$/;

// `__Host-` cookies must be Secure; browsers accept Secure cookies on https and on loopback.
function isSecureContext(request: FastifyRequest): boolean {
  return request.protocol === 'https' || LOOPBACK.test(request.host);
}
const names = (secure: boolean) =>
  secure ? { sid: '__Host-jinji_sid', csrf: '__Host-jinji_csrf' } : { sid: 'jinji_sid', csrf: 'jinji_csrf' };

function readCookie(request: FastifyRequest, key: 'sid' | 'csrf'): string | undefined {
  return request.cookies[names(true)[key]] ?? request.cookies[names(false)[key]];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const secure = isSecureContext(request);
  const opts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  if (token === null) reply.clearCookie(names(secure).sid, opts);
  else reply.setCookie(names(secure).sid, token, opts);
}

/** Issues a fresh CSRF token (at login, logout and on demand) and returns it. */
export function rotateCsrf(request: FastifyRequest, reply: FastifyReply): string {
  const token = randomBytes(32).toString('base64url');
  const secure = isSecureContext(request);
  reply.setCookie(names(secure).csrf, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  return token;
}

export function currentCsrf(request: FastifyRequest, reply: FastifyReply): string {
  return readCookie(request, 'csrf') ?? rotateCsrf(request, reply);
}

function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function checkCsrf(request: FastifyRequest): void {
  const header = request.headers['x-csrf-token'];
  const cookie = readCookie(request, 'csrf');
  const ok =
    typeof header === 'string' &&
    cookie !== undefined &&
    header.length === cookie.length &&
    timingSafeEqual(Buffer.from(header), Buffer.from(cookie)) &&
    isSameOrigin(request);
  if (!ok) throw new AppError('CSRF_FAILED');
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { db: Database; config: Config }) => {
    app.decorateRequest('auth', null);
    const apiRoutes: ApiRoute[] = [];
    app.decorate('apiRoutes', apiRoutes);

    // Deny by default: an API route without a declared access cannot even be registered.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/v1')) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const access = request.routeOptions.config?.access;
      if (!access) return; // static files, docs, health
      if (MUTATING.has(request.method)) checkCsrf(request);

      const token = readCookie(request, 'sid');
      if (token) {
        request.auth = await resolveSession(opts.db, opts.config, token);
        if (!request.auth) setSessionCookie(request, reply, null);
      }
      if (access.kind === 'public') return;
      const auth = request.auth;
      if (!auth) throw new AppError('UNAUTHENTICATED');
      const mayProceedExpired = access.kind === 'session' && access.whilePasswordExpired === true;
      if (auth.mustChangePassword && !mayProceedExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      if (access.kind === 'permission' && !isAllowed(auth.roles, access.permission)) throw new AppError('FORBIDDEN');
    });
  },
  { name: 'jinji-auth', dependencies: ['@fastify/cookie'] },
);

/** For handlers behind a non-public access: the session is there. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}
