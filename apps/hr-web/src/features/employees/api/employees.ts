import type { TCsvEncoding } from '@jinji/contracts/common/enums';
import type { TAttendanceListResponse } from '@jinji/contracts/hr/attendance';
import type {
  TAssignmentInput,
  TContractInput,
  TCreateEmployeeRequest,
  TCreateEmployeeResponse,
  TEmployeeDetail,
  TEmployeeFormOptionsResponse,
  TEmployeeListResponse,
  TUpdateBasicRequest,
} from '@jinji/contracts/hr/employees';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type TEmployeeSearch, toListParams } from './employee-search';

export type TContactsSection = TEmployeeDetail['contacts'];
export type TCareerSection = TEmployeeDetail['career'];
export type TSensitiveSection = NonNullable<TEmployeeDetail['sensitive']>;

const BASE = '/api/v1/employees';

export const employeeListQueryOptions = (search: TEmployeeSearch, pageSize: number) =>
  queryOptions({
    queryKey: ['employees', 'list', search, pageSize],
    queryFn: () => apiClient.get<TEmployeeListResponse>(`${BASE}?${toListParams(search, pageSize)}`),
    placeholderData: keepPreviousData,
  });

/** The CSV of the whole filtered result (every page): a plain download link, GET needs no CSRF token. */
export const employeeExportUrl = (search: TEmployeeSearch, encoding: TCsvEncoding) => {
  const params = toListParams(search, null);
  params.set('encoding', encoding);
  return `${BASE}/export?${params}`;
};

/** Before a Shift_JIS export: the cells it could not hold, for the same filters. */
export const employeeCp932CheckUrl = (search: TEmployeeSearch) =>
  `${BASE}/export/cp932-check?${toListParams(search, null)}`;

export const employeeFormOptionsQueryOptions = queryOptions({
  queryKey: ['employees', 'form-options'],
  queryFn: () => apiClient.get<TEmployeeFormOptionsResponse>(`${BASE}/form-options`),
  staleTime: 30_000,
});

export const employeeDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['employees', 'detail', id],
    queryFn: () => apiClient.get<TEmployeeDetail>(`${BASE}/${id}`),
  });

/** 勤怠実績: the 12 newest months imported (newest first). */
export const employeeAttendanceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['employees', 'attendance', id],
    queryFn: () => apiClient.get<TAttendanceListResponse>(`${BASE}/${id}/attendance`),
  });

export function useCreateEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateEmployeeRequest) => apiClient.post<TCreateEmployeeResponse>(BASE, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employees', 'list'] }),
  });
}

/** One write of the detail page; the server answers with the whole detail, which replaces the cache. */
type TEmployeeWrite =
  | { section: 'basic'; body: TUpdateBasicRequest }
  | { section: 'contacts'; body: TContactsSection }
  | { section: 'career'; body: TCareerSection }
  | { section: 'sensitive'; body: TSensitiveSection }
  /** with `historyId`: a correction of that row; without: a new row */
  | { section: 'assignments'; body: TAssignmentInput; historyId?: string }
  | { section: 'contracts'; body: TContractInput; historyId?: string }
  | { section: 'assignments' | 'contracts'; historyId: string; isDelete: true };

function sendWrite(id: string, write: TEmployeeWrite) {
  if ('isDelete' in write)
    return apiClient.delete<TEmployeeDetail>(`${BASE}/${id}/${write.section}/${write.historyId}`);
  if (write.section === 'assignments' || write.section === 'contracts') {
    return write.historyId
      ? apiClient.put<TEmployeeDetail>(`${BASE}/${id}/${write.section}/${write.historyId}`, write.body)
      : apiClient.post<TEmployeeDetail>(`${BASE}/${id}/${write.section}`, write.body);
  }
  return apiClient.put<TEmployeeDetail>(`${BASE}/${id}/${write.section}`, write.body);
}

export function useUpdateEmployee(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: TEmployeeWrite) => sendWrite(id, write),
    onSuccess: (detail) => {
      queryClient.setQueryData(employeeDetailQueryOptions(id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
    },
  });
}
