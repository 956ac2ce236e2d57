// The two public routes of a one-time password link (decision 012), the same in every app: what the
// link is for, and setting the password with it. The token is the credential and travels in the body
// (never in an API path, so no request log holds it); rate-limited per source like the login.
import {
  type TPasswordLinkResponse,
  type TSetPasswordByLinkResponse,
  ZPasswordLinkRequest,
  ZPasswordLinkResponse,
  ZSetPasswordByLinkRequest,
  ZSetPasswordByLinkResponse,
} from '@jinji/contracts/common/password-links';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const passwordLinkRoutes: FastifyPluginAsyncZod<{
  ratePerMinute: number;
  /** the tenant code's name in the app, for the summaries (企業コード, 組織コード) */
  codeLabel: string;
  inspect(token: string): Promise<TPasswordLinkResponse>;
  setPassword(token: string, newPassword: string): Promise<TSetPasswordByLinkResponse>;
}> = async (app, opts) => {
  const config = {
    access: { kind: 'public' as const },
    rateLimit: { max: opts.ratePerMinute, timeWindow: '1 minute' },
  };
  app.post(
    '/api/v1/auth/password-link',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: `パスワード設定リンクの確認（${opts.codeLabel}・ログインID・ポリシー）`,
        body: ZPasswordLinkRequest,
        response: { 200: ZPasswordLinkResponse },
      },
    },
    async (request) => opts.inspect(request.body.token),
  );
  app.post(
    '/api/v1/auth/password-link/set',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'リンクからパスワードを設定',
        body: ZSetPasswordByLinkRequest,
        response: { 200: ZSetPasswordByLinkResponse },
      },
    },
    async (request) => opts.setPassword(request.body.token, request.body.newPassword),
  );
};
