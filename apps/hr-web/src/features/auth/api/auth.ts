import type { TLoginRequest, TMeResponse } from '@jinji/contracts/hr/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, resetCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export const login = (body: TLoginRequest) => apiClient.post<TMeResponse>('/api/v1/auth/login', body);
export const logout = () => apiClient.post<void>('/api/v1/auth/logout');

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Whatever the server said, this browser is signed out now.
    onSettled: () => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
