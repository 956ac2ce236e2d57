import type {
  TChangePasswordRequest,
  TPasswordPolicy,
  TPasswordPolicyResponse,
} from '@jinji/contracts/common/password-policy';
import { apiClient } from '@jinji/web-kit/api-client';
import { meQueryKey } from '@jinji/web-kit/session';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const passwordPolicyQueryOptions = queryOptions({
  queryKey: ['password-policy'],
  queryFn: () => apiClient.get<TPasswordPolicyResponse>('/api/v1/password-policy'),
});

export const updatePasswordPolicy = (policy: TPasswordPolicy) =>
  apiClient.put<TPasswordPolicyResponse>('/api/v1/password-policy', policy);

export const changePassword = (body: TChangePasswordRequest) => apiClient.post<void>('/api/v1/auth/password', body);

export function useUpdatePasswordPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePasswordPolicy,
    onSuccess: (data) => queryClient.setQueryData(passwordPolicyQueryOptions.queryKey, data),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword is cleared on the server; refetch before routing on.
    onSuccess: () => queryClient.refetchQueries({ queryKey: meQueryKey }),
  });
}
