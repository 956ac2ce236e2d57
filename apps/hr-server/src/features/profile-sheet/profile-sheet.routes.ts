// 個人プロフィール over HTTP (R-PROF-1): the 個人プロフィール出力設定 (read: employees.view; save:
// employees.profile_settings) and one employee's sheet as a PDF (employees.view; overrides as query parameters).
import { Writable } from 'node:stream';
import {
  ZProfileSettings,
  ZProfileSettingsResponse,
  ZProfileSheetParams,
  ZProfileSheetQuery,
} from '@jinji/contracts/hr/profile-sheet';
import { attachmentDisposition } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { getProfileSettings, updateProfileSettings, writeProfileSheet } from './profile-sheet.service';

const tags = ['employees'];

export const profileSheetRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/profile-sheet/settings',
    {
      config: { access: { kind: 'permission', permission: 'employees.view' } },
      schema: { tags, summary: '個人プロフィール出力設定', response: { 200: ZProfileSettingsResponse } },
    },
    async (request) => getProfileSettings(db, requireAuth(request)),
  );
  app.put(
    '/api/v1/profile-sheet/settings',
    {
      config: { access: { kind: 'permission', permission: 'employees.profile_settings' } },
      schema: {
        tags,
        summary: '個人プロフィール出力設定の更新',
        body: ZProfileSettings,
        response: { 200: ZProfileSettingsResponse },
      },
    },
    async (request) => updateProfileSettings(db, requireAuth(request), request.body),
  );
  app.get(
    '/api/v1/employees/:id/profile-sheet.pdf',
    {
      config: { access: { kind: 'permission', permission: 'employees.view' } },
      schema: {
        tags,
        summary: '個人プロフィール出力（PDF）',
        params: ZProfileSheetParams,
        querystring: ZProfileSheetQuery,
      },
    },
    async (request, reply) => {
      // the whole sheet first: an error answers as an error, never as half a PDF
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      });
      await writeProfileSheet(db, requireAuth(request), request.params.id, request.query, sink);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentDisposition('個人プロフィール.pdf', 'profile.pdf'))
        .header('cache-control', 'no-store')
        .send(Buffer.concat(chunks));
    },
  );
};
