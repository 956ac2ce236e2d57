import { ZAuditLogQuery, ZAuditLogResponse } from '@jinji/contracts/audit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { listAuditLogs } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit-logs',
    {
      config: { access: { kind: 'permission', permission: 'system.audit_log' } },
      schema: {
        tags: ['system'],
        summary: '操作ログ',
        querystring: ZAuditLogQuery,
        response: { 200: ZAuditLogResponse },
      },
    },
    async (request) => listAuditLogs(db, requireAuth(request), request.query),
  );
};
