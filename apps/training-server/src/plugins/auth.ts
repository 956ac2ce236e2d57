// Training's auth kit: cookies `__Host-jinji_trn_sid` / `jinji_trn_sid`, the session from
// training.session_context; every signed-in user may use a 'session' route (roles come with the features).
import { createAuthKit } from '@jinji/auth/fastify-auth';
import { AppError } from '@jinji/server-kit/app-error';
import type { TrainingConfig } from '../config';
import type { TrainingDb } from '../db/database';
import { resolveTrainingSession, type TrainingUser } from '../features/auth/auth.service';

export const trainingAuth = createAuthKit<TrainingUser>({
  cookiePrefix: 'jinji_trn',
  csrfFailed: () => new AppError('CSRF_FAILED'),
  unauthenticated: () => new AppError('UNAUTHENTICATED'),
});

export const trainingAuthOptions = (db: TrainingDb, config: TrainingConfig) => ({
  resolveSession: (token: string) => resolveTrainingSession(db, config, token),
  authorize: (user: TrainingUser | null) => {
    if (!user) throw new AppError('UNAUTHENTICATED');
  },
});
