// HR's signed-in user (the kit's session query, typed with HR's me) and what its permissions open.
import type { Permission } from '@jinji/contracts/hr/access';
import type { TMeResponse } from '@jinji/contracts/hr/auth';
import { apiClient } from '@jinji/web-kit/api-client';
import { sessionQueryOptions } from '@jinji/web-kit/session';
import { queryOptions, useQuery } from '@tanstack/react-query';

export const meQueryOptions = sessionQueryOptions<TMeResponse>();
export const useMe = () => useQuery(meQueryOptions).data ?? null;

/** Menus and guards follow the server's answer (`me.permissions`), never the role names. */
export const hasPermission = (me: TMeResponse | null, permission: Permission) =>
  me?.permissions.includes(permission) ?? false;

/** Any admin permission opens the admin console; 一般 only has My STORY. */
export const isAdmin = (me: TMeResponse | null) => (me?.permissions.length ?? 0) > 0;

export const setupStatusQueryOptions = queryOptions({
  queryKey: ['setup', 'status'],
  queryFn: () => apiClient.get<{ needsSetup: boolean }>('/api/v1/setup/status'),
  staleTime: 60_000,
});
