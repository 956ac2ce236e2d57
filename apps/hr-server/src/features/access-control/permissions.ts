// Every route declares its access in `config.access` (deny by default; the auth plugin refuses to
// register an /api/v1 route without one). Permissions and their roles: @jinji/contracts/access.
import type { Permission } from '@jinji/contracts/hr/access';

/**
 * public  — no session needed
 * session — any logged-in account (一般 included); `whilePasswordExpired` keeps it usable before
 *           an expired password has been changed
 * permission — only the roles the matrix lists for it
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'session'; whilePasswordExpired?: boolean }
  | { kind: 'permission'; permission: Permission };
