import type { TCsvEncoding } from '@jinji/contracts/common/enums';
import type {
  TMasterCountsResponse,
  TMasterInput,
  TMasterItem,
  TMasterKind,
  TMasterListResponse,
} from '@jinji/contracts/hr/masters';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type TMasterListParams = {
  page: number;
  pageSize: number;
  q: string;
  companyId: string | null;
  includeInvalid: boolean;
};

const base = (kind: TMasterKind) => `/api/v1/masters/${kind}`;

export const masterCountsQueryOptions = queryOptions({
  queryKey: ['masters', 'counts'],
  queryFn: () => apiClient.get<TMasterCountsResponse>('/api/v1/masters'),
});

export const masterListQueryOptions = (kind: TMasterKind, params: TMasterListParams) =>
  queryOptions({
    queryKey: ['masters', kind, 'list', params],
    queryFn: () => {
      const search = new URLSearchParams({
        page: `${params.page}`,
        pageSize: `${params.pageSize}`,
        includeInvalid: `${params.includeInvalid}`,
      });
      if (params.q.trim()) search.set('q', params.q.trim());
      if (params.companyId) search.set('companyId', params.companyId);
      return apiClient.get<TMasterListResponse>(`${base(kind)}?${search}`);
    },
    placeholderData: keepPreviousData,
  });

/** Every row of a kind (valid and invalid): names for 会社/上位 columns, options for selects, the 部署 tree. */
export const allMastersQueryOptions = (kind: TMasterKind) =>
  queryOptions({
    queryKey: ['masters', kind, 'all'],
    queryFn: async () =>
      (await apiClient.get<TMasterListResponse>(`${base(kind)}?page=1&pageSize=500&includeInvalid=true`)).items,
  });

export const masterExportUrl = (kind: TMasterKind, encoding: TCsvEncoding) =>
  `${base(kind)}/export?encoding=${encoding}`;

export const createMaster = (kind: TMasterKind, body: TMasterInput) => apiClient.post<TMasterItem>(base(kind), body);
export const updateMaster = (kind: TMasterKind, id: string, body: TMasterInput) =>
  apiClient.put<TMasterItem>(`${base(kind)}/${id}`, body);
export const deleteMaster = (kind: TMasterKind, id: string) => apiClient.delete<void>(`${base(kind)}/${id}`);
export const reorderMasters = (kind: TMasterKind, ids: string[]) =>
  apiClient.post<void>(`${base(kind)}/reorder`, { ids });
export const importMastersCsv = (kind: TMasterKind, file: Blob) =>
  apiClient.upload<{ created: number; updated: number }>(`${base(kind)}/import`, file, 'text/csv');

/** After any write every list of every kind may change (counts, in-use flags, names in other kinds). */
function useInvalidateMasters() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['masters'] });
}

export function useSaveMaster(kind: TMasterKind) {
  const invalidate = useInvalidateMasters();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TMasterInput }) =>
      id ? updateMaster(kind, id, body) : createMaster(kind, body),
    onSuccess: invalidate,
  });
}

export function useDeleteMaster(kind: TMasterKind) {
  const invalidate = useInvalidateMasters();
  return useMutation({ mutationFn: (id: string) => deleteMaster(kind, id), onSuccess: invalidate });
}

export function useReorderMasters(kind: TMasterKind) {
  const invalidate = useInvalidateMasters();
  return useMutation({ mutationFn: (ids: string[]) => reorderMasters(kind, ids), onSuccess: invalidate });
}

export function useImportMastersCsv(kind: TMasterKind) {
  const invalidate = useInvalidateMasters();
  return useMutation({ mutationFn: (file: Blob) => importMastersCsv(kind, file), onSuccess: invalidate });
}
