import type { ZAuditLogResponse } from '@jinji/contracts/audit';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';

export type TAuditLogResponse = z.infer<typeof ZAuditLogResponse>;
export type TAuditLog = TAuditLogResponse['items'][number];
export const AUDIT_ACTIONS = ['create', 'update', 'view_sensitive', 'export'] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export type TAuditLogFilters = { action: TAuditAction | null; from: string; to: string; targetId: string };

export const auditLogsQueryOptions = (filters: TAuditLogFilters, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['audit-logs', filters, page, pageSize],
    queryFn: () => {
      const params = new URLSearchParams({ page: `${page}`, pageSize: `${pageSize}` });
      if (filters.action) params.set('action', filters.action);
      if (filters.from) params.set('from', filters.from);
      if (filters.to) params.set('to', filters.to);
      if (filters.targetId.trim()) params.set('targetId', filters.targetId.trim());
      return apiClient.get<TAuditLogResponse>(`/api/v1/audit-logs?${params}`);
    },
    placeholderData: keepPreviousData,
  });
