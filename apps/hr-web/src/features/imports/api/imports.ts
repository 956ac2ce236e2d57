import type { ImportColumn, TImportError, TImportJob, TImportKind } from '@jinji/contracts/imports';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export type TCsvEncoding = 'utf8' | 'cp932';
export type TPaged<T> = { items: T[]; total: number; page: number; pageSize: number };

const BASE = '/api/v1/imports';
const KIND: TImportKind = 'employees_new';

/** 「新規登録用ファイル」: header row + one example row. A plain download link (GET needs no CSRF token). */
export const importTemplateUrl = (encoding: TCsvEncoding) => `${BASE}/template?kind=${KIND}&encoding=${encoding}`;

/** The rows that failed, as 行 / 項目 / 内容. */
export const importErrorsCsvUrl = (id: string, encoding: TCsvEncoding) =>
  `${BASE}/${encodeURIComponent(id)}/errors?encoding=${encoding}`;

export const importColumnsQueryOptions = queryOptions({
  queryKey: ['imports', 'columns', KIND],
  queryFn: async () => (await apiClient.get<{ columns: ImportColumn[] }>(`${BASE}/columns?kind=${KIND}`)).columns,
  staleTime: Number.POSITIVE_INFINITY,
});

export const importJobsQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['imports', 'list', page, pageSize],
    queryFn: () => apiClient.get<TPaged<TImportJob>>(`${BASE}?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
    // a job still 処理中 in the history keeps it fresh
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'processing') ? 2000 : false),
  });

/** One job, polled every second while it is 処理中. */
export const importJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['imports', 'job', id],
    queryFn: () => apiClient.get<TImportJob>(`${BASE}/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data?.status === 'processing' ? 1000 : false),
  });

export const importErrorsQueryOptions = (id: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['imports', 'errors', id, page, pageSize],
    queryFn: () =>
      apiClient.get<TPaged<TImportError>>(
        `${BASE}/${encodeURIComponent(id)}/errors.json?page=${page}&pageSize=${pageSize}`,
      ),
    placeholderData: keepPreviousData,
  });

/** 【取込】: the raw file as the body; the server answers 202 with the job (処理中). */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      apiClient.upload<TImportJob>(`${BASE}?kind=${KIND}`, file, 'text/csv', {
        'x-file-name': encodeURIComponent(file.name),
      }),
    onSuccess: (job) => {
      queryClient.setQueryData(importJobQueryOptions(job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
