// 個人プロフィール一括出力: start (202, a background job), progress, and the finished ZIP.
import { ZProfileBatch, ZProfileBatchParams, ZStartProfileBatchRequest } from '@jinji/contracts/hr/profile-batch';
import { attachmentDisposition } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import type { JobQueue } from '../imports/imports.service';
import {
  getProfileBatch,
  openProfileBatchZip,
  PROFILE_BATCH_PERMISSION,
  startProfileBatch,
} from './profile-batch.service';

const config = { access: { kind: 'permission' as const, permission: PROFILE_BATCH_PERMISSION } };
const tags = ['profile-sheet'];

export const profileBatchRoutes: FastifyPluginAsyncZod<{ db: Database; jobs?: JobQueue }> = async (
  app,
  { db, jobs },
) => {
  app.post(
    '/api/v1/profile-batches',
    {
      config,
      schema: {
        tags,
        summary: '個人プロフィール一括出力（選択した従業員・検索結果すべて）。バックグラウンドでZIPを作成する',
        body: ZStartProfileBatchRequest,
        response: { 202: ZProfileBatch },
      },
    },
    async (request, reply) => {
      return reply.code(202).send(await startProfileBatch(db, jobs, requireAuth(request), request.body));
    },
  );

  app.get(
    '/api/v1/profile-batches/:id',
    {
      config,
      schema: {
        tags,
        summary: '個人プロフィール一括出力の進み具合',
        params: ZProfileBatchParams,
        response: { 200: ZProfileBatch },
      },
    },
    async (request) => getProfileBatch(db, requireAuth(request), request.params.id),
  );

  app.get(
    '/api/v1/profile-batches/:id/download',
    {
      config,
      schema: {
        tags,
        summary: '個人プロフィール一括出力のZIP（社員番号_氏名.pdf）。作成から24時間',
        params: ZProfileBatchParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const zip = await openProfileBatchZip(db, requireAuth(request), request.params.id);
      return reply
        .headers({
          'content-type': 'application/zip',
          'content-length': String(zip.bytes),
          'content-disposition': attachmentDisposition(zip.fileName, 'profiles.zip'),
          'cache-control': 'no-store',
        })
        .send(zip.stream);
    },
  );
};
