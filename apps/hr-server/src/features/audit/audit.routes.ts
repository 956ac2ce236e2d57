import { ZAuditLogExportQuery, ZAuditLogQuery, ZAuditLogResponse } from '@jinji/contracts/hr/audit';
import { attachmentDisposition } from '@jinji/server-kit/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { exportAuditLogs, listAuditLogs } from './audit.service';

const config = { access: { kind: 'permission', permission: 'system.audit_log' } } as const;

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit-logs',
    {
      config,
      schema: {
        tags: ['system'],
        summary: '操作ログ',
        querystring: ZAuditLogQuery,
        response: { 200: ZAuditLogResponse },
      },
    },
    async (request) => listAuditLogs(db, requireAuth(request), request.query),
  );

  app.get(
    '/api/v1/audit-logs/export',
    {
      config,
      schema: {
        tags: ['system'],
        summary: '操作ログのCSV出力（検索条件どおり、変更された項目ごとに1行）',
        querystring: ZAuditLogExportQuery,
      },
    },
    async (request, reply) => {
      const { encoding, ...filter } = request.query;
      const file = exportAuditLogs(db, requireAuth(request), filter, encoding);
      return reply
        .header('content-type', `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'shift_jis'}`)
        .header('content-disposition', attachmentDisposition('操作ログ.csv', 'audit-logs.csv'))
        .send(file);
    },
  );
};
