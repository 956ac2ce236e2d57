import type { TCreateTenantRequest, TCreateTenantResponse } from '@jinji/contracts/hr/setup';
import { apiClient } from '@jinji/web-kit/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setupStatusQueryOptions } from '../../../lib/session';

export const createTenant = (body: TCreateTenantRequest) =>
  apiClient.post<TCreateTenantResponse>('/api/v1/setup', body);

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTenant,
    onSuccess: () => queryClient.setQueryData(setupStatusQueryOptions.queryKey, { needsSetup: false }),
  });
}
