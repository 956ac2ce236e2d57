// パスワードを忘れた方 (decision 012); the link's own page and calls are the kit's (web-kit/ui/password-set-page).
import type { TPasswordResetRequest } from '@jinji/contracts/hr/account-notice';
import { apiClient } from '@jinji/web-kit/api-client';
import { useMutation } from '@tanstack/react-query';

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: TPasswordResetRequest) =>
      apiClient.post<{ message: string }>('/api/v1/auth/password-reset', body),
  });
