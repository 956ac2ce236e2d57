// HR's use of the auth kit: cookie names `__Host-jinji_sid` / `jinji_sid`, the session looked up by
// auth.service, and access decided by HR's role × permission matrix.
import { isAllowed, isPermission, type Permission } from '@jinji/contracts/hr/access';
import { appAuthKit } from '@jinji/server-kit/app-auth';
import { AppError } from '@jinji/server-kit/app-error';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { resolveSession } from '../features/auth/auth.service';
import type { HrUser } from '../lib/actor';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    hr: Permission;
  }
}

export type { ApiRoute } from '@jinji/auth/fastify-auth';

const kit = appAuthKit<HrUser>({
  cookiePrefix: 'jinji',
  // the UI's API and the health routes of load balancers (public): every route of each declares its access
  apiPrefix: ['/api/v1', '/api/health'],
  // a program compiling both apps (scripts/) sees training's keys too: anything not HR's is refused
  allows: (user, permission) => isPermission(permission) && isAllowed(user.roles, permission),
  refuse: (user, access) => {
    const mayProceedExpired = access.kind === 'session' && access.whilePasswordExpired === true;
    if (user.mustChangePassword && !mayProceedExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  },
});

export const { setSessionCookie, rotateCsrf, currentCsrf, authOf, requireAuth } = kit;
export const SESSION_COOKIE = kit.names.secure.sid;

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { db: Database; config: Config }) => {
    await app.register(kit.plugin, {
      resolveSession: (token) => resolveSession(opts.db, opts.config, token),
      authorize: kit.authorize,
    });
  },
  { name: 'jinji-auth', dependencies: ['@fastify/cookie'] },
);
