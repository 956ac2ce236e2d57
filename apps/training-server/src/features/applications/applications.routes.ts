// 申込 (R-TRN-3) over HTTP: /api/v1/applications (お申込みフォーム, 申込申請, 申込一覧, キャンセル, 変更,
// 承認決裁, 却下), /api/v1/approvals (承認待ち), /api/v1/purchase-history (研修・サービス購入履歴),
// /api/v1/attendee-sessions and /api/v1/course-sessions/:sessionId/… (受講者詳細, 出欠, CSV), and HR's
// read API /api/link/v1/applications. Every rule and access decision is in the service.
import { ZApplicationChanges, ZApplicationChangesQuery } from '@jinji/contracts/link/applications';
import { can } from '@jinji/contracts/training/access';
import {
  ZApplication,
  ZApplicationForm,
  ZApplicationFormQuery,
  ZApplicationListQuery,
  ZApplicationPage,
  ZApplicationParams,
  ZApplyRequest,
  ZApprovalListQuery,
  ZAttendanceRequest,
  ZAttendanceResult,
  ZAttendeeCsvQuery,
  ZAttendeeList,
  ZAttendeeSessionPage,
  ZAttendeeSessionQuery,
  ZCancelRequest,
  ZChangeRequest,
  ZPurchaseHistory,
  ZPurchaseHistoryQuery,
  ZRejectRequest,
  ZSessionParams,
  ZUserPickList,
  ZUserPickQuery,
} from '@jinji/contracts/training/applications';
import type { MailWorker } from '@jinji/mail/worker';
import { downloadHeaders } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, trainingAuth } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb } from '../../db/database';
import { serviceRoute } from '../scim/service-route';
import {
  applyForSession,
  approveApplication,
  cancelApplication,
  changeApplication,
  exportAttendeesCsv,
  getApplication,
  getApplicationForm,
  getPurchaseHistory,
  listApplicationChanges,
  listApplications,
  listApprovals,
  listAttendeeSessions,
  listAttendees,
  pickApplicationUsers,
  recordAttendance,
  rejectApplication,
} from './applications.service';

const tags = ['applications'];
const apply = can('applications.apply');
const approve = can('applications.approve');
const manage = can('applications.manage');

