import { ZCsrfResponse } from '@jinji/contracts/common/auth';
import { ZChangePasswordRequest } from '@jinji/contracts/common/password-policy';
import { ZPasswordResetRequest, ZPasswordResetResponse } from '@jinji/contracts/hr/account-notice';
import { ZLoginRequest, ZMeResponse, ZSessionResponse } from '@jinji/contracts/hr/auth';
import type { MailWorker } from '@jinji/mail/worker';
import { passwordLinkRoutes } from '@jinji/server-kit/password-link-routes';
import { ownRateLimit, settleOwnRateLimit } from '@jinji/server-kit/rate-limit-store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { authOf, currentCsrf, requireAuth, rotateCsrf, setSessionCookie } from '../../plugins/auth';
import { changePassword, getMe, login, logout } from './auth.service';
import { inspectPasswordLink, requestPasswordReset, setPasswordByLink } from './password-links.service';

export const authRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config; mail: MailWorker }> = async (
  app,
  { db, config, mail },
) => {
  // One-time password links (decision 012): the kit's two public routes over HR's service.
  await app.register(passwordLinkRoutes, {
    ratePerMinute: config.login.ratePerMinute,
    codeLabel: '企業コード',
    inspect: (token) => inspectPasswordLink(db, token),
    setPassword: (token, newPassword) => setPasswordByLink(db, token, newPassword),
  });
  const linkLimit = { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: { kind: 'public' }, ...linkLimit },
      schema: {
        tags: ['auth'],
        summary: 'パスワードを忘れた方（再設定用のメール）',
        body: ZPasswordResetRequest,
        response: { 202: ZPasswordResetResponse },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestPasswordReset(db, config, mail, request.body, { ip: request.ip })),
  );

  app.get(
    '/api/v1/auth/csrf',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['auth'], summary: 'CSRFトークンの取得', response: { 200: ZCsrfResponse } },
    },
    async (request, reply) => ({ csrfToken: currentCsrf(request, reply) }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      // Rate-limited per source like the routes above, but the hit is counted by the attempt read
      // (migration 0026: one round trip less per login), not by the plugin's hook.
      config: { access: { kind: 'public' } },
      schema: { tags: ['auth'], summary: 'ログイン', body: ZLoginRequest, response: { 200: ZMeResponse } },
    },
    async (request, reply) => {
      const previous = authOf(request);
      if (previous) await logout(db, previous); // a login always starts a new session
      const limit = ownRateLimit(request, config.login.ratePerMinute);
      const { token, me } = await login(
        db,
        config,
        request.body,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        { ...limit, settle: (hit) => settleOwnRateLimit(reply, limit, hit) },
      );
      setSessionCookie(request, reply, token);
      rotateCsrf(request, reply);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { kind: 'session', whilePasswordExpired: true } },
      schema: { tags: ['auth'], summary: 'ログアウト' },
    },
    async (request, reply) => {
      await logout(db, requireAuth(request));
      setSessionCookie(request, reply, null);
      rotateCsrf(request, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { kind: 'session', whilePasswordExpired: true } },
      schema: { tags: ['auth'], summary: 'ログイン中のユーザー', response: { 200: ZMeResponse } },
    },
    async (request) => getMe(requireAuth(request)),
  );

  // The web's start-up question on every page, public ones included: /auth/me would answer a
  // signed-out visitor with 401, which the browser logs as a failed request.
  app.get(
    '/api/v1/auth/session',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['auth'], summary: 'ログイン状態', response: { 200: ZSessionResponse } },
    },
    async (request) => {
      const user = authOf(request);
      return { me: user ? getMe(user) : null };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: { kind: 'session', whilePasswordExpired: true } },
      schema: { tags: ['auth'], summary: 'パスワード変更', body: ZChangePasswordRequest },
    },
    async (request, reply) => {
      await changePassword(db, requireAuth(request), request.body);
      return reply.code(204).send();
    },
  );
};
