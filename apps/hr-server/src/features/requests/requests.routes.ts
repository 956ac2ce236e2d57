// 届出 (R-REQ-1) over HTTP. Three groups: /api/v1/me/… — the employee's own requests ('self': the
// service scopes every :requestId to the session's employee, another's is 404); /api/v1/requests — the
// approvers' 届出一覧 ('session': a 上長 needs no role; the service shows only what the caller approves);
// /api/v1/request-types — 届出種類設定 and 所属長 (requests.manage).
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  ZAttachmentParams,
  ZDecisionRequest,
  ZDepartmentHeadList,
  ZDepartmentHeadRequest,
  ZDepartmentParams,
  ZFileRequest,
  ZMyAttachmentParams,
  ZMyRequestListQuery,
  ZMyRequestParams,
  ZRequestDetail,
  ZRequestListQuery,
  ZRequestNotices,
  ZRequestPage,
  ZRequestParams,
  ZRequestType,
  ZRequestTypeInput,
  ZRequestTypeList,
  ZRequestTypeParams,
} from '@jinji/contracts/hr/requests';
import type { MailWorker } from '@jinji/mail/worker';
import { attachmentDisposition } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import {
  type AttachmentFile,
  approveRequest,
  createRequestType,
  fileRequest,
  getMyAttachment,
  getMyRequest,
  getRequest,
  getRequestAttachment,
  getRequestNotices,
  listDepartmentHeads,
  listFilableTypes,
  listMyRequests,
  listRequests,
  listRequestTypes,
  readRequestNotices,
  returnRequest,
  updateDepartmentHead,
  updateRequestType,
  withdrawMyRequest,
} from './requests.service';

const tags = ['requests'];
const self = { access: { kind: 'self' as const } };
const session = { access: { kind: 'session' as const } };
const manage = { access: { kind: 'permission' as const, permission: 'requests.manage' as const } };
// base64 of the largest allowed files, and the rest of the body
const FILE_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * ATTACHMENT_MAX_COUNT * 4) / 3) + 256 * 1024;

const sendAttachment = (
  reply: { headers(h: Record<string, string>): { send(b: Buffer): unknown } },
  file: AttachmentFile,
) =>
  reply
    .headers({
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName, 'attachment'),
      'x-content-type-options': 'nosniff',
    })
    .send(file.bytes);

