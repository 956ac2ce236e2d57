import { ZCsvEncoding } from '@jinji/contracts/common/common';
// One set of routes per master kind, so each route carries its own permission from the matrix.

import {
  MASTER_KIND_INFO,
  MASTER_KINDS,
  ZCsvImportResult,
  ZMasterCountsResponse,
  ZMasterInput,
  ZMasterItem,
  ZMasterListQuery,
  ZMasterListResponse,
  ZReorderRequest,
} from '@jinji/contracts/hr/masters';
import { AppError } from '@jinji/server-kit/app-error';
import { downloadHeaders } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import {
  createMaster,
  deleteMasterItem,
  exportMastersCsv,
  getMasterCounts,
  importMastersCsv,
  listMasters,
  reorderMasterItems,
  updateMasterItem,
} from './masters.service';

const ZId = z.object({ id: z.uuid({ error: 'IDの形式が正しくありません' }) });
const ZExportQuery = z.object({ encoding: ZCsvEncoding.default('utf8') });

export const masterRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  // CSV uploads arrive as the raw file body.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 5_242_880 },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/masters',
    {
      config: { access: { kind: 'permission', permission: 'masters.view' } },
      schema: {
        tags: ['masters'],
        summary: 'マスタメンテナンス一覧（件数）',
        response: { 200: ZMasterCountsResponse },
      },
    },
    async (request) => ({ counts: await getMasterCounts(db, requireAuth(request)) }),
  );

  for (const kind of MASTER_KINDS) {
    const { label, permission } = MASTER_KIND_INFO[kind];
    const base = `/api/v1/masters/${kind}`;
    const config = { access: { kind: 'permission' as const, permission } };
    const tags = ['masters'];

    app.get(
      base,
      {
        config,
        schema: {
          tags,
          summary: `${label}一覧`,
          querystring: ZMasterListQuery,
          response: { 200: ZMasterListResponse },
        },
      },
      async (request) => listMasters(db, requireAuth(request), kind, request.query),
    );
    app.post(
      base,
      { config, schema: { tags, summary: `${label}の登録`, body: ZMasterInput, response: { 201: ZMasterItem } } },
      async (request, reply) => reply.code(201).send(await createMaster(db, requireAuth(request), kind, request.body)),
    );
    app.put(
      `${base}/:id`,
      {
        config,
        schema: { tags, summary: `${label}の更新`, params: ZId, body: ZMasterInput, response: { 200: ZMasterItem } },
      },
      async (request) => updateMasterItem(db, requireAuth(request), kind, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { config, schema: { tags, summary: `${label}の削除（使用中は不可）`, params: ZId } },
      async (request, reply) => {
        await deleteMasterItem(db, requireAuth(request), kind, request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      `${base}/reorder`,
      { config, schema: { tags, summary: `${label}の並べ替え`, body: ZReorderRequest } },
      async (request, reply) => {
        await reorderMasterItems(db, requireAuth(request), kind, request.body.ids);
        return reply.code(204).send();
      },
    );
    app.get(
      `${base}/export`,
      { config, schema: { tags, summary: `${label}のCSV出力`, querystring: ZExportQuery } },
      async (request, reply) => {
        const { encoding } = request.query;
        const file = await exportMastersCsv(db, requireAuth(request), kind, encoding);
        return reply.headers(downloadHeaders(label, encoding, kind)).send(file);
      },
    );
    app.post(
      `${base}/import`,
      {
        config,
        schema: {
          tags,
          summary: `${label}のCSV取込（全件正常な場合のみ登録）`,
          consumes: ['text/csv'],
          response: { 200: ZCsvImportResult },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new AppError('CSV_INVALID', 'CSVファイルを送信してください');
        }
        return importMastersCsv(db, requireAuth(request), kind, body);
      },
    );
  }
};
