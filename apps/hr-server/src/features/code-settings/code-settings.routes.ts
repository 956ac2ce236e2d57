import { ZCodeSettings, ZCodeSettingsResponse } from '@jinji/contracts/hr/code-settings';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { getCodeSettings, updateCodeSettings } from './code-settings.service';

const config = { access: { kind: 'permission' as const, permission: 'system.code_settings' as const } };

export const codeSettingsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/code-settings',
    { config, schema: { tags: ['system'], summary: 'コード設定', response: { 200: ZCodeSettingsResponse } } },
    async (request) => getCodeSettings(db, requireAuth(request)),
  );
  app.put(
    '/api/v1/code-settings',
    {
      config,
      schema: {
        tags: ['system'],
        summary: 'コード設定の更新',
        body: ZCodeSettings,
        response: { 200: ZCodeSettingsResponse },
      },
    },
    async (request) => updateCodeSettings(db, requireAuth(request), request.body),
  );
};
