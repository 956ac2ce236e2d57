// 届出: the employee's own requests (/api/v1/me/…, no employee id), the approvers' 届出一覧
// (/api/v1/requests) and 届出種類設定 (/api/v1/request-types).
import type {
  TDepartmentHead,
  TFileRequest,
  TRequestDetail,
  TRequestNotices,
  TRequestPage,
  TRequestType,
  TRequestTypeInput,
} from '@jinji/contracts/hr/requests';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type { TDepartmentHead, TRequestDetail, TRequestNotices, TRequestPage, TRequestType };

/** Where a detail is read and decided: the applicant's own routes, or the approvers'. */
export type TRequestSide = 'mine' | 'approver';
const detailPath = (side: TRequestSide, id: string) =>
  side === 'mine' ? `/api/v1/me/requests/${id}` : `/api/v1/requests/${id}`;
export const attachmentHref = (side: TRequestSide, id: string, attachmentId: string) =>
  `${detailPath(side, id)}/attachments/${attachmentId}`;

export const filableTypesQueryOptions = queryOptions({
  queryKey: ['requests', 'filable-types'],
  queryFn: () => apiClient.get<{ items: TRequestType[] }>('/api/v1/me/request-types'),
});

export const myRequestsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['requests', 'mine', page],
    queryFn: () => apiClient.get<TRequestPage>(`/api/v1/me/requests?page=${page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });

export type TApprovalFilter = {
  status?: string;
  typeId?: string;
  q?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  isWaitingOnly?: boolean;
  page: number;
};

export const approvalsQueryOptions = (f: TApprovalFilter) => {
  const params = new URLSearchParams({ page: String(f.page), pageSize: '20' });
  for (const key of ['status', 'typeId', 'q', 'effectiveFrom', 'effectiveTo'] as const)
    if (f[key]) params.set(key, f[key]);
  if (f.isWaitingOnly) params.set('isWaitingOnly', 'true');
  return queryOptions({
    queryKey: ['requests', 'approvals', f],
    queryFn: () => apiClient.get<TRequestPage>(`/api/v1/requests?${params}`),
    placeholderData: keepPreviousData,
  });
};

export const requestQueryOptions = (side: TRequestSide, id: string) =>
  queryOptions({
    queryKey: ['requests', side, 'detail', id],
    queryFn: () => apiClient.get<TRequestDetail>(detailPath(side, id)),
  });

export const noticesQueryOptions = queryOptions({
  queryKey: ['requests', 'notices'],
  queryFn: () => apiClient.get<TRequestNotices>('/api/v1/me/request-notices'),
  refetchInterval: 60_000,
});

/** Every list, badge and detail of 届出 may change with one step: refresh them all. */
const useRefreshRequests = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['requests'] });
};

export function useFileRequest() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (body: TFileRequest) => apiClient.post<TRequestDetail>('/api/v1/me/requests', body),
    onSuccess: refresh,
  });
}

export function useWithdrawRequest(id: string) {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: () => apiClient.post<TRequestDetail>(`/api/v1/me/requests/${id}/withdraw`),
    onSuccess: refresh,
  });
}

export function useDecideRequest(id: string) {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (v: { decision: 'approve' | 'return'; comment: string }) =>
      apiClient.post<TRequestDetail>(`/api/v1/requests/${id}/${v.decision}`, { comment: v.comment }),
    onSuccess: refresh,
  });
}

export function useReadNotices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<TRequestNotices>('/api/v1/me/request-notices/read'),
    onSuccess: (notices) => queryClient.setQueryData(noticesQueryOptions.queryKey, notices),
  });
}

// ---- 届出種類設定 --------------------------------------------------------------------------------

export const requestTypesQueryOptions = queryOptions({
  queryKey: ['requests', 'types'],
  queryFn: () => apiClient.get<{ items: TRequestType[] }>('/api/v1/request-types'),
});

export const departmentHeadsQueryOptions = queryOptions({
  queryKey: ['requests', 'department-heads'],
  queryFn: () => apiClient.get<{ items: TDepartmentHead[] }>('/api/v1/request-types/department-heads'),
});

export function useSaveRequestType() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (v: { id: string | null; body: TRequestTypeInput }) =>
      v.id
        ? apiClient.put<TRequestType>(`/api/v1/request-types/${v.id}`, v.body)
        : apiClient.post<TRequestType>('/api/v1/request-types', v.body),
    onSuccess: refresh,
  });
}

export function useSaveDepartmentHead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { departmentId: string; employeeNumber: string }) =>
      apiClient.put<{ items: TDepartmentHead[] }>(`/api/v1/request-types/department-heads/${v.departmentId}`, {
        employeeNumber: v.employeeNumber,
      }),
    onSuccess: (data) => queryClient.setQueryData(departmentHeadsQueryOptions.queryKey, data),
  });
}
