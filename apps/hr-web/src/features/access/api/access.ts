import type {
  TAccountSearchResponse,
  TMatrixResponse,
  TRoleMembersResponse,
  TUpdateRoleMembersRequest,
} from '@jinji/contracts/hr/access';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { apiClient } from '@jinji/web-kit/api-client';
import { meQueryKey } from '@jinji/web-kit/session';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const accessMatrixQueryOptions = queryOptions({
  queryKey: ['access', 'matrix'],
  queryFn: () => apiClient.get<TMatrixResponse>('/api/v1/access/matrix'),
});

export const roleMembersQueryOptions = (role: TAdminRole, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['access', 'members', role, { page, pageSize }],
    queryFn: () =>
      apiClient.get<TRoleMembersResponse>(
        `/api/v1/access/roles/${role}/members?${new URLSearchParams({ page: `${page}`, pageSize: `${pageSize}` })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const accountSearchQueryOptions = (q: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['access', 'accounts', { q, page, pageSize }],
    queryFn: () =>
      apiClient.get<TAccountSearchResponse>(
        `/api/v1/access/accounts?${new URLSearchParams({ q, page: `${page}`, pageSize: `${pageSize}` })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const updateRoleMembers = (role: TAdminRole, body: TUpdateRoleMembersRequest) =>
  apiClient.put<TRoleMembersResponse>(`/api/v1/access/roles/${role}/members`, body);

export function useUpdateRoleMembers(role: TAdminRole) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateRoleMembersRequest) => updateRoleMembers(role, body),
    onSuccess: async () => {
      // Member counts, the search's role column and possibly my own permissions change.
      await queryClient.invalidateQueries({ queryKey: ['access'] });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** 【ロック解除】: the search shows the account unlocked afterwards. */
export function useUnlockAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiClient.post<void>(`/api/v1/access/accounts/${userId}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['access', 'accounts'] }),
  });
}
