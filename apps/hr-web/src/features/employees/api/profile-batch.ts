// 個人プロフィール一括出力 from 従業員一覧: the same selection as アカウント通知 (selectionOf), the job's
// progress polled while it runs, and the ZIP's download address.
import type { TProfileBatch, TStartProfileBatchRequest } from '@jinji/contracts/hr/profile-batch';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions, useMutation } from '@tanstack/react-query';

export const useStartProfileBatch = () =>
  useMutation({
    mutationFn: (request: TStartProfileBatchRequest) =>
      apiClient.post<TProfileBatch>('/api/v1/profile-batches', request),
  });

export const profileBatchQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['profile-batches', id],
    queryFn: () => apiClient.get<TProfileBatch>(`/api/v1/profile-batches/${id}`),
    // once a second while it runs, then never again
    refetchInterval: (q) => (q.state.data?.status === 'processing' ? 1000 : false),
  });

export const profileBatchDownloadUrl = (id: string) => `/api/v1/profile-batches/${id}/download`;
