// /scim/v2 (RFC 7644): discovery, Users and Bulk, by an organisation's bearer token (access 'service':
// no cookie, no CSRF). Bodies are application/scim+json (application/json too), answers are
// application/scim+json, and every error is SCIM's error JSON — this scope has its own error and
// not-found handlers. Rate limited per token (keyed by the token's hash, never the token).

import {
  SCIM_BULK_MAX_OPERATIONS,
  SCIM_BULK_MAX_PAYLOAD,
  ZScimBulkRequest,
  ZScimBulkResponse,
  ZScimError,
  ZScimIdParams,
  ZScimPatchRequest,
  ZScimResourceType,
  ZScimSchema,
  ZScimServiceProviderConfig,
  ZScimUser,
  ZScimUserInput,
  ZScimUserList,
  ZScimUserListQuery,
  zScimListOf,
} from '@jinji/contracts/training/scim';
import { AppError } from '@jinji/server-kit/app-error';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { trainingAuth } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb } from '../../db/database';
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
  runScimBulk,
} from './scim.service';
import { listOf, scimResourceTypes, scimSchemas, serviceProviderConfig } from './scim-discovery';
import { ScimError } from './scim-error';
import { scimTokenRoutes } from './scim-tokens.routes';
import { serviceRoute } from './service-route';

export const SCIM_PREFIX = '/scim/v2';
const SCIM_TYPE = 'application/scim+json; charset=utf-8';
const tags = ['scim'];
const security = [{ scimBearer: [] }];
/** the OpenAPI scheme the SCIM routes name (the app's document declares it) */
export const scimSecuritySchemes = {
  scimBearer: { type: 'http', scheme: 'bearer', description: '連携設定で発行した SCIM トークン' },
} as const;

const errors = { 400: ZScimError, 401: ZScimError, 403: ZScimError, 404: ZScimError, 429: ZScimError };

const baseUrlOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${SCIM_PREFIX}`;

const ERROR_DETAIL: Partial<Record<string, { status: number; detail: string }>> = {
  UNAUTHENTICATED: {
    status: 401,
    detail: 'トークンが無効か失効しています / the bearer token is missing, invalid or revoked',
  },
  FORBIDDEN: { status: 403, detail: 'この操作はできません / not allowed' },
  TOO_MANY_REQUESTS: {
    status: 429,
    detail: 'リクエストが多すぎます。しばらくしてから再度お試しください / too many requests for this token',
  },
};

/** Every failure under /scim/v2 as SCIM error JSON; a 5xx says nothing of its cause (the log has it). */
export function scimErrorOf(error: FastifyError): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof AppError) {
    const known = ERROR_DETAIL[error.code];
    return new ScimError(known?.status ?? error.status, undefined, known?.detail ?? `${error.message} / ${error.code}`);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const detail = error.validation
      .map((v) => {
        const path = String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replaceAll('/', '.');
        return path ? `${path}: ${v.message}` : (v.message ?? '');
      })
      .join('; ');
    return new ScimError(400, 'invalidValue', detail || '入力内容に誤りがあります / invalid request');
  }
  if (error.statusCode === 413) {
    return new ScimError(
      413,
      'tooMany',
      `リクエストが大きすぎます（maxPayloadSize ${SCIM_BULK_MAX_PAYLOAD} バイト）/ the request exceeds maxPayloadSize`,
    );
  }
  if (error.statusCode === 415) {
    return new ScimError(
      415,
      undefined,
      'Content-Type は application/scim+json または application/json です / unsupported content type',
    );
  }
  if (error.statusCode === 429) return new ScimError(429, undefined, ERROR_DETAIL.TOO_MANY_REQUESTS!.detail);
  if (error.statusCode && error.statusCode < 500) {
    return new ScimError(400, 'invalidSyntax', 'JSON として読めません / the body is not valid JSON');
  }
  return new ScimError(500, undefined, 'システムエラーが発生しました / internal error');
}

function handleScimError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const scim = scimErrorOf(error);
  if (scim.status >= 500) request.log.error({ err: error, req: request }, 'unhandled error');
  if (scim.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return reply.code(scim.status).type(SCIM_TYPE).send(scim.toBody());
}

export const scimRoutes: FastifyPluginAsyncZod<{ db: TrainingDb; config: TrainingConfig }> = async (
  app,
  { db, config },
) => {
  // SCIM bodies are JSON: the text/plain parser Fastify has by default would hand a string to validation
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler(handleScimError);
  app.setNotFoundHandler((request, reply) =>
    handleScimError(
      new ScimError(404, undefined, 'エンドポイントがありません / no such endpoint') as never,
      request,
      reply,
    ),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type(SCIM_TYPE);
    return payload;
  });

  const cfg = serviceRoute(config);
  const { serviceOf } = trainingAuth;

  // ---- discovery ----
  app.get(
    '/ServiceProviderConfig',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: 'SCIM ServiceProviderConfig',
        response: { 200: ZScimServiceProviderConfig, ...errors },
      },
    },
    async (req) => serviceProviderConfig(baseUrlOf(req)),
  );
  app.get(
    '/Schemas',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: 'SCIM Schemas（User と jinji 拡張）',
        response: { 200: zScimListOf(ZScimSchema), ...errors },
      },
    },
    async (req) => listOf(scimSchemas(baseUrlOf(req))),
  );
  app.get(
    '/Schemas/:id',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: 'SCIM Schema',
        params: ZScimIdParams,
        response: { 200: ZScimSchema, ...errors },
      },
    },
    async (req) => {
      const found = scimSchemas(baseUrlOf(req)).find((s) => s.id === req.params.id);
      if (!found) throw new ScimError(404, undefined, 'スキーマがありません / no such schema');
      return found;
    },
  );
  app.get(
    '/ResourceTypes',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: 'SCIM ResourceTypes',
        response: { 200: zScimListOf(ZScimResourceType), ...errors },
      },
    },
    async (req) => listOf(scimResourceTypes(baseUrlOf(req))),
  );
  app.get(
    '/ResourceTypes/:id',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: 'SCIM ResourceType',
        params: ZScimIdParams,
        response: { 200: ZScimResourceType, ...errors },
      },
    },
    async (req) => {
      const found = scimResourceTypes(baseUrlOf(req)).find((s) => s.id === req.params.id);
      if (!found) throw new ScimError(404, undefined, 'リソースタイプがありません / no such resource type');
      return found;
    },
  );

  // ---- Users ----
  app.get(
    '/Users',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: '利用者の一覧・検索（filter: userName eq / externalId eq、startIndex / count）',
        querystring: ZScimUserListQuery,
        response: { 200: ZScimUserList, ...errors },
      },
    },
    async (req) => listScimUsers(db, serviceOf(req), req.query, baseUrlOf(req)),
  );
  app.get(
    '/Users/:id',
    {
      config: cfg,
      schema: { tags, security, summary: '利用者', params: ZScimIdParams, response: { 200: ZScimUser, ...errors } },
    },
    async (req) => getScimUser(db, serviceOf(req), req.params.id, baseUrlOf(req)),
  );
  app.post(
    '/Users',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: '利用者の作成（連携済みになります）',
        body: ZScimUserInput,
        response: { 201: ZScimUser, 409: ZScimError, ...errors },
      },
    },
    async (req, reply) => {
      const user = await createScimUser(db, serviceOf(req), req.body, baseUrlOf(req));
      return reply.code(201).header('location', user.meta.location).send(user);
    },
  );
  app.put(
    '/Users/:id',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: '利用者の置き換え',
        params: ZScimIdParams,
        body: ZScimUserInput,
        response: { 200: ZScimUser, 409: ZScimError, ...errors },
      },
    },
    async (req) => replaceScimUser(db, serviceOf(req), req.params.id, req.body, baseUrlOf(req)),
  );
  app.patch(
    '/Users/:id',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: '利用者の部分更新（RFC 7644 PATCH: add / replace / remove）',
        params: ZScimIdParams,
        body: ZScimPatchRequest,
        response: { 200: ZScimUser, 409: ZScimError, ...errors },
      },
    },
    async (req) => patchScimUser(db, serviceOf(req), req.params.id, req.body, baseUrlOf(req)),
  );
  app.delete(
    '/Users/:id',
    {
      config: cfg,
      schema: {
        tags,
        security,
        summary: '利用者の削除（申込などの記録があれば 409: active false で利用停止）',
        params: ZScimIdParams,
        response: { 204: z.null().meta({ description: '削除しました' }), 409: ZScimError, ...errors },
      },
    },
    async (req, reply) => {
      await deleteScimUser(db, serviceOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Bulk ----
  app.post(
    '/Bulk',
    {
      config: cfg,
      bodyLimit: SCIM_BULK_MAX_PAYLOAD,
      schema: {
        tags,
        security,
        summary: `一括操作（${SCIM_BULK_MAX_OPERATIONS}件まで、bulkId、failOnErrors）`,
        body: ZScimBulkRequest,
        response: { 200: ZScimBulkResponse, 413: ZScimError, ...errors },
      },
    },
    async (req) => runScimBulk(db, serviceOf(req), req.body, baseUrlOf(req)),
  );
};

/** The feature's routes as the app lists them: 連携設定's SCIM tokens, then SCIM itself under its prefix. */
export const scimFeatureRoutes: FastifyPluginAsyncZod<{ db: TrainingDb; config: TrainingConfig }> = async (
  app,
  ctx,
) => {
  await app.register(scimTokenRoutes, ctx);
  await app.register(scimRoutes, { ...ctx, prefix: SCIM_PREFIX });
};