export const applicationRoutes: FastifyPluginAsyncZod<{
  db: TrainingDb;
  mail: MailWorker;
  config: Pick<TrainingConfig, 'scim' | 'publicUrl'>;
}> = async (app, { db, mail, config }) => {
  const { publicUrl } = config;
  const deps = { db, mail, publicUrl };

  app.get(
    '/api/v1/applications/form',
    {
      config: apply,
      schema: {
        tags,
        summary: 'お申込みフォーム：日程・受講料と申込者の情報（申込できない場合はその理由）',
        querystring: ZApplicationFormQuery,
        response: { 200: ZApplicationForm },
      },
    },
    async (request) => getApplicationForm(db, requireActor(request), request.query.sessionId),
  );
  app.post(
    '/api/v1/applications',
    {
      config: apply,
      schema: { tags, summary: '申込申請', body: ZApplyRequest, response: { 201: ZApplication } },
    },
    async (request, reply) => reply.code(201).send(await applyForSession(deps, requireActor(request), request.body)),
  );
  app.get(
    '/api/v1/applications',
    {
      config: apply,
      schema: {
        tags,
        summary: '申込一覧（自分の申込。scope=all は管理者：全員の申込）',
        querystring: ZApplicationListQuery,
        response: { 200: ZApplicationPage },
      },
    },
    async (request) => listApplications(db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/applications/:id',
    {
      config: apply,
      schema: { tags, summary: '申込の詳細', params: ZApplicationParams, response: { 200: ZApplication } },
    },
    async (request) => getApplication(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/applications/:id/cancel',
    {
      config: apply,
      schema: {
        tags,
        summary: 'キャンセル（理由必須・キャンセル締切まで。確定済みの席はキャンセル待ちの先頭へ）',
        params: ZApplicationParams,
        body: ZCancelRequest,
        response: { 200: ZApplication },
      },
    },
    async (request) => cancelApplication(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/applications/:id/change',
    {
      config: apply,
      schema: {
        tags,
        summary: '日程の変更（同じ講座の別日程へ：元の申込をキャンセルし、新しい日程に申込申請）',
        params: ZApplicationParams,
        body: ZChangeRequest,
        response: { 200: ZApplication },
      },
    },
    async (request) => changeApplication(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/applications/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary: '承認決裁（空きがあれば申込確定、満席ならキャンセル待ち）',
        params: ZApplicationParams,
        response: { 200: ZApplication },
      },
    },
    async (request) => approveApplication(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/applications/:id/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: '却下（理由必須）',
        params: ZApplicationParams,
        body: ZRejectRequest,
        response: { 200: ZApplication },
      },
    },
    async (request) => rejectApplication(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/approvals',
    {
      config: approve,
      schema: {
        tags,
        summary: '承認待ち（自分が承認決裁できる申請中の申込、古い順）',
        querystring: ZApprovalListQuery,
        response: { 200: ZApplicationPage },
      },
    },
    async (request) => listApprovals(db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/purchase-history',
    {
      config: apply,
      schema: {
        tags,
        summary: '研修・サービス購入履歴（自分の。userId は管理者）',
        querystring: ZPurchaseHistoryQuery,
        response: { 200: ZPurchaseHistory },
      },
    },
    async (request) => getPurchaseHistory(db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/application-users',
    {
      config: manage,
      schema: {
        tags,
        summary: '研修・サービス購入履歴：利用者の選択（氏名・ログインID、20件まで）',
        querystring: ZUserPickQuery,
        response: { 200: ZUserPickList },
      },
    },
    async (request) => pickApplicationUsers(db, requireActor(request), request.query.q),
  );
  app.get(
    '/api/v1/attendee-sessions',
    {
      config: manage,
      schema: {
        tags,
        summary: '受講者詳細：日程の一覧（申込状況の件数つき、新しい順）',
        querystring: ZAttendeeSessionQuery,
        response: { 200: ZAttendeeSessionPage },
      },
    },
    async (request) => listAttendeeSessions(db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/course-sessions/:sessionId/attendees',
    {
      config: manage,
      schema: {
        tags,
        summary: '受講者詳細：日程の申込者（確定・キャンセル待ちの順・申請中・その他）',
        params: ZSessionParams,
        response: { 200: ZAttendeeList },
      },
    },
    async (request) => listAttendees(db, requireActor(request), request.params.sessionId),
  );
  app.put(
    '/api/v1/course-sessions/:sessionId/attendance',
    {
      config: manage,
      schema: {
        tags,
        summary: '出席・欠席・修了の一括記録（終了した日程の申込確定者のみ、全件正常な場合のみ）',
        params: ZSessionParams,
        body: ZAttendanceRequest,
        response: { 200: ZAttendanceResult },
      },
    },
    async (request) => recordAttendance(deps, requireActor(request), request.params.sessionId, request.body),
  );
  app.get(
    '/api/v1/course-sessions/:sessionId/attendees.csv',
    {
      config: manage,
      schema: {
        tags,
        summary: '受講者詳細のCSV出力（UTF-8 BOM付き / Shift_JIS）',
        params: ZSessionParams,
        querystring: ZAttendeeCsvQuery,
      },
    },
    async (request, reply) => {
      const { encoding } = request.query;
      const { file, name } = await exportAttendeesCsv(db, requireActor(request), request.params.sessionId, encoding);
      return reply.headers(downloadHeaders(name, encoding, 'attendees')).send(file);
    },
  );

  // HR's read API, with the organisation's bearer token (decision 016), never a session
  app.get(
    '/api/link/v1/applications',
    {
      config: serviceRoute(config),
      schema: {
        tags: ['link'],
        summary: 'HR連携：カーソル以降に変更された申込（updated_at, id の順、ページング）',
        querystring: ZApplicationChangesQuery,
        response: { 200: ZApplicationChanges },
      },
    },
    async (request) => listApplicationChanges(db, trainingAuth.serviceOf(request), request.query),
  );
};
