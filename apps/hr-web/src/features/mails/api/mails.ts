import type { TMailDetail, TMailListResponse } from '@jinji/contracts/hr/mail';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type { TMailDetail, TMailListResponse };

export const mailsQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['mails', page, pageSize],
    queryFn: () => apiClient.get<TMailListResponse>(`/api/v1/mails?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
    // while the worker has mails of this page in hand, their 状態 changes within seconds
    refetchInterval: (query) => {
      const data = query.state.data;
      const isMoving = data?.items.some((m) => m.status === 'pending' || m.status === 'sending');
      return data?.isSmtpConfigured && isMoving ? 2000 : false;
    },
  });

export const mailQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['mails', 'detail', id], queryFn: () => apiClient.get<TMailDetail>(`/api/v1/mails/${id}`) });

/** 【テストメールを送信】 to my own address; the new mail heads the list. */
export function useSendTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<{ id: string }>('/api/v1/mails/test'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mails'] }),
  });
}

/** 再送: the list and the open mail show 送信待ち afterwards. */
export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<TMailDetail>(`/api/v1/mails/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mails'] }),
  });
}
