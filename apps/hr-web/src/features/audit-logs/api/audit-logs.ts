import { AUDIT_ACTIONS, type TAuditAction, type TAuditLogResponse } from '@jinji/contracts/hr/audit';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

export { AUDIT_ACTIONS, type TAuditAction, type TAuditLogResponse };
export type TAuditLog = TAuditLogResponse['items'][number];

/** The search form: 従業員 (氏名・かな・社員番号), 実行者 (表示名・ログインID), 操作, 期間. */
export type TAuditLogFilters = {
  employee: string;
  actor: string;
  action: TAuditAction | null;
  from: string;
  to: string;
};
export const EMPTY_FILTERS: TAuditLogFilters = { employee: '', actor: '', action: null, from: '', to: '' };

const BASE = '/api/v1/audit-logs';

function toParams(filters: TAuditLogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.employee.trim()) params.set('employee', filters.employee.trim());
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

export const auditLogsQueryOptions = (filters: TAuditLogFilters, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['audit-logs', filters, page, pageSize],
    queryFn: () => {
      const params = toParams(filters);
      params.set('page', `${page}`);
      params.set('pageSize', `${pageSize}`);
      return apiClient.get<TAuditLogResponse>(`${BASE}?${params}`);
    },
    placeholderData: keepPreviousData,
  });

export const auditLogExportUrl = (filters: TAuditLogFilters, encoding: 'utf8' | 'cp932') => {
  const params = toParams(filters);
  params.set('encoding', encoding);
  return `${BASE}/export?${params}`;
};
