// HR's Actor: the kit's user / job / service, deciding access by HR's admin roles. A job carries the
// roles of the user who started it, a service the roles its token grants.
import type { Actor as KitActor, UserActor } from '@jinji/auth/actor';
import type { TAdminRole } from '@jinji/contracts/hr/roles';

type Grants = { roles: TAdminRole[] };
type SignedIn = {
  displayName: string;
  email: string | null;
  mustChangePassword: boolean;
  /** sha256 of the session id; null for a user acting outside a session (the CLI, the demo) */
  sessionHash: string | null;
  tenantCode: string;
  tenantName: string;
};

export type HrUser = UserActor<Grants, SignedIn>;
export type Actor = KitActor<Grants, SignedIn>;
