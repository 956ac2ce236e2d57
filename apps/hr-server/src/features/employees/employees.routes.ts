import { ZCsvEncoding } from '@jinji/contracts/common/common';
import {
  EMPLOYEE_FORM_MASTER_KINDS,
  refineCreatedRange,
  type TEmployeeFormMasterKind,
  ZAssignmentInput,
  ZCareerSection,
  ZContactsSection,
  ZContractInput,
  ZCp932CheckResponse,
  ZCreateEmployeeRequest,
  ZCreateEmployeeResponse,
  ZEmployeeDetail,
  ZEmployeeFormOptionsResponse,
  ZEmployeeListQuery,
  ZEmployeeListQueryFields,
  ZEmployeeListResponse,
  ZSensitiveSection,
  ZUpdateBasicRequest,
} from '@jinji/contracts/hr/employees';
import type { TMasterItem } from '@jinji/contracts/hr/masters';
import { downloadHeaders } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { getCodeSettings } from '../code-settings/code-settings.service';
import { listMasters } from '../masters/masters.service';
import {
  addHistory,
  checkEmployeesCp932,
  correctHistory,
  createEmployee,
  deleteHistory,
  exportEmployees,
  getEmployee,
  listEmployees,
  replaceSection,
  updateBasic,
} from './employees.service';

const tags = ['employees'];
const view = { access: { kind: 'permission' as const, permission: 'employees.view' as const } };
const edit = { access: { kind: 'permission' as const, permission: 'employees.edit' as const } };
const ZId = z.object({ id: z.uuid({ error: 'IDの形式が正しくありません' }) });
const ZHistoryId = ZId.extend({ historyId: z.uuid({ error: '履歴IDの形式が正しくありません' }) });

export const employeeRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/employees',
    {
      config: view,
      schema: {
        tags,
        summary: '従業員一覧',
        querystring: ZEmployeeListQuery,
        response: { 200: ZEmployeeListResponse },
      },
    },
    async (request) => listEmployees(db, requireAuth(request), request.query),
  );

  app.get(
    '/api/v1/employees/export',
    {
      config: view,
      schema: {
        tags,
        summary: '従業員一覧のCSV出力（検索条件どおり）',
        querystring: refineCreatedRange(ZEmployeeListQueryFields.extend({ encoding: ZCsvEncoding.default('utf8') })),
      },
    },
    async (request, reply) => {
      const { encoding, ...query } = request.query;
      const file = await exportEmployees(db, requireAuth(request), query, encoding);
      return reply.headers(downloadHeaders('従業員一覧', encoding, 'employees')).send(file);
    },
  );

  app.get(
    '/api/v1/employees/export/cp932-check',
    {
      config: view,
      schema: {
        tags,
        summary: 'Shift_JISで出力する前の確認：保存できない文字のあるセル（行・項目・社員番号）',
        querystring: ZEmployeeListQuery,
        response: { 200: ZCp932CheckResponse },
      },
    },
    async (request) => checkEmployeesCp932(db, requireAuth(request), request.query),
  );

  // What the registration and edit forms offer: valid master rows and how codes are made.
  app.get(
    '/api/v1/employees/form-options',
    {
      config: view,
      schema: {
        tags,
        summary: '従業員フォームの選択肢（有効なマスタとコード設定）',
        response: { 200: ZEmployeeFormOptionsResponse },
      },
    },
    async (request) => {
      const ctx = requireAuth(request);
      const masters: Partial<Record<TEmployeeFormMasterKind, TMasterItem[]>> = {};
      for (const kind of EMPLOYEE_FORM_MASTER_KINDS) {
        masters[kind] = (await listMasters(db, ctx, kind, { includeInvalid: false, page: 1, pageSize: 500 })).items;
      }
      return { masters, codeSettings: (await getCodeSettings(db, ctx)).settings };
    },
  );

  app.post(
    '/api/v1/employees',
    {
      config: edit,
      schema: {
        tags,
        summary: '従業員 新規登録',
        body: ZCreateEmployeeRequest,
        response: { 201: ZCreateEmployeeResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createEmployee(db, requireAuth(request), request.body)),
  );

  app.get(
    '/api/v1/employees/:id',
    { config: view, schema: { tags, summary: '従業員情報（詳細）', params: ZId, response: { 200: ZEmployeeDetail } } },
    async (request) => getEmployee(db, requireAuth(request), request.params.id),
  );

  app.put(
    '/api/v1/employees/:id/basic',
    {
      config: edit,
      schema: {
        tags,
        summary: '基本情報の更新',
        params: ZId,
        body: ZUpdateBasicRequest,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => updateBasic(db, requireAuth(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/employees/:id/contacts',
    {
      config: edit,
      schema: {
        tags,
        summary: '緊急連絡先の更新',
        params: ZId,
        body: ZContactsSection,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => replaceSection(db, requireAuth(request), request.params.id, 'contacts', request.body),
  );

  app.put(
    '/api/v1/employees/:id/career',
    {
      config: edit,
      schema: {
        tags,
        summary: '学歴・職歴・資格免許の更新',
        params: ZId,
        body: ZCareerSection,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => replaceSection(db, requireAuth(request), request.params.id, 'career', request.body),
  );

  app.put(
    '/api/v1/employees/:id/sensitive',
    {
      config: { access: { kind: 'permission', permission: 'employees.sensitive' } },
      schema: {
        tags,
        summary: '障がい・賞罰の更新',
        params: ZId,
        body: ZSensitiveSection,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => replaceSection(db, requireAuth(request), request.params.id, 'sensitive', request.body),
  );

  app.post(
    '/api/v1/employees/:id/assignments',
    {
      config: edit,
      schema: {
        tags,
        summary: '異動（所属の新しい履歴）',
        params: ZId,
        body: ZAssignmentInput,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => addHistory(db, requireAuth(request), request.params.id, 'assignment', request.body),
  );

  app.post(
    '/api/v1/employees/:id/contracts',
    {
      config: edit,
      schema: {
        tags,
        summary: '契約の新しい履歴',
        params: ZId,
        body: ZContractInput,
        response: { 200: ZEmployeeDetail },
      },
    },
    async (request) => addHistory(db, requireAuth(request), request.params.id, 'contract', request.body),
  );

  for (const [kind, path, label, body] of [
    ['assignment', 'assignments', '所属', ZAssignmentInput],
    ['contract', 'contracts', '契約', ZContractInput],
  ] as const) {
    app.put(
      `/api/v1/employees/:id/${path}/:historyId`,
      {
        config: edit,
        schema: {
          tags,
          summary: `${label}の履歴の訂正（適用日・内容）`,
          params: ZHistoryId,
          body,
          response: { 200: ZEmployeeDetail },
        },
      },
      async (request) =>
        correctHistory(db, requireAuth(request), request.params.id, kind, request.params.historyId, request.body),
    );
    app.delete(
      `/api/v1/employees/:id/${path}/:historyId`,
      {
        config: edit,
        schema: { tags, summary: `${label}の履歴の削除`, params: ZHistoryId, response: { 200: ZEmployeeDetail } },
      },
      async (request) => deleteHistory(db, requireAuth(request), request.params.id, kind, request.params.historyId),
    );
  }
};
