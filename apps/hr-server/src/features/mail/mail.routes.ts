import { ZMailCreated, ZMailDetail, ZMailListQuery, ZMailListResponse, ZMailParams } from '@jinji/contracts/hr/mail';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../plugins/auth';
import { getTenantMail, listTenantMails, type MailDeps, retryTenantMail, sendTestMail } from './mail.service';

const config = { access: { kind: 'permission', permission: 'system.mail_log' } } as const;

export const mailRoutes: FastifyPluginAsyncZod<MailDeps> = async (app, deps) => {
  app.get(
    '/api/v1/mails',
    {
      config,
      schema: {
        tags: ['system'],
        summary: '送信メール一覧（新しい順）',
        querystring: ZMailListQuery,
        response: { 200: ZMailListResponse },
      },
    },
    async (request) => listTenantMails(deps, requireAuth(request), request.query),
  );

  app.get(
    '/api/v1/mails/:id',
    {
      config,
      schema: { tags: ['system'], summary: '送信メール（本文）', params: ZMailParams, response: { 200: ZMailDetail } },
    },
    async (request) => getTenantMail(deps, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/v1/mails/test',
    {
      config,
      schema: {
        tags: ['system'],
        summary: 'テストメールを自分のメールアドレスへ送信',
        response: { 201: ZMailCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await sendTestMail(deps, requireAuth(request))),
  );

  app.post(
    '/api/v1/mails/:id/retry',
    {
      config,
      schema: {
        tags: ['system'],
        summary: '送信失敗のメールを再送',
        params: ZMailParams,
        response: { 200: ZMailDetail },
      },
    },
    async (request) => retryTenantMail(deps, requireAuth(request), request.params.id),
  );
};
