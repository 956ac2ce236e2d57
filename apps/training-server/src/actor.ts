// Who calls a training service (the kit's Actor): a signed-in 利用者, a job, or HR over its SCIM token.
// Access is decided on the システム権限, which every kind carries.
import type { Actor, ServiceActor, UserActor } from '@jinji/auth/actor';
import type { TSystemRole } from '@jinji/contracts/training/access';
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
