// Who calls training and what they may do: the kit's Actor (a signed-in 利用者, a job, or HR over its
// SCIM token), the auth kit (cookies `__Host-jinji_trn_sid` / `jinji_trn_sid`, the session from
// training.session_context) and access by システム権限 × permission (contracts/training/access), which
// every kind of actor carries. Routes refuse by `can()`; services refuse again (a job or the CLI too).
import type { Actor, ServiceActor, UserActor } from '@jinji/auth/actor';
import { isTrainingAllowed, type TSystemRole, type TTrainingPermission } from '@jinji/contracts/training/access';
import { appAuthKit } from '@jinji/server-kit/app-auth';
import { AppError } from '@jinji/server-kit/app-error';
import type { FastifyRequest } from 'fastify';
import type { SessionMe } from './features/auth/auth.repository';

declare module '@jinji/auth/fastify-auth' {
  interface AccessRegistry {
    training: TTrainingPermission;
  }
}

/** The signed-in user of a request, as the session resolves it (features/auth). */
export type TrainingUser = SessionMe & { organisationId: string; userId: string; sessionHash: string };
export type TrainingGrants = { systemRole: TSystemRole };
export type TrainingActor = Actor<TrainingGrants, { displayName: string }>;
/** HR (or another SCIM client) by one of the organisation's SCIM tokens: `serviceId` is the token's id. */
export type TrainingServiceActor = ServiceActor<TrainingGrants>;

export const trainingAuth = appAuthKit<TrainingUser, TrainingServiceActor>({
  cookiePrefix: 'jinji_trn',
  // the UI's API, HR's link API (/api/link/v1) and SCIM (/scim/v2, bearer token: access 'service'):
  // and the health routes of load balancers (public): every route of each must declare its access
  apiPrefix: ['/api/v1/', '/api/link/', '/scim/v2', '/api/health'],
  allows: (user, permission) => isTrainingAllowed(user.systemRole, permission),
});

export const actorOf = (user: TrainingUser): UserActor<TrainingGrants, { displayName: string }> => ({
  kind: 'user',
  tenantId: user.organisationId,
  userId: user.userId,
  loginId: user.loginId,
  displayName: user.displayName,
  systemRole: user.systemRole,
});

/** The signed-in 利用者 of a route that declared access 'signedIn' or a permission, as an actor. */
export const requireActor = (req: FastifyRequest) => actorOf(trainingAuth.requireAuth(req));

export function requireTrainingPermission(actor: TrainingActor, permission: TTrainingPermission): void {
  if (!isTrainingAllowed(actor.systemRole, permission)) throw new AppError('FORBIDDEN');
}
