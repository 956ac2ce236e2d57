// Training's auth kit: cookies `__Host-jinji_trn_sid` / `jinji_trn_sid`, the session from
// training.session_context, and access by システム権限 × permission (contracts/training/access).
import { isTrainingAllowed, type TTrainingPermission } from '@jinji/contracts/training/access';
import { appAuthKit } from '@jinji/server-kit/app-auth';
import type { TrainingServiceActor } from '../actor';
import type { TrainingUser } from '../features/auth/auth.service';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    training: TTrainingPermission;
  }
}

export const trainingAuth = appAuthKit<TrainingUser, TrainingServiceActor>({
  cookiePrefix: 'jinji_trn',
  // the UI's API, HR's link API (/api/link/v1) and SCIM (/scim/v2, bearer token: access 'service'):
  // and the health routes of load balancers (public): every route of each must declare its access
  apiPrefix: ['/api/v1/', '/api/link/', '/scim/v2', '/api/health'],
  allows: (user, permission) => isTrainingAllowed(user.systemRole, permission),
});
