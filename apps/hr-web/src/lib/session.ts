// The signed-in user (GET /auth/session) is the auth state of the whole app: null = not signed in.
// /auth/session answers 200 either way, so a signed-out visitor's console shows no failed request.
import type { Permission } from '@jinji/contracts/hr/access';
import type { TMeResponse, TSessionResponse } from '@jinji/contracts/hr/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<TMeResponse | null> => (await apiClient.get<TSessionResponse>('/api/v1/auth/session')).me,
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
