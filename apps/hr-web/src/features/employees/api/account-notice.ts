// アカウント通知 and スタートアップのリマインド from 従業員一覧: the selection is the picked ids, or the
// list's filter (「検索結果すべてを選択」), which the server resolves again over every page.
import type { TEmployeeMailResponse, TEmployeeSelection } from '@jinji/contracts/hr/account-notice';
import { apiClient } from '@jinji/web-kit/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEmployeeFilters } from './employee-search';

export type TEmployeeMailKind = 'notice' | 'reminder';

const PATHS: Record<TEmployeeMailKind, string> = {
  notice: '/api/v1/employees/account-notices',
  reminder: '/api/v1/employees/startup-reminders',
};

export const selectionOf = (picked: string[] | 'all', filters: TEmployeeFilters): TEmployeeSelection =>
  picked === 'all' ? { kind: 'filter', filter: filters } : { kind: 'ids', ids: picked };

export function useSendEmployeeMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, selection }: { kind: TEmployeeMailKind; selection: TEmployeeSelection }) =>
      apiClient.post<TEmployeeMailResponse>(PATHS[kind], { selection }),
    // アカウント通知日 changed in the list and the details
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employees'] }),
  });
}
