import type { TAdminRole } from '@jinji/contracts/hr/roles';

/** Who is calling, as resolved from the session cookie. Services take this, never the request. */
export type AuthContext = {
  tenantId: string;
  userId: string;
  loginId: string;
  displayName: string;
  email: string | null;
  roles: TAdminRole[];
  mustChangePassword: boolean;
  sessionHash: string;
};
