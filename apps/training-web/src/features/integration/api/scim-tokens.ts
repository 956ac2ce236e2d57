// 連携設定's SCIM tokens: the list (paged), 発行, 再発行 and 失効. The token itself comes back once, in the
// answer of 発行 / 再発行, and lives only in the dialog that shows it.
import type { TIssuedScimToken, TScimTokenItem, TScimTokenList } from '@jinji/contracts/training/scim';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type { TIssuedScimToken, TScimTokenItem, TScimTokenList };

const BASE = '/api/v1/integration/scim-tokens';

export const scimTokensQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['scim-tokens', page, pageSize],
    queryFn: () => apiClient.get<TScimTokenList>(`${BASE}?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
  });

function useTokenMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scim-tokens'] }),
  });
}

export const useIssueScimToken = () =>
  useTokenMutation((label: string) => apiClient.post<TIssuedScimToken>(BASE, { label }));
export const useRotateScimToken = () =>
  useTokenMutation((id: string) => apiClient.post<TIssuedScimToken>(`${BASE}/${id}/rotate`));
export const useRevokeScimToken = () =>
  useTokenMutation((id: string) => apiClient.post<TScimTokenItem>(`${BASE}/${id}/revoke`));
