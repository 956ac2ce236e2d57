// The one-time password links (decision 012): what a link is for, setting the password with it, and
// パスワードを忘れた方. Tokens go in request bodies only.
import type {
  TPasswordLinkResponse,
  TSetPasswordByLinkRequest,
  TSetPasswordByLinkResponse,
} from '@jinji/contracts/common/password-links';
import type { TPasswordResetRequest } from '@jinji/contracts/hr/account-notice';
import { apiClient } from '@jinji/web-kit/api-client';
import { queryOptions, useMutation } from '@tanstack/react-query';

export const passwordLinkQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['password-link', token],
    queryFn: () => apiClient.post<TPasswordLinkResponse>('/api/v1/auth/password-link', { token }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useSetPasswordByLink = () =>
  useMutation({
    mutationFn: (body: TSetPasswordByLinkRequest) =>
      apiClient.post<TSetPasswordByLinkResponse>('/api/v1/auth/password-link/set', body),
  });

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: TPasswordResetRequest) =>
      apiClient.post<{ message: string }>('/api/v1/auth/password-reset', body),
  });
