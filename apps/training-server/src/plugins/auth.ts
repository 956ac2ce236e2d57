// Training's auth kit: cookies `__Host-jinji_trn_sid` / `jinji_trn_sid`, the session from
// training.session_context, and access by システム権限 × permission (contracts/training/access).
import { bearerOf, createAuthKit } from '@jinji/auth/fastify-auth';
import { hashSecret } from '@jinji/auth/session-token';
import { isTrainingAllowed, type TTrainingPermission } from '@jinji/contracts/training/access';
import { AppError } from '@jinji/server-kit/app-error';
import type { FastifyRequest } from 'fastify';
import type { TrainingServiceActor } from '../actor';
import type { TrainingConfig } from '../config';
import type { TrainingDb } from '../db/database';
import { resolveTrainingSession, type TrainingUser } from '../features/auth/auth.service';
import { resolveScimToken } from '../features/scim/scim.service';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    training: TTrainingPermission;
  }
}

export const trainingAuth = createAuthKit<TrainingUser, TrainingServiceActor>({
  cookiePrefix: 'jinji_trn',
  // the UI's API, HR's link API (/api/link/v1) and SCIM (/scim/v2, bearer token: access 'service'):
  // and the health routes of load balancers (public): every route of each must declare its access
  apiPrefix: ['/api/v1/', '/api/link/', '/scim/v2', '/api/health'],
  csrfFailed: () => new AppError('CSRF_FAILED'),
  unauthenticated: () => new AppError('UNAUTHENTICATED'),
});

export const trainingAuthOptions = (db: TrainingDb, config: TrainingConfig) => ({
  resolveSession: (token: string) => resolveTrainingSession(db, config, token),
  resolveService: (token: string) => resolveScimToken(db, token),
  authorize: (user: TrainingUser | null, access: { kind: string; permission?: string }) => {
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (access.kind === 'permission' && !isTrainingAllowed(user.systemRole, access.permission ?? '')) {
      throw new AppError('FORBIDDEN');
    }
  },
});

/**
 * The route config of a bearer-token route (SCIM, the link API): access 'service', rate-limited per token
 * (the key is the token's hash; a request without one is refused by the auth kit anyway).
 */
export const serviceRoute = (config: Pick<TrainingConfig, 'scim'>) => ({
  access: { kind: 'service' as const },
  rateLimit: {
    max: config.scim.ratePerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => {
      const token = bearerOf(req);
      return token ? `token:${hashSecret(token)}` : `token-ip:${req.ip}`;
    },
  },
});
