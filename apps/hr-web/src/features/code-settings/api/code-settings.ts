import type { TCodeSettings, TCodeSettingsResponse } from '@jinji/contracts/hr/code-settings';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const codeSettingsQueryOptions = queryOptions({
  queryKey: ['code-settings'],
  queryFn: () => apiClient.get<TCodeSettingsResponse>('/api/v1/code-settings'),
});

export const updateCodeSettings = (settings: TCodeSettings) =>
  apiClient.put<TCodeSettingsResponse>('/api/v1/code-settings', settings);

export function useUpdateCodeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCodeSettings,
    onSuccess: (data) => queryClient.setQueryData(codeSettingsQueryOptions.queryKey, data),
  });
}
