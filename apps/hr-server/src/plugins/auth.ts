// HR's use of the auth kit: cookie names `__Host-jinji_sid` / `jinji_sid`, access decided by HR's role ×
// permission matrix (the session is looked up by auth.service: app.ts).
import { isAllowed, isPermission, type Permission } from '@jinji/contracts/hr/access';
import { appAuthKit } from '@jinji/server-kit/app-auth';
import { AppError } from '@jinji/server-kit/app-error';
import type { HrUser } from '../lib/actor';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    hr: Permission;
  }
}

export type { ApiRoute } from '@jinji/auth/fastify-auth';

export const hrAuth = appAuthKit<HrUser>({
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

export const { setSessionCookie, rotateCsrf, currentCsrf, authOf, requireAuth } = hrAuth;
export const SESSION_COOKIE = hrAuth.names.secure.sid;
