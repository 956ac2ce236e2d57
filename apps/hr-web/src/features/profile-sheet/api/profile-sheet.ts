import type { TProfileSettings, TProfileSettingsResponse, TProfileSheetQuery } from '@jinji/contracts/hr/profile-sheet';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const profileSettingsQueryOptions = queryOptions({
  queryKey: ['profile-sheet-settings'],
  queryFn: () => apiClient.get<TProfileSettingsResponse>('/api/v1/profile-sheet/settings'),
});

export function useUpdateProfileSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TProfileSettings) =>
      apiClient.put<TProfileSettingsResponse>('/api/v1/profile-sheet/settings', settings),
    onSuccess: (data) => queryClient.setQueryData(profileSettingsQueryOptions.queryKey, data),
  });
}

/** The PDF's address: the overrides as query parameters (a parameter left out keeps the saved setting). */
export function profileSheetHref(employeeId: string, query: TProfileSheetQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/employees/${encodeURIComponent(employeeId)}/profile-sheet.pdf${qs ? `?${qs}` : ''}`;
}
