// Every route declares its access in `config.access` (deny by default; the auth plugin refuses to
// register an /api route without one). The full feature × role matrix arrives with issue #3.
import type { TAdminRole } from '@jinji/contracts/roles';

export const PERMISSIONS = {
  'password_policy.edit': ['system_admin'],
  'employees.view': ['system_admin', 'full_admin', 'hr_admin', 'employee_admin'],
} as const satisfies Record<string, readonly TAdminRole[]>;
export type Permission = keyof typeof PERMISSIONS;

/**
 * public  — no session needed
 * session — any logged-in account (一般 included)
 * Permission — only roles listed for it
 * `whilePasswordExpired` — still allowed when the password must be changed first.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'session'; whilePasswordExpired?: boolean }
  | { kind: 'permission'; permission: Permission };

export function isAllowed(roles: readonly TAdminRole[], permission: Permission): boolean {
  const allowed: readonly TAdminRole[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
