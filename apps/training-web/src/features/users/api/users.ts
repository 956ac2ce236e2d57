// 利用者情報's server calls: the list and detail queries, the edits, 【ログイン情報送付】 and the CSV files.
import type {
  TApproverOptionsResponse,
  TBulkLoginInfoResponse,
  TCreateUserRequest,
  TSendLoginInfoResponse,
  TUpdateUserRequest,
  TUserDetail,
  TUserListResponse,
} from '@jinji/contracts/training/users';
import { ApiError, apiClient, downloadFile } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type TUserFilter = { q: string; systemRole: string; status: 'active' | 'disabled' | 'all' };

const searchOf = (f: TUserFilter) => {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.systemRole) p.set('systemRole', f.systemRole);
  p.set('status', f.status);
  return p;
};

export const userListQueryOptions = (f: TUserFilter, page: number, pageSize = 50) =>
  queryOptions({
    queryKey: ['users', 'list', f, page, pageSize],
    queryFn: () => {
      const p = searchOf(f);
      p.set('page', String(page));
      p.set('pageSize', String(pageSize));
      return apiClient.get<TUserListResponse>(`/api/v1/users?${p}`);
    },
    placeholderData: keepPreviousData,
  });

export const userDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['users', 'detail', id],
    queryFn: () => apiClient.get<TUserDetail>(`/api/v1/users/${id}`),
  });

export const approverOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['users', 'approver-options'],
    queryFn: () => apiClient.get<TApproverOptionsResponse>('/api/v1/users/approver-options'),
    staleTime: 60_000,
  });

function useUserWrite<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () =>
  useUserWrite((body: TCreateUserRequest) => apiClient.post<TUserDetail>('/api/v1/users', body));
export const useUpdateUser = (id: string) =>
  useUserWrite((body: TUpdateUserRequest) => apiClient.patch<TUserDetail>(`/api/v1/users/${id}`, body));
export const useSetUserEnabled = (id: string) =>
  useUserWrite((isEnabled: boolean) =>
    apiClient.post<TUserDetail>(`/api/v1/users/${id}/${isEnabled ? 'enable' : 'disable'}`),
  );
export const useSendLoginInfo = () =>
  useMutation({
    mutationFn: (id: string) => apiClient.post<TSendLoginInfoResponse>(`/api/v1/users/${id}/login-info`),
  });

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const useBulkLoginInfo = () =>
  useMutation({
    mutationFn: async (file: File) =>
      apiClient.post<TBulkLoginInfoResponse>('/api/v1/users/login-info/bulk', {
        fileName: file.name,
        contentBase64: await toBase64(file),
      }),
  });

/**
 * 「利用者情報CSV出力」: UTF-8 is a plain download; Shift_JIS is fetched first, because the server refuses
 * a file that would lose characters (422 with the cells), which a plain download would save as the file.
 */
export async function exportUsers(f: TUserFilter, encoding: 'utf8' | 'cp932'): Promise<void> {
  const p = searchOf(f);
  p.set('encoding', encoding);
  const href = `/api/v1/users/export?${p}`;
  if (encoding === 'utf8') return downloadFile(href);
  const res = await fetch(href, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code: 'CP932_UNENCODABLE'; message: string; fields?: { path: string; message: string }[] };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'INTERNAL',
      body?.error?.message ?? `${res.status}`,
      body?.error?.fields,
    );
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = '利用者情報_Shift_JIS.csv';
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
