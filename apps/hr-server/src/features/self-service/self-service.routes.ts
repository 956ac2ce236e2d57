// /api/v1/me/…: マイページ and 従業員スタートアップ. Access 'self': any signed-in account, and no route
// takes an employee id — the service finds the employee from the session (route-matrix test checks).
import { ZCareerSection, ZContactsSection } from '@jinji/contracts/hr/employees';
import {
  ZMyContactsRequest,
  ZMyProfile,
  ZStartupCompleteResponse,
  ZStartupSaveRequest,
  ZStartupState,
} from '@jinji/contracts/hr/self-service';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import {
  completeStartup,
  getMyProfile,
  getStartup,
  replaceMySection,
  saveStartupStep,
  updateMyContacts,
} from './self-service.service';

const tags = ['self-service'];
const self = { access: { kind: 'self' as const } };

export const selfServiceRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/me/profile',
    { config: self, schema: { tags, summary: 'マイページ：自分の基本情報', response: { 200: ZMyProfile } } },
    async (request) => getMyProfile(db, requireAuth(request)),
  );

  app.put(
    '/api/v1/me/contacts',
    {
      config: self,
      schema: {
        tags,
        summary: 'マイページ：ご自身の連絡先の更新',
        body: ZMyContactsRequest,
        response: { 200: ZMyProfile },
      },
    },
    async (request) => updateMyContacts(db, requireAuth(request), request.body),
  );

  app.put(
    '/api/v1/me/emergency-contacts',
    {
      config: self,
      schema: { tags, summary: 'マイページ：緊急連絡先の更新', body: ZContactsSection, response: { 200: ZMyProfile } },
    },
    async (request) => replaceMySection(db, requireAuth(request), 'contacts', request.body),
  );

  app.put(
    '/api/v1/me/career',
    {
      config: self,
      schema: {
        tags,
        summary: 'マイページ：学歴・職歴・資格免許の更新',
        body: ZCareerSection,
        response: { 200: ZMyProfile },
      },
    },
    async (request) => replaceMySection(db, requireAuth(request), 'career', request.body),
  );

  app.get(
    '/api/v1/me/startup',
    {
      config: self,
      schema: { tags, summary: '従業員スタートアップ：進み具合と下書き', response: { 200: ZStartupState } },
    },
    async (request) => getStartup(db, requireAuth(request)),
  );

  app.put(
    '/api/v1/me/startup',
    {
      config: self,
      schema: {
        tags,
        summary: '従業員スタートアップ：ステップの下書き保存（マスタには反映しない）',
        body: ZStartupSaveRequest,
        response: { 200: ZStartupState },
      },
    },
    async (request) => saveStartupStep(db, requireAuth(request), request.body),
  );

  app.post(
    '/api/v1/me/startup/complete',
    {
      config: self,
      schema: {
        tags,
        summary: '従業員スタートアップ：この内容で登録する（従業員マスタへ反映）',
        response: { 200: ZStartupCompleteResponse },
      },
    },
    async (request) => completeStartup(db, requireAuth(request)),
  );
};
