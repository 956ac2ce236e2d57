import { ZCreateTenantRequest, ZCreateTenantResponse, ZSetupStatus } from '@jinji/contracts/hr/setup';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { createTenant, isSetupNeeded } from './tenants.service';

// 初期設定: the first-run page creates the first organisation and its システム管理者.
export const setupRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/api/v1/setup/status',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['setup'], summary: '初期設定が必要か', response: { 200: ZSetupStatus } },
    },
    async () => ({ needsSetup: await isSetupNeeded(db) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: {
        access: { kind: 'public' },
        rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['setup'],
        summary: '初期設定（組織とシステム管理者の作成）',
        body: ZCreateTenantRequest,
        response: { 201: ZCreateTenantResponse },
      },
    },
    async (request, reply) => {
      await createTenant(db, request.body, { firstRun: true });
      return reply.code(201).send({ tenantCode: request.body.tenantCode });
    },
  );
};
