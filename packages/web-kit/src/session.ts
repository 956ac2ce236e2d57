// The signed-in user (GET /api/v1/auth/session) is the auth state of a whole app: null = not signed in.
// /auth/session answers 200 either way, so a signed-out visitor's console shows no failed request.
// Login and logout swap the CSRF token (the server rotates it with the session) and every cached query.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, resetCsrfToken } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The app's "me" query, typed with its own me response (`useQuery(meQueryOptions).data ?? null`). */
export function sessionQueryOptions<TMe>() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: async (): Promise<TMe | null> => (await apiClient.get<{ me: TMe | null }>('/api/v1/auth/session')).me,
    staleTime: 60_000,
  });
}

/** POST /api/v1/auth/login with the app's body; the answer becomes the cached me. */
export function useLoginMutation<TBody, TMe>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => apiClient.post<TMe>('/api/v1/auth/login', body),
    onSuccess: (me) => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

/** POST /api/v1/auth/logout; whatever the server said, this browser is signed out afterwards. */
export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
