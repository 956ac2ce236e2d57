// 応対記録: 対応記録一覧 (/api/v1/records), 期限付きタスク (/records/tasks), one record, the employee tab
// (/api/v1/employees/:id/records) and the employee picker (従業員一覧's search).
import type { TCsvEncoding } from '@jinji/contracts/common/enums';
import type { TEmployeeListResponse } from '@jinji/contracts/hr/employees';
import type {
  TEmployeeRecords,
  TRecord,
  TRecordFormOptions,
  TRecordInput,
  TRecordPage,
  TRecordStatus,
  TTaskPage,
} from '@jinji/contracts/hr/records';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type { TEmployeeRecords, TRecord, TRecordFormOptions, TRecordInput, TRecordPage, TTaskPage };

export type TRecordFilter = {
  categoryId?: string;
  from?: string;
  to?: string;
  status?: TRecordStatus;
  employeeId?: string;
  q?: string;
};

const filterParams = (f: TRecordFilter) => {
  const params = new URLSearchParams();
  for (const key of ['categoryId', 'from', 'to', 'status', 'employeeId', 'q'] as const)
    if (f[key]) params.set(key, f[key]);
  return params;
};

export const recordListQueryOptions = (f: TRecordFilter, page: number) => {
  const params = filterParams(f);
  params.set('page', String(page));
  params.set('pageSize', '20');
  return queryOptions({
    queryKey: ['records', 'list', f, page],
    queryFn: () => apiClient.get<TRecordPage>(`/api/v1/records?${params}`),
    placeholderData: keepPreviousData,
  });
};

export const recordExportUrl = (f: TRecordFilter, encoding: TCsvEncoding) => {
  const params = filterParams(f);
  params.set('encoding', encoding);
  return `/api/v1/records/export?${params}`;
};

export type TTaskFilter = { due: 'all' | 'overdue' | 'week'; isMine: boolean; page: number };

export const taskListQueryOptions = (f: TTaskFilter) =>
  queryOptions({
    queryKey: ['records', 'tasks', f],
    queryFn: () =>
      apiClient.get<TTaskPage>(`/api/v1/records/tasks?due=${f.due}&isMine=${f.isMine}&page=${f.page}&pageSize=20`),
    placeholderData: keepPreviousData,
  });

export const employeeRecordsQueryOptions = (employeeId: string, page: number) =>
  queryOptions({
    queryKey: ['records', 'employee', employeeId, page],
    queryFn: () => apiClient.get<TEmployeeRecords>(`/api/v1/employees/${employeeId}/records?page=${page}&pageSize=10`),
    placeholderData: keepPreviousData,
  });

export const recordFormOptionsQueryOptions = queryOptions({
  queryKey: ['records', 'form-options'],
  queryFn: () => apiClient.get<TRecordFormOptions>('/api/v1/records/form-options'),
  staleTime: 60_000,
});

/** 対象者・報告者 pickers: 従業員一覧's search by name/かな, or by 社員番号 when the text looks like one. */
export const employeePickQueryOptions = (text: string) => {
  const params = new URLSearchParams({ pageSize: '20', sort: 'kana', order: 'asc' });
  const q = text.trim();
  if (q) params.set(/^[0-9A-Za-z_-]+$/.test(q) ? 'employeeNumber' : 'q', q);
  return queryOptions({
    queryKey: ['records', 'employee-pick', q],
    queryFn: () => apiClient.get<TEmployeeListResponse>(`/api/v1/employees?${params}`),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
};

/** A change of one record moves every list: refresh them all. */
const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['records'] });
};

export function useSaveRecord() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string | null; body: TRecordInput }) =>
      v.id
        ? apiClient.put<TRecord>(`/api/v1/records/${v.id}`, v.body)
        : apiClient.post<TRecord>('/api/v1/records', v.body),
    onSuccess: refresh,
  });
}

export function useSetRecordCompleted() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; isCompleted: boolean }) =>
      apiClient.post<TRecord>(`/api/v1/records/${v.id}/${v.isCompleted ? 'complete' : 'reopen'}`),
    onSuccess: refresh,
  });
}

export function useDeleteRecord() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/api/v1/records/${id}`),
    onSuccess: refresh,
  });
}
