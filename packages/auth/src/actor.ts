// Who is calling a service. Every service takes an Actor — a signed-in user, a durable job, or another
// application presenting a bearer token (decision 009) — and checks access itself, so a job or the CLI
// cannot do what the route would refuse. `G` is what access is decided on (an app's roles), carried by
// every kind; `U` is what only a signed-in user has (names, the session).

export type UserActor<G extends object = object, U extends object = object> = {
  kind: 'user';
  tenantId: string;
  userId: string;
  loginId: string;
} & G &
  U;

/** A job acts for the user who started it (null: the system itself, e.g. an automatic lock). */
export type JobActor<G extends object = object> = {
  kind: 'job';
  tenantId: string;
  jobId: string;
  userId: string | null;
  loginId: string | null;
} & G;

/** Another application, by a token the tenant issued to it (e.g. HR provisioning training). */
export type ServiceActor<G extends object = object> = {
  kind: 'service';
  tenantId: string;
  serviceId: string;
} & G;

export type Actor<G extends object = object, U extends object = object> =
  | UserActor<G, U>
  | JobActor<G>
  | ServiceActor<G>;

/** The person behind an action, for audit trails: the user, or the user who started the job. */
export function actingUserOf(actor: Actor): { userId: string | null; loginId: string | null } {
  if (actor.kind === 'service') return { userId: null, loginId: `service:${actor.serviceId}` };
  return { userId: actor.userId, loginId: actor.loginId };
}

/** The system's own action (no user): e.g. a lock the lockout set after failed logins. */
export function systemActor<G extends object>(tenantId: string, jobId: string, grants: G): JobActor<G> {
  return { kind: 'job', tenantId, jobId, userId: null, loginId: null, ...grants };
}
