// The signed-in user (GET /auth/me) is the auth state of the whole app: null = not signed in.
import type { Permission } from '@jinji/contracts/access';
import type { TMeResponse } from '@jinji/contracts/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, isApiError } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<TMeResponse | null> => {
    try {
      return await apiClient.get<TMeResponse>('/api/v1/auth/me');
    } catch (e) {
      if (isApiError(e, 'UNAUTHENTICATED')) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

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
