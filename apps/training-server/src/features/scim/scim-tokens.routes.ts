// /api/v1/integration/scim-tokens: 連携設定 — the organisation's SCIM tokens, for 管理者 only. The token
// itself is in the answer of 発行 and 再発行 only (stored as its hash); every change is audited.
import { can } from '@jinji/contracts/training/access';
import {
  ZIssuedScimToken,
  ZIssueScimTokenRequest,
  ZScimTokenItem,
  ZScimTokenList,
  ZScimTokenListQuery,
  ZScimTokenParams,
} from '@jinji/contracts/training/scim';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../access';
import type { TrainingDb } from '../../db/database';
import { issueScimToken, listScimTokens, revokeScimToken, rotateScimToken } from './scim.service';

const tags = ['integration'];
const MANAGE = can('integration.manage');
const BASE = '/api/v1/integration/scim-tokens';

export const scimTokenRoutes: FastifyPluginAsyncZod<{ db: TrainingDb }> = async (app, { db }) => {
  app.get(
    BASE,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'SCIMトークンの一覧',
        querystring: ZScimTokenListQuery,
        response: { 200: ZScimTokenList },
      },
    },
    async (req) => listScimTokens(db, requireActor(req), req.query),
  );
  app.post(
    BASE,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'SCIMトークンの発行（トークンはこの応答でのみ表示）',
        body: ZIssueScimTokenRequest,
        response: { 201: ZIssuedScimToken },
      },
    },
    async (req, reply) => reply.code(201).send(await issueScimToken(db, requireActor(req), req.body)),
  );
  app.post(
    `${BASE}/:tokenId/rotate`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'SCIMトークンの再発行（旧トークンは失効、新トークンはこの応答でのみ表示）',
        params: ZScimTokenParams,
        response: { 201: ZIssuedScimToken },
      },
    },
    async (req, reply) => reply.code(201).send(await rotateScimToken(db, requireActor(req), req.params.tokenId)),
  );
  app.post(
    `${BASE}/:tokenId/revoke`,
    {
      config: MANAGE,
      schema: { tags, summary: 'SCIMトークンの失効', params: ZScimTokenParams, response: { 200: ZScimTokenItem } },
    },
    async (req) => revokeScimToken(db, requireActor(req), req.params.tokenId),
  );
};
