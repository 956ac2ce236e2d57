import { hasUnsafeChars, unsafeCharsMessage, ZCsvEncoding } from '@jinji/contracts/common/common';
import { refineCreatedRange, ZCp932CheckResponse, ZEmployeeListQueryFields } from '@jinji/contracts/hr/employees';
import {
  ZFileFormat,
  ZImportColumnsResponse,
  ZImportErrorListResponse,
  ZImportJob,
  ZImportJobListResponse,
  ZImportKind,
} from '@jinji/contracts/hr/imports';
import { AppError } from '@jinji/server-kit/app-error';
import { downloadHeaders } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { checkForUpdateCp932, exportForUpdate } from './employee-export';
import {
  exportImportErrors,
  getImport,
  importColumns,
  type JobQueue,
  listImportErrors,
  listImports,
  MAX_FILE_BYTES,
  startImport,
  templateFile,
} from './imports.service';

const config = { access: { kind: 'permission' as const, permission: 'employees.import' as const } };
const tags = ['imports'];
const ZId = z.object({ id: z.uuid({ error: 'IDの形式が正しくありません' }) });
const ZPage = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const ZEncoding = z.object({ encoding: ZCsvEncoding.default('utf8') });
const TEMPLATE_NAMES = {
  employees_new: '新規登録用ファイル',
  employees_update: '更新用ファイル',
  attendance: '勤怠実績',
};
export const importRoutes: FastifyPluginAsyncZod<{ db: Database; jobs?: JobQueue }> = async (app, { db, jobs }) => {
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/imports/template',
    {
      config,
      schema: {
        tags,
        summary:
          '新規登録用ファイル・更新用ファイル・勤怠実績（テンプレート）。CSV（UTF-8 BOM / Shift_JIS）または Excel',
        querystring: z.object({
          kind: ZImportKind.default('employees_new'),
          encoding: ZFileFormat.default('utf8'),
        }),
      },
    },
    async (request, reply) => {
      const { encoding, kind } = request.query;
      const base = TEMPLATE_NAMES[kind];
      const file = await templateFile(db, requireAuth(request), kind, encoding);
      return reply.headers(downloadHeaders(base, encoding, 'template')).send(file);
    },
  );

  app.get(
    '/api/v1/imports/export/cp932-check',
    {
      config,
      schema: {
        tags,
        summary: '更新用ファイルをShift_JISで出力する前の確認：保存できない文字のあるセル（行・項目・社員番号）',
        querystring: refineCreatedRange(ZEmployeeListQueryFields.omit({ page: true, pageSize: true })),
        response: { 200: ZCp932CheckResponse },
      },
    },
    async (request) => checkForUpdateCp932(db, requireAuth(request), request.query),
  );

  app.get(
    '/api/v1/imports/export',
    {
      config,
      schema: {
        tags,
        summary: '更新用ファイルの形で従業員データを出力（検索条件どおり）。編集して取り込むと更新できる',
        querystring: refineCreatedRange(
          ZEmployeeListQueryFields.omit({ page: true, pageSize: true }).extend({
            encoding: ZFileFormat.default('utf8'),
          }),
        ),
      },
    },
    async (request, reply) => {
      const { encoding, ...query } = request.query;
      const file = await exportForUpdate(db, requireAuth(request), query, encoding);
      return reply.headers(downloadHeaders('従業員データ_更新用', encoding, 'employees_update')).send(file);
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
        response: { 200: ZImportColumnsResponse },
      },
    },
    async (request) => ({ columns: importColumns(request.query.kind) }),
  );

  app.post(
    '/api/v1/imports',
    {
      config,
      schema: {
        tags,
        summary: '一括登録・更新（CSV / Excel 取込）。バックグラウンドで処理し、全行が正しい場合のみ登録する',
        consumes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        querystring: z.object({ kind: ZImportKind.default('employees_new') }),
        response: { 202: ZImportJob },
      },
    },
    async (request, reply) => {
      if (!jobs) throw new AppError('SERVICE_UNAVAILABLE', 'ジョブ基盤が起動していないため取り込めません');
      if (!Buffer.isBuffer(request.body)) throw new AppError('CSV_INVALID', 'CSVまたはExcelファイルを送信してください');
      const rawName = request.headers['x-file-name'];
      let fileName = 'upload.csv';
      try {
        if (typeof rawName === 'string' && rawName) fileName = decodeURIComponent(rawName);
      } catch {}
      if (hasUnsafeChars(fileName)) {
        const message = unsafeCharsMessage('ファイル名');
        throw new AppError('VALIDATION_FAILED', message, [{ path: 'x-file-name', message }]);
      }
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
        response: { 200: ZImportJobListResponse },
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
        response: { 200: ZImportErrorListResponse },
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
      return reply.headers(downloadHeaders('取込エラー', encoding, 'import_errors')).send(file);
    },
  );
};
