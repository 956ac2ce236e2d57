import type { TEmployeeListResponse } from '@jinji/contracts/employees';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const employeesQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['employees', { page, pageSize }],
    queryFn: () =>
      apiClient.get<TEmployeeListResponse>(
        `/api/v1/employees?${new URLSearchParams({ page: `${page}`, pageSize: `${pageSize}` })}`,
      ),
    placeholderData: keepPreviousData,
  });
