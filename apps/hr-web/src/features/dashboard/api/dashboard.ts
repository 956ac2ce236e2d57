import type { TEmployeeListResponse } from '@jinji/contracts/hr/employees';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions } from '@tanstack/react-query';

/** Only the total is needed: ask for the smallest page. */
export const employeeCountQueryOptions = queryOptions({
  queryKey: ['employees', 'count'],
  queryFn: async () => (await apiClient.get<TEmployeeListResponse>('/api/v1/employees?page=1&pageSize=1')).total,
});
