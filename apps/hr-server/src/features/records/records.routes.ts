// 応対記録 over HTTP (R-REC-1): 対応記録一覧 and its CSV, 期限付きタスク, one record (create, edit, complete,
// reopen, delete) and the 応対記録 tab of 従業員情報（詳細）. All records.manage; the service decides 要配慮.
import {
  ZEmployeeRecords,
  ZEmployeeRecordsParams,
  ZEmployeeRecordsQuery,
  ZRecord,
  ZRecordExportQuery,
  ZRecordFormOptions,
  ZRecordInput,
  ZRecordListQuery,
  ZRecordPage,
  ZRecordParams,
  ZTaskListQuery,
  ZTaskPage,
} from '@jinji/contracts/hr/records';
import type { MailWorker } from '@jinji/mail/worker';
import { attachmentDisposition } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import {
  createRecord,
  deleteRecord,
  exportRecords,
  getRecord,
  getRecordFormOptions,
  listEmployeeRecords,
  listRecords,
  listTasks,
  setRecordCompleted,
  updateRecord,
} from './records.service';

const tags = ['records'];
const config = { access: { kind: 'permission', permission: 'records.manage' } } as const;

export const recordRoutes: FastifyPluginAsyncZod<{ db: Database; mail: MailWorker }> = async (app, { db, mail }) => {
  const deps = { db, mail };

  app.get(
    '/api/v1/records',
    {
      config,
      schema: { tags, summary: '対応記録一覧', querystring: ZRecordListQuery, response: { 200: ZRecordPage } },
    },
    async (request) => listRecords(db, requireAuth(request), request.query),
  );
  app.get(
    '/api/v1/records/export',
    { config, schema: { tags, summary: '対応記録一覧のCSV出力（検索条件どおり）', querystring: ZRecordExportQuery } },
    async (request, reply) => {
      const { encoding, ...filter } = request.query;
      const file = exportRecords(db, requireAuth(request), filter, encoding);
      return reply
        .header('content-type', `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'shift_jis'}`)
        .header('content-disposition', attachmentDisposition('対応記録一覧.csv', 'records.csv'))
        .send(file);
    },
  );
  app.get(
    '/api/v1/records/tasks',
    { config, schema: { tags, summary: '期限付きタスク', querystring: ZTaskListQuery, response: { 200: ZTaskPage } } },
    async (request) => listTasks(db, requireAuth(request), request.query),
  );
  app.get(
    '/api/v1/records/form-options',
    {
      config,
      schema: { tags, summary: '応対記録：カテゴリと担当者の選択肢', response: { 200: ZRecordFormOptions } },
    },
    async (request) => getRecordFormOptions(db, requireAuth(request)),
  );
  app.post(
    '/api/v1/records',
    { config, schema: { tags, summary: '応対記録を登録する', body: ZRecordInput, response: { 201: ZRecord } } },
    async (request, reply) => reply.code(201).send(await createRecord(deps, requireAuth(request), request.body)),
  );
  app.get(
    '/api/v1/records/:recordId',
    { config, schema: { tags, summary: '応対記録', params: ZRecordParams, response: { 200: ZRecord } } },
    async (request) => getRecord(db, requireAuth(request), request.params.recordId),
  );
  app.put(
    '/api/v1/records/:recordId',
    {
      config,
      schema: {
        tags,
        summary: '応対記録を編集する',
        params: ZRecordParams,
        body: ZRecordInput,
        response: { 200: ZRecord },
      },
    },
    async (request) => updateRecord(deps, requireAuth(request), request.params.recordId, request.body),
  );
  app.post(
    '/api/v1/records/:recordId/complete',
    { config, schema: { tags, summary: 'タスクを完了にする', params: ZRecordParams, response: { 200: ZRecord } } },
    async (request) => setRecordCompleted(deps, requireAuth(request), request.params.recordId, true),
  );
  app.post(
    '/api/v1/records/:recordId/reopen',
    { config, schema: { tags, summary: 'タスクを未完了に戻す', params: ZRecordParams, response: { 200: ZRecord } } },
    async (request) => setRecordCompleted(deps, requireAuth(request), request.params.recordId, false),
  );
  app.delete(
    '/api/v1/records/:recordId',
    {
      config,
      schema: { tags, summary: '応対記録を削除する', params: ZRecordParams },
    },
    async (request, reply) => {
      await deleteRecord(deps, requireAuth(request), request.params.recordId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/employees/:id/records',
    {
      config,
      schema: {
        tags,
        summary: '従業員情報（詳細）：応対記録と面談履歴',
        params: ZEmployeeRecordsParams,
        querystring: ZEmployeeRecordsQuery,
        response: { 200: ZEmployeeRecords },
      },
    },
    async (request) => listEmployeeRecords(db, requireAuth(request), request.params.id, request.query),
  );
};
