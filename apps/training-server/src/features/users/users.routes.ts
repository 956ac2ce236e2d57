// /api/v1/users…: 利用者情報 (users.view / users.manage), the CSV export, 【ログイン情報送付】 one by one
// and in bulk; and the public routes of a one-time link (/api/v1/auth/password-link…, token in the body).
import { can } from '@jinji/contracts/training/access';
import {
  ZApproverOptionsQuery,
  ZApproverOptionsResponse,
  ZBulkLoginInfoRequest,
  ZBulkLoginInfoResponse,
  ZCreateUserRequest,
  ZSendLoginInfoResponse,
  ZUpdateUserRequest,
  ZUserDetail,
  ZUserExportQuery,
  ZUserIdParams,
  ZUserListQuery,
  ZUserListResponse,
} from '@jinji/contracts/training/users';
import type { MailWorker } from '@jinji/mail/worker';
import { downloadHeaders } from '@jinji/server-kit/download';
import { passwordLinkRoutes } from '@jinji/server-kit/password-link-routes';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb } from '../../db/database';
import {
  inspectTrainingPasswordLink,
  sendLoginInfo,
  sendLoginInfoFromFile,
  setTrainingPasswordByLink,
} from './login-info.service';
import {
  createUser,
  exportUsers,
  getUserDetail,
  listApproverOptions,
  listUsers,
  setUserEnabled,
  updateUser,
} from './users.service';

const tags = ['users'];

export const trainingUserRoutes: FastifyPluginAsyncZod<{
  db: TrainingDb;
  config: TrainingConfig;
  mail: MailWorker;
}> = async (app, { db, config, mail }) => {
  const deps = { db, config, mail };

  app.get(
    '/api/v1/users',
    {
      config: can('users.view'),
      schema: {
        tags,
        summary: '利用者情報の一覧・検索',
        querystring: ZUserListQuery,
        response: { 200: ZUserListResponse },
      },
    },
    async (req) => listUsers(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/users/approver-options',
    {
      config: can('users.view'),
      schema: {
        tags,
        summary: '承認者に指定できる利用者（承認者・管理者）',
        querystring: ZApproverOptionsQuery,
        response: { 200: ZApproverOptionsResponse },
      },
    },
    async (req) => listApproverOptions(db, requireActor(req), req.query.q),
  );

  app.get(
    '/api/v1/users/export',
    {
      config: can('users.view'),
      schema: {
        tags,
        summary: '利用者情報CSV出力（docs/training-user-csv.md の列）',
        querystring: ZUserExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportUsers(db, requireActor(req), req.query);
      return reply.headers(downloadHeaders('利用者情報', req.query.encoding, 'users')).send(file);
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: can('users.manage'),
      schema: { tags, summary: '利用者の登録', body: ZCreateUserRequest, response: { 201: ZUserDetail } },
    },
    async (req, reply) => reply.code(201).send(await createUser(db, requireActor(req), req.body)),
  );

  app.post(
    '/api/v1/users/login-info/bulk',
    {
      config: can('users.manage'),
      schema: {
        tags,
        summary: '【ログイン情報送付】一括（送付欄に印を付けた利用者情報CSV）',
        body: ZBulkLoginInfoRequest,
        response: { 200: ZBulkLoginInfoResponse },
      },
      bodyLimit: 8 * 1024 * 1024,
    },
    async (req) => sendLoginInfoFromFile(deps, requireActor(req), Buffer.from(req.body.contentBase64, 'base64')),
  );

  app.get(
    '/api/v1/users/:userId',
    {
      config: can('users.view'),
      schema: { tags, summary: '利用者情報の詳細', params: ZUserIdParams, response: { 200: ZUserDetail } },
    },
    async (req) => getUserDetail(db, requireActor(req), req.params.userId),
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      config: can('users.manage'),
      schema: {
        tags,
        summary: '利用者情報の変更（人事連携中の利用者のログインID・氏名・氏名カナ・メールアドレスは変更不可）',
        params: ZUserIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUserDetail },
      },
    },
    async (req) => updateUser(db, requireActor(req), req.params.userId, req.body),
  );

  for (const [verb, isEnabled, summary] of [
    ['disable', false, '利用停止'],
    ['enable', true, '利用再開'],
  ] as const) {
    app.post(
      `/api/v1/users/:userId/${verb}`,
      {
        config: can('users.manage'),
        schema: { tags, summary, params: ZUserIdParams, response: { 200: ZUserDetail } },
      },
      async (req) => setUserEnabled(db, requireActor(req), req.params.userId, isEnabled),
    );
  }

  app.post(
    '/api/v1/users/:userId/login-info',
    {
      config: can('users.manage'),
      schema: {
        tags,
        summary: '【ログイン情報送付】（パスワード設定リンク付きのメール）',
        params: ZUserIdParams,
        response: { 200: ZSendLoginInfoResponse },
      },
    },
    async (req) => sendLoginInfo(deps, requireActor(req), req.params.userId),
  );

  // 【ログイン情報送付】's link (decision 012): the kit's two public routes over training's service.
  await app.register(passwordLinkRoutes, {
    ratePerMinute: config.login.ratePerMinute,
    codeLabel: '組織コード',
    inspect: (token) => inspectTrainingPasswordLink(db, token),
    setPassword: (token, newPassword) => setTrainingPasswordByLink(db, token, newPassword),
  });
};
