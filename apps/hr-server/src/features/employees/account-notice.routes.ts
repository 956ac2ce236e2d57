import { ZEmployeeMailRequest, ZEmployeeMailResponse } from '@jinji/contracts/hr/account-notice';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../plugins/auth';
import { type EmployeeMailDeps, sendAccountNotices, sendStartupReminders } from './account-notice.service';

const edit = { access: { kind: 'permission' as const, permission: 'employees.edit' as const } };

export const accountNoticeRoutes: FastifyPluginAsyncZod<EmployeeMailDeps> = async (app, deps) => {
  app.post(
    '/api/v1/employees/account-notices',
    {
      config: edit,
      schema: {
        tags: ['employees'],
        summary: 'アカウント通知（選択した従業員・検索結果すべてへメール送信）',
        body: ZEmployeeMailRequest,
        response: { 200: ZEmployeeMailResponse },
      },
    },
    async (request) => sendAccountNotices(deps, requireAuth(request), request.body),
  );

  app.post(
    '/api/v1/employees/startup-reminders',
    {
      config: edit,
      schema: {
        tags: ['employees'],
        summary: 'スタートアップ未完了の従業員へリマインドメール送信',
        body: ZEmployeeMailRequest,
        response: { 200: ZEmployeeMailResponse },
      },
    },
    async (request) => sendStartupReminders(deps, requireAuth(request), request.body),
  );
};
