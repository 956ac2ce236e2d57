import { IMPORT_COLUMNS_NEW, ZImportError, ZImportJob, ZImportKind } from '@jinji/contracts/imports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { requireAuth } from '../../plugins/auth';
import {
  exportImportErrors,
  getImport,
  type JobQueue,
  listImportErrors,
  listImports,
  MAX_FILE_BYTES,
  startImport,
  templateCsv,
} from './imports.service';

const config = { access: { kind: 'permission' as const, permission: 'employees.import' as const } };
const tags = ['imports'];
const ZId = z.object({ id: z.uuid({ error: 'IDの形式が正しくありません' }) });
const ZPage = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const ZEncoding = z.object({ encoding: z.enum(['utf8', 'cp932']).default('utf8') });
const csvHeaders = (encoding: 'utf8' | 'cp932', name: string) => ({
  'content-type': `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'shift_jis'}`,
  'content-disposition': `attachment; filename="import.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export const importRoutes: FastifyPluginAsyncZod<{ db: Database; jobs?: JobQueue }> = async (app, { db, jobs }) => {
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/imports/template',
    {
      config,
      schema: {
        tags,
        summary: '新規登録用ファイル（テンプレート）',
        querystring: ZEncoding.extend({ kind: ZImportKind.default('employees_new') }),
      },
    },
    async (request, reply) => {
      const { encoding } = request.query;
      return reply.headers(csvHeaders(encoding, '新規登録用ファイル.csv')).send(templateCsv(encoding));
    },
  );

  app.get(
    '/api/v1/imports/columns',
    {
      config,
      schema: {
        tags,
        summary: '入力規則',
        querystring: z.object({ kind: ZImportKind.default('employees_new') }),
        response: {
          200: z.object({
            columns: z.array(
              z.object({
                key: z.string(),
                header: z.string(),
                required: z.boolean(),
                format: z.string(),
                example: z.string(),
                master: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ columns: IMPORT_COLUMNS_NEW }),
  );

  app.post(
    '/api/v1/imports',
    {
      config,
      schema: {
        tags,
        summary: '一括登録（ファイル取込）。バックグラウンドで処理し、全行が正しい場合のみ登録する',
        consumes: ['text/csv'],
        querystring: z.object({ kind: ZImportKind.default('employees_new') }),
        response: { 202: ZImportJob },
      },
    },
    async (request, reply) => {
      if (!jobs) throw new AppError('INTERNAL', 'ジョブ基盤が起動していません');
      if (!Buffer.isBuffer(request.body)) throw new AppError('CSV_INVALID', 'CSVファイルを送信してください');
      const rawName = request.headers['x-file-name'];
      let fileName = 'upload.csv';
      try {
        if (typeof rawName === 'string' && rawName) fileName = decodeURIComponent(rawName);
      } catch {}
      const job = await startImport(db, jobs, requireAuth(request), request.query.kind, fileName, request.body);
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config,
      schema: {
        tags,
        summary: '取込履歴',
        querystring: ZPage,
        response: {
          200: z.object({
            items: z.array(ZImportJob),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => listImports(db, requireAuth(request), request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/v1/imports/:id',
    { config, schema: { tags, summary: '取込の状況', params: ZId, response: { 200: ZImportJob } } },
    async (request) => getImport(db, requireAuth(request), request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/errors.json',
    {
      config,
      schema: {
        tags,
        summary: '取込エラー一覧',
        params: ZId,
        querystring: ZPage,
        response: {
          200: z.object({
            items: z.array(ZImportError),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      listImportErrors(db, requireAuth(request), request.params.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/v1/imports/:id/errors',
    { config, schema: { tags, summary: '取込エラー一覧（CSV）', params: ZId, querystring: ZEncoding } },
    async (request, reply) => {
      const { encoding } = request.query;
      const file = await exportImportErrors(db, requireAuth(request), request.params.id, encoding);
      return reply.headers(csvHeaders(encoding, '取込エラー.csv')).send(file);
    },
  );
};
