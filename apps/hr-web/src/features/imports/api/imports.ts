import type { TCsvEncoding, TFileFormat } from '@jinji/contracts/common/enums';
import type {
  TImportColumnsResponse,
  TImportErrorListResponse,
  TImportJob,
  TImportJobListResponse,
  TImportKind,
} from '@jinji/contracts/hr/imports';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

const BASE = '/api/v1/imports';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the server takes (larger files are refused before they are sent). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** 「新規登録用ファイル」/「更新用ファイル」/勤怠実績: header row + one example row. A plain link (GET needs no CSRF token). */
export const importTemplateUrl = (kind: TImportKind, format: TFileFormat) =>
  `${BASE}/template?kind=${kind}&encoding=${format}`;

/** 現在の従業員データ (every employee with a 社員番号) in the 「更新用ファイル」 layout. */
export const employeeUpdateExportUrl = (format: TFileFormat) => `${BASE}/export?encoding=${format}`;
/** Before its Shift_JIS version: the cells that file could not hold. */
export const employeeUpdateCp932CheckUrl = `${BASE}/export/cp932-check`;

/** The rows that failed, as 行 / 項目 / 内容. */
export const importErrorsCsvUrl = (id: string, encoding: TCsvEncoding) =>
  `${BASE}/${encodeURIComponent(id)}/errors?encoding=${encoding}`;

export const importColumnsQueryOptions = (kind: TImportKind) =>
  queryOptions({
    queryKey: ['imports', 'columns', kind],
    queryFn: async () => (await apiClient.get<TImportColumnsResponse>(`${BASE}/columns?kind=${kind}`)).columns,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const importJobsQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['imports', 'list', page, pageSize],
    queryFn: () => apiClient.get<TImportJobListResponse>(`${BASE}?page=${page}&pageSize=${pageSize}`),
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
      apiClient.get<TImportErrorListResponse>(
        `${BASE}/${encodeURIComponent(id)}/errors.json?page=${page}&pageSize=${pageSize}`,
      ),
    placeholderData: keepPreviousData,
  });

export type TImportFileCheck = 'ok' | 'type' | 'size';

const isXlsx = (file: File) => /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME;
const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/** Only .csv and .xlsx up to 64 MB are sent; anything else is refused at once, with no upload. */
export function checkImportFile(file: File): TImportFileCheck {
  if (!isXlsx(file) && !isCsv(file)) return 'type';
  return file.size > MAX_IMPORT_BYTES ? 'size' : 'ok';
}

/** 【取込】: the raw file as the body (CSV or XLSX) for the chosen kind; the server answers 202 with the job. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: TImportKind }) =>
      apiClient.upload<TImportJob>(`${BASE}?kind=${kind}`, file, isXlsx(file) ? XLSX_MIME : 'text/csv', {
        'x-file-name': encodeURIComponent(file.name),
      }),
    onSuccess: (job) => {
      queryClient.setQueryData(importJobQueryOptions(job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
