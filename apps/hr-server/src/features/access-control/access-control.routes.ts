import {
  ZAccountParams,
  ZAccountSearchQuery,
  ZAccountSearchResponse,
  ZMatrixResponse,
  ZRoleMembersQuery,
  ZRoleMembersResponse,
  ZUpdateRoleMembersRequest,
} from '@jinji/contracts/hr/access';
import { ZAdminRole } from '@jinji/contracts/hr/roles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { unlockAccount } from '../auth/auth.service';
import { findAccounts, getMatrix, listRoleMembers, updateRoleMembers } from './access-control.service';

const config = { access: { kind: 'permission' as const, permission: 'system.access_control' as const } };
const tags = ['access-control'];
const ZRoleParams = z.object({ role: ZAdminRole });

export const accessControlRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/access/matrix',
    { config, schema: { tags, summary: 'アクセス権限設定のマトリクス', response: { 200: ZMatrixResponse } } },
    async (request) => getMatrix(db, requireAuth(request)),
  );
  app.get(
    '/api/v1/access/roles/:role/members',
    {
      config,
      schema: {
        tags,
        summary: '権限の対象者一覧',
        params: ZRoleParams,
        querystring: ZRoleMembersQuery,
        response: { 200: ZRoleMembersResponse },
      },
    },
    async (request) =>
      listRoleMembers(db, requireAuth(request), request.params.role, request.query.page, request.query.pageSize),
  );
  app.put(
    '/api/v1/access/roles/:role/members',
    {
      config,
      schema: {
        tags,
        summary: '対象者の追加・削除（【更新】）',
        params: ZRoleParams,
        body: ZUpdateRoleMembersRequest,
        response: { 200: ZRoleMembersResponse },
      },
    },
    async (request) => updateRoleMembers(db, requireAuth(request), request.params.role, request.body),
  );
  app.get(
    '/api/v1/access/accounts',
    {
      config,
      schema: {
        tags,
        summary: '対象者の検索',
        querystring: ZAccountSearchQuery,
        response: { 200: ZAccountSearchResponse },
      },
    },
    async (request) => findAccounts(db, requireAuth(request), request.query),
  );
  app.post(
    '/api/v1/access/accounts/:userId/unlock',
    { config, schema: { tags, summary: 'ログインロックの解除（【ロック解除】）', params: ZAccountParams } },
    async (request, reply) => {
      await unlockAccount(db, requireAuth(request), request.params.userId);
      return reply.code(204).send();
    },
  );
};
