// Training's auth kit: cookies `__Host-jinji_trn_sid` / `jinji_trn_sid`, the session from
// training.session_context, and access by システム権限 × permission (contracts/training/access).
import { createAuthKit } from '@jinji/auth/fastify-auth';
import { isTrainingAllowed, type TTrainingPermission } from '@jinji/contracts/training/access';
import { AppError } from '@jinji/server-kit/app-error';
import type { TrainingConfig } from '../config';
import type { TrainingDb } from '../db/database';
import { resolveTrainingSession, type TrainingUser } from '../features/auth/auth.service';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    training: TTrainingPermission;
  }
}

export const trainingAuth = createAuthKit<TrainingUser>({
  cookiePrefix: 'jinji_trn',
  // the UI's API and HR's link API (/api/link/v1): every route of both must declare its access
  apiPrefix: ['/api/v1/', '/api/link/'],
  csrfFailed: () => new AppError('CSRF_FAILED'),
  unauthenticated: () => new AppError('UNAUTHENTICATED'),
});

export const trainingAuthOptions = (db: TrainingDb, config: TrainingConfig) => ({
  resolveSession: (token: string) => resolveTrainingSession(db, config, token),
  authorize: (user: TrainingUser | null, access: { kind: string; permission?: string }) => {
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (access.kind === 'permission' && !isTrainingAllowed(user.systemRole, access.permission ?? '')) {
      throw new AppError('FORBIDDEN');
    }
  },
});
