// マイページ and 従業員スタートアップ: the self-service API (/api/v1/me/…), which takes no employee id.
import type {
  TMyContactsRequest,
  TMyProfile,
  TStartupSaveRequest,
  TStartupState,
} from '@jinji/contracts/hr/self-service';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const myProfileQueryOptions = queryOptions({
  queryKey: ['me', 'profile'],
  queryFn: () => apiClient.get<TMyProfile>('/api/v1/me/profile'),
});

export const startupQueryOptions = queryOptions({
  queryKey: ['me', 'startup'],
  queryFn: () => apiClient.get<TStartupState>('/api/v1/me/startup'),
});

type TContactsSection = TMyProfile['contacts'];
type TCareerSection = TMyProfile['career'];
type TMyWrite =
  | { section: 'phones'; body: TMyContactsRequest }
  | { section: 'contacts'; body: TContactsSection }
  | { section: 'career'; body: TCareerSection };
const PATHS = { phones: 'contacts', contacts: 'emergency-contacts', career: 'career' } as const;

/** One write of マイページ; the answer (the whole profile) replaces the cache. One per card. */
export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: TMyWrite) => apiClient.put<TMyProfile>(`/api/v1/me/${PATHS[write.section]}`, write.body),
    onSuccess: (profile) => queryClient.setQueryData(myProfileQueryOptions.queryKey, profile),
  });
}

/** A スタートアップ step saved as a draft; the answer (the whole state) replaces the cache. */
export function useSaveStartupStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStartupSaveRequest) => apiClient.put<TStartupState>('/api/v1/me/startup', body),
    onSuccess: (state) => queryClient.setQueryData(startupQueryOptions.queryKey, state),
  });
}

export function useCompleteStartup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<{ completedAt: string }>('/api/v1/me/startup/complete', {}),
    // マイページ's guard reads the cached profile (ensureQueryData): load the new one before going there,
    // or the old 「スタートアップ未完了」 would send the employee back to the wizard
    onSuccess: async () => {
      await queryClient.fetchQuery({ ...myProfileQueryOptions, staleTime: 0 });
      await queryClient.invalidateQueries({ queryKey: startupQueryOptions.queryKey });
    },
  });
}