export const requestRoutes: FastifyPluginAsyncZod<{ db: Database; mail: MailWorker }> = async (app, { db, mail }) => {
  const deps = { db, mail };

  // ---- the employee's own ------------------------------------------------------------------------
  app.get(
    '/api/v1/me/request-types',
    { config: self, schema: { tags, summary: '届出：届け出られる種類', response: { 200: ZRequestTypeList } } },
    async (request) => listFilableTypes(db, requireAuth(request)),
  );
  app.get(
    '/api/v1/me/requests',
    {
      config: self,
      schema: {
        tags,
        summary: '届出：自分の届出一覧',
        querystring: ZMyRequestListQuery,
        response: { 200: ZRequestPage },
      },
    },
    async (request) => listMyRequests(db, requireAuth(request), request.query),
  );
  app.post(
    '/api/v1/me/requests',
    {
      config: self,
      bodyLimit: FILE_BODY_LIMIT,
      schema: { tags, summary: '届出：届出をする', body: ZFileRequest, response: { 201: ZRequestDetail } },
    },
    async (request, reply) => reply.code(201).send(await fileRequest(deps, requireAuth(request), request.body)),
  );
  app.get(
    '/api/v1/me/requests/:requestId',
    {
      config: self,
      schema: { tags, summary: '届出：自分の届出の詳細', params: ZMyRequestParams, response: { 200: ZRequestDetail } },
    },
    async (request) => getMyRequest(db, requireAuth(request), request.params.requestId),
  );
  app.post(
    '/api/v1/me/requests/:requestId/withdraw',
    {
      config: self,
      schema: {
        tags,
        summary: '届出：取下げ（承認前のみ）',
        params: ZMyRequestParams,
        response: { 200: ZRequestDetail },
      },
    },
    async (request) => withdrawMyRequest(deps, requireAuth(request), request.params.requestId),
  );
  app.get(
    '/api/v1/me/requests/:requestId/attachments/:attachmentId',
    { config: self, schema: { tags, summary: '届出：自分の届出の添付ファイル', params: ZMyAttachmentParams } },
    async (request, reply) =>
      sendAttachment(
        reply,
        await getMyAttachment(db, requireAuth(request), request.params.requestId, request.params.attachmentId),
      ),
  );
  app.get(
    '/api/v1/me/request-notices',
    { config: self, schema: { tags, summary: '届出のお知らせと承認待ちの件数', response: { 200: ZRequestNotices } } },
    async (request) => getRequestNotices(db, requireAuth(request)),
  );
  app.post(
    '/api/v1/me/request-notices/read',
    { config: self, schema: { tags, summary: '届出のお知らせを既読にする', response: { 200: ZRequestNotices } } },
    async (request) => readRequestNotices(db, requireAuth(request)),
  );

  // ---- approvers ---------------------------------------------------------------------------------
  app.get(
    '/api/v1/requests',
    {
      config: session,
      schema: {
        tags,
        summary: '届出一覧：承認者として関わる届出（状態・種類・申請者・適用日で絞り込み）',
        querystring: ZRequestListQuery,
        response: { 200: ZRequestPage },
      },
    },
    async (request) => listRequests(db, requireAuth(request), request.query),
  );
  app.get(
    '/api/v1/requests/:id',
    {
      config: session,
      schema: {
        tags,
        summary: '届出の詳細（変更前 → 変更後）',
        params: ZRequestParams,
        response: { 200: ZRequestDetail },
      },
    },
    async (request) => getRequest(db, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/v1/requests/:id/approve',
    {
      config: session,
      schema: {
        tags,
        summary: '届出を承認する（最終承認で従業員情報へ反映）',
        params: ZRequestParams,
        body: ZDecisionRequest,
        response: { 200: ZRequestDetail },
      },
    },
    async (request) => approveRequest(deps, requireAuth(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/requests/:id/return',
    {
      config: session,
      schema: {
        tags,
        summary: '届出を差戻しする（コメント必須）',
        params: ZRequestParams,
        body: ZDecisionRequest,
        response: { 200: ZRequestDetail },
      },
    },
    async (request) => returnRequest(deps, requireAuth(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/requests/:id/attachments/:attachmentId',
    { config: session, schema: { tags, summary: '届出の添付ファイル', params: ZAttachmentParams } },
    async (request, reply) =>
      sendAttachment(
        reply,
        await getRequestAttachment(db, requireAuth(request), request.params.id, request.params.attachmentId),
      ),
  );

  // ---- 届出種類設定 --------------------------------------------------------------------------------
  app.get(
    '/api/v1/request-types',
    { config: manage, schema: { tags, summary: '届出種類設定：一覧', response: { 200: ZRequestTypeList } } },
    async (request) => listRequestTypes(db, requireAuth(request)),
  );
  app.post(
    '/api/v1/request-types',
    {
      config: manage,
      schema: { tags, summary: '届出種類設定：追加', body: ZRequestTypeInput, response: { 201: ZRequestType } },
    },
    async (request, reply) => reply.code(201).send(await createRequestType(db, requireAuth(request), request.body)),
  );
  app.put(
    '/api/v1/request-types/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '届出種類設定：変更（組み込みの届出は承認ルート・説明・利用のみ）',
        params: ZRequestTypeParams,
        body: ZRequestTypeInput,
        response: { 200: ZRequestType },
      },
    },
    async (request) => updateRequestType(db, requireAuth(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/request-types/department-heads',
    { config: manage, schema: { tags, summary: '所属長（上長）の一覧', response: { 200: ZDepartmentHeadList } } },
    async (request) => listDepartmentHeads(db, requireAuth(request)),
  );
  app.put(
    '/api/v1/request-types/department-heads/:departmentId',
    {
      config: manage,
      schema: {
        tags,
        summary: '所属長（上長）の設定',
        params: ZDepartmentParams,
        body: ZDepartmentHeadRequest,
        response: { 200: ZDepartmentHeadList },
      },
    },
    async (request) =>
      updateDepartmentHead(db, requireAuth(request), request.params.departmentId, request.body.employeeNumber),
  );
};
