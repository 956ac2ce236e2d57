import { ZAttendanceListResponse, ZAttendanceQuery } from '@jinji/contracts/hr/attendance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { listAttendance } from './attendance.service';

const ZId = z.object({ id: z.uuid({ error: 'IDの形式が正しくありません' }) });

export const attendanceRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/employees/:id/attendance',
    {
      config: { access: { kind: 'permission', permission: 'employees.view' } },
      schema: {
        tags: ['employees'],
        summary: '勤怠実績（月別、新しい月から）',
        params: ZId,
        querystring: ZAttendanceQuery,
        response: { 200: ZAttendanceListResponse },
      },
    },
    async (request) => listAttendance(db, requireAuth(request), request.params.id, request.query),
  );
};
