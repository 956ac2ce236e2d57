// Who calls a training service (the kit's Actor): a signed-in 利用者, a job, or HR over its SCIM token.
// Access is decided on the システム権限, which every kind carries.
import type { Actor, ServiceActor, UserActor } from '@jinji/auth/actor';
import { isTrainingAllowed, type TSystemRole, type TTrainingPermission } from '@jinji/contracts/training/access';
import { AppError } from '@jinji/server-kit/app-error';
import type { TrainingUser } from './features/auth/auth.service';

export type TrainingGrants = { systemRole: TSystemRole };
export type TrainingActor = Actor<TrainingGrants, { displayName: string }>;
/** HR (or another SCIM client) by one of the organisation's SCIM tokens: `serviceId` is the token's id. */
export type TrainingServiceActor = ServiceActor<TrainingGrants>;

export const actorOf = (user: TrainingUser): UserActor<TrainingGrants, { displayName: string }> => ({
  kind: 'user',
  tenantId: user.organisationId,
  userId: user.userId,
  loginId: user.loginId,
  displayName: user.displayName,
  systemRole: user.systemRole,
});

/** What a route's `can()` refuses, refused again in the service (a job or the CLI goes through here too). */
export function requireTrainingPermission(actor: TrainingActor, permission: TTrainingPermission): void {
  if (!isTrainingAllowed(actor.systemRole, permission)) throw new AppError('FORBIDDEN');
}
