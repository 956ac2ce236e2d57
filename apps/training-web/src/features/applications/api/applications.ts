// 申込: the お申込みフォーム, 申込一覧, 承認待ち, 研修・サービス購入履歴 and 受講者詳細 (contracts/training/applications).
import type {
  TApplication,
  TApplicationForm,
  TApplicationPage,
  TAttendanceRequest,
  TAttendeeList,
  TAttendeeSessionPage,
  TPurchaseHistory,
  TUserPickList,
} from '@jinji/contracts/training/applications';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type { TApplication, TApplicationPage, TAttendeeList };

const PAGE_SIZE = '20';
const paramsOf = (o: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams({ pageSize: PAGE_SIZE });
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p;
};

export const applicationFormQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: ['applications', 'form', sessionId],
    queryFn: () =>
      apiClient.get<TApplicationForm>(`/api/v1/applications/form?sessionId=${encodeURIComponent(sessionId)}`),
    retry: false,
  });

export type TApplicationFilter = { scope: 'mine' | 'all'; status?: string; q?: string; page: number };
export const applicationsQueryOptions = (f: TApplicationFilter) =>
  queryOptions({
    queryKey: ['applications', 'list', f],
    queryFn: () => apiClient.get<TApplicationPage>(`/api/v1/applications?${paramsOf(f)}`),
    placeholderData: keepPreviousData,
  });

export const approvalsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['applications', 'approvals', page],
    queryFn: () => apiClient.get<TApplicationPage>(`/api/v1/approvals?${paramsOf({ page })}`),
    placeholderData: keepPreviousData,
  });

export const purchaseHistoryQueryOptions = (userId: string | undefined, page: number) =>
  queryOptions({
    queryKey: ['applications', 'purchases', userId ?? 'me', page],
    queryFn: () => apiClient.get<TPurchaseHistory>(`/api/v1/purchase-history?${paramsOf({ userId, page })}`),
    placeholderData: keepPreviousData,
  });

export const userPickQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['applications', 'users', q],
    queryFn: () => apiClient.get<TUserPickList>(`/api/v1/application-users?q=${encodeURIComponent(q)}`),
    placeholderData: keepPreviousData,
  });

export const attendeeSessionsQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['applications', 'attendee-sessions', q, page],
    queryFn: () => apiClient.get<TAttendeeSessionPage>(`/api/v1/attendee-sessions?${paramsOf({ q, page })}`),
    placeholderData: keepPreviousData,
  });

export const attendeesQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: ['applications', 'attendees', sessionId],
    queryFn: () => apiClient.get<TAttendeeList>(`/api/v1/course-sessions/${sessionId}/attendees`),
  });

export const attendeesCsvHref = (sessionId: string, encoding: 'utf8' | 'cp932') =>
  `/api/v1/course-sessions/${sessionId}/attendees.csv?encoding=${encoding}`;

/** One step changes lists, queues, seats and histories: refresh every applications query. */
function useApplicationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['applications'] }),
  });
}

export const useApply = () =>
  useApplicationMutation((body: { sessionId: string; note: string }) =>
    apiClient.post<TApplication>('/api/v1/applications', body),
  );
export const useApprove = () =>
  useApplicationMutation((id: string) => apiClient.post<TApplication>(`/api/v1/applications/${id}/approve`));
export const useReject = () =>
  useApplicationMutation(({ id, reason }: { id: string; reason: string }) =>
    apiClient.post<TApplication>(`/api/v1/applications/${id}/reject`, { reason }),
  );
export const useCancel = () =>
  useApplicationMutation(({ id, reason }: { id: string; reason: string }) =>
    apiClient.post<TApplication>(`/api/v1/applications/${id}/cancel`, { reason }),
  );
/** 日程変更: the old application is cancelled and a new 申請中 one made for `sessionId`, in one step. */
export const useChangeSession = () =>
  useApplicationMutation(({ id, sessionId, reason }: { id: string; sessionId: string; reason: string }) =>
    apiClient.post<TApplication>(`/api/v1/applications/${id}/change`, { sessionId, reason }),
  );
export const useRecordAttendance = (sessionId: string) =>
  useApplicationMutation((body: TAttendanceRequest) =>
    apiClient.put<{ updated: number }>(`/api/v1/course-sessions/${sessionId}/attendance`, body),
  );
